import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import path from 'node:path';
import type { EventChannel, EventPayload } from '../shared/api.ts';
import { printHtmlToPdf } from './export-pdf.ts';
import { registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { ASSET_BASE, handleProtocols, registerSchemes } from './protocol.ts';
import { createFolio } from './services/handlers.ts';
import { ensureSampleBlog, folderFromArgv } from './services/sample-blog.ts';
import { createSettingsStore } from './services/settings/settings.ts';
import { APP_ORIGIN, createWindow, denyPermissions } from './window.ts';

// dist/electron/main.cjs -> the app folder holds dist/ and assets/.
const appFolder = path.resolve(__dirname, '..', '..');

// Tests and portable setups point the data folder elsewhere.
if (process.env.FOLIO_USER_DATA) app.setPath('userData', process.env.FOLIO_USER_DATA);

registerSchemes();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  const settings = createSettingsStore(app.getPath('userData'));
  const folio = createFolio({
    settings,
    assetBase: ASSET_BASE,
    dataFolder: app.getPath('userData'),
    pickFolder: async () => {
      const options = { title: 'Open a blog folder', properties: ['openDirectory' as const] };
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickFile: async ({ title, folder, extensions }) => {
      const options = {
        title,
        defaultPath: folder,
        properties: ['openFile' as const],
        filters: [{ name: 'Images', extensions }],
      };
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickSaveFile: async ({ title, defaultName, extensions }) => {
      const options = {
        title,
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [{ name: extensions.join(', ').toUpperCase(), extensions }],
      };
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    printToPDF: printHtmlToPdf,
    openExternal: (url) => shell.openExternal(url),
    emit: <E extends EventChannel>(channel: E, payload: EventPayload<E>) => {
      win?.webContents.send(channel, payload);
    },
  });

  const argvFolder = folderFromArgv(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd());
  const startFolder = (): string =>
    argvFolder ??
    settings.get().lastFolder ??
    ensureSampleBlog(path.join(appFolder, 'assets', 'sample-blog'), app.getPath('userData'));

  const showError = (error: unknown) =>
    dialog.showErrorBox('Folio', error instanceof Error ? error.message : String(error));

  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Stops a running push and removes the credential helper (see services/git/askpass.ts).
  app.on('will-quit', () => void folio.dispose());

  void app.whenReady().then(async () => {
    denyPermissions();
    handleProtocols(
      path.join(appFolder, 'dist', 'renderer'),
      () => folio.workspace()?.info.root ?? null,
    );
    registerIpc(folio.handlers);
    Menu.setApplicationMenu(
      buildMenu({
        // Both act on renderer state (unsaved buffers), so the renderer carries them out.
        openFolder: () => win?.webContents.send('menuCommand', { command: 'openFolder' }),
        save: () => win?.webContents.send('menuCommand', { command: 'save' }),
      }),
    );
    await folio.openFolder(startFolder()).catch(async (error: unknown) => {
      // A remembered folder that is gone: fall back to the sample blog.
      showError(error);
      await folio.openFolder(
        ensureSampleBlog(path.join(appFolder, 'assets', 'sample-blog'), app.getPath('userData')),
      );
    });
    win = createWindow(path.join(appFolder, 'dist', 'electron', 'preload.cjs'));
    await win.loadURL(`${APP_ORIGIN}/index.html`);
  });
}
