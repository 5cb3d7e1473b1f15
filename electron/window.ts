import { BrowserWindow, dialog, session, shell } from 'electron';
import { CLOSE_PROMPT, closeChoice } from './services/backups/close-prompt.ts';
import {
  blocksNavigation,
  permissionGranted,
  windowOpenDecision,
} from './services/security/window-policy.ts';

export const APP_ORIGIN = 'app://folio';

/** One window with Electron's security checklist applied (items 1, 6, 7). */
export function createWindow(preload: string): BrowserWindow {
  // electronegativity: AUXCLICK_JS_CHECK — a middle click can only ask for a new window, and
  // setWindowOpenHandler below denies every one (http/https/mailto go to the system browser).
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    title: 'Folio',
    show: false,
    backgroundColor: '#f7f5f2',
    webPreferences: {
      // electronegativity: PRELOAD_JS_CHECK — the preload exposes one method per contract
      // operation through contextBridge (shared/client.ts), no generic send/invoke or Node.
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (blocksNavigation(url, APP_ORIGIN)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (blocksNavigation(url, APP_ORIGIN)) event.preventDefault();
  });
  // The renderer blocks unloading while a post has unsaved changes; Electron shows no prompt
  // of its own, so ask here. Preventing this event lets the window close. Save keeps the
  // window open and asks the renderer to save every post, which closes it when all saved.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = closeChoice(dialog.showMessageBoxSync(win, CLOSE_PROMPT));
    if (choice === 'discard') event.preventDefault();
    else if (choice === 'save') win.webContents.send('saveAllAndClose', {});
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    // electronegativity: OPEN_EXTERNAL_JS_CHECK — windowOpenDecision returns only parsed
    // http:, https: and mailto: URLs for the system browser (security/window-policy.ts).
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
  return win;
}

/** Permission requests (camera, notifications, ...) are denied: a blog editor needs none. */
export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(permissionGranted(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    permissionGranted(permission, requestingOrigin),
  );
}
