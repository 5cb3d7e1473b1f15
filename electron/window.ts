import { BrowserWindow, dialog, session, shell } from 'electron';
import { isAllowedNavigation, isSafeExternalUrl } from './services/security/urls.ts';

export const APP_ORIGIN = 'app://folio';

/** One window with Electron's security checklist applied (items 1, 6, 7). */
export function createWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    title: 'Folio',
    show: false,
    backgroundColor: '#f7f5f2',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, APP_ORIGIN)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, APP_ORIGIN)) event.preventDefault();
  });
  // The renderer blocks unloading while a post has unsaved changes; Electron shows no prompt
  // of its own, so ask here. Preventing this event lets the window close.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Close Without Saving', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'Some posts have unsaved changes.',
      detail: 'Close the window anyway? Changes you have not saved will be lost.',
    });
    if (choice === 0) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  return win;
}

/** Permission requests (camera, notifications, ...) are denied: a blog editor needs none. */
export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}
