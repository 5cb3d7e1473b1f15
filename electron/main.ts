import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeTheme,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import path from 'node:path';
import type { EventChannel, EventPayload } from '../shared/api.ts';
import { printHtmlToPdf } from './export-pdf.ts';
import type { MenuCommand } from '../shared/channels.ts';
import type { Settings } from '../shared/settings.ts';
import { contextMenuTemplate } from './context-menu.ts';
import { registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { assetBaseFor, handleProtocols, registerSchemes } from './protocol.ts';
import { createFolio, type Folio } from './services/handlers.ts';
import { createSiteView } from './site-view.ts';
import { launchTarget, type LaunchTarget } from './services/launch-target.ts';
import { ensureSampleBlog } from './services/sample-blog.ts';
import { createSettingsStore } from './services/settings/settings.ts';
import { APP_ORIGIN, createWindow, denyPermissions } from './window.ts';
import { cascade, clampToDisplays, toSaved } from './window-state.ts';

// dist/electron/main.cjs -> the app folder holds dist/ and assets/.
const appFolder = path.resolve(__dirname, '..', '..');

// Tests and portable setups point the data folder elsewhere.
if (process.env.FOLIO_USER_DATA) app.setPath('userData', process.env.FOLIO_USER_DATA);

registerSchemes();

/** One blog per window: each has its own handlers (and so its own open folder and index). */
interface FolioWindow {
  key: string;
  win: BrowserWindow;
  folio: Folio;
}

/** The arguments after the executable (and, unpackaged, after the app path). */
const userArgs = (argv: readonly string[]) => argv.slice(app.isPackaged ? 1 : 2);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const settings = createSettingsStore(app.getPath('userData'));
  const windows = new Map<number, FolioWindow>();
  let nextKey = 1;
  let lastFocused: FolioWindow | null = null;
  // macOS hands files over with 'open-file', possibly before the app is ready.
  const pendingFiles: string[] = [];
  let ready = false;

  const sampleBlog = () =>
    ensureSampleBlog(path.join(appFolder, 'assets', 'sample-blog'), app.getPath('userData'));
  const showError = (error: unknown) =>
    dialog.showErrorBox('Folio', error instanceof Error ? error.message : String(error));
  const workAreas = () => {
    const primary = screen.getPrimaryDisplay();
    return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
      (d) => d.workArea,
    );
  };
  const focusedEntry = (): FolioWindow | null => {
    const focused = BrowserWindow.getFocusedWindow();
    return (focused && windows.get(focused.webContents.id)) ?? lastFocused;
  };

  const pickFolder = async (parent: BrowserWindow | null): Promise<string | null> => {
    const options = { title: 'Open a blog folder', properties: ['openDirectory' as const] };
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  function rememberBounds(win: BrowserWindow): void {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    void settings.update({ window: toSaved(win.getNormalBounds(), win.isMaximized()) });
  }

  function createFolioFor(win: BrowserWindow, key: string): Folio {
    return createFolio({
      settings,
      assetBase: assetBaseFor(key),
      dataFolder: app.getPath('userData'),
      pickFolder: () => pickFolder(win),
      pickFile: async ({ title, folder, extensions }) => {
        const result = await dialog.showOpenDialog(win, {
          title,
          defaultPath: folder,
          properties: ['openFile'],
          filters: [{ name: 'Images', extensions }],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickSaveFile: async ({ title, defaultName, extensions }) => {
        const result = await dialog.showSaveDialog(win, {
          title,
          defaultPath: path.join(app.getPath('documents'), defaultName),
          filters: [{ name: extensions.join(', ').toUpperCase(), extensions }],
        });
        return result.canceled ? null : (result.filePath ?? null);
      },
      printToPDF: printHtmlToPdf,
      // electronegativity: OPEN_EXTERNAL_JS_CHECK — only reached through the openExternal
      // handler, which passes nothing but parsed http:, https: and mailto: URLs (security/urls.ts).
      openExternal: (url) => shell.openExternal(url),
      trashItem: (file) => shell.trashItem(file),
      revealPath: (file) => shell.showItemInFolder(file),
      siteView: createSiteView(win),
      emit: <E extends EventChannel>(channel: E, payload: EventPayload<E>) => {
        if (!win.isDestroyed()) win.webContents.send(channel, payload);
      },
    });
  }

  function spellCheckMenu(contents: WebContents): void {
    contents.on('context-menu', (_event, params) => {
      const template = contextMenuTemplate(params, {
        replaceMisspelling: (word) => contents.replaceMisspelling(word),
        addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
      });
      if (template.length) Menu.buildFromTemplate(template).popup();
    });
  }

  /** A new window on `target` (else the last folder, else the sample blog). */
  async function openWindow(target: LaunchTarget | null): Promise<FolioWindow> {
    const key = `w${nextKey++}`;
    const previous = focusedEntry();
    const saved = settings.get().window;
    const bounds = previous
      ? cascade(previous.win.getBounds(), workAreas())
      : clampToDisplays(saved, workAreas());
    const win = createWindow(path.join(appFolder, 'dist', 'electron', 'preload.cjs'));
    win.setBounds(bounds);
    if (!previous && saved?.maximized) win.once('ready-to-show', () => win.maximize());
    const entry: FolioWindow = { key, win, folio: createFolioFor(win, key) };
    const id = win.webContents.id;
    windows.set(id, entry);
    lastFocused = entry;

    let boundsTimer: NodeJS.Timeout | undefined;
    const onBoundsChange = () => {
      clearTimeout(boundsTimer);
      boundsTimer = setTimeout(() => rememberBounds(win), 400);
    };
    win.on('resize', onBoundsChange);
    win.on('move', onBoundsChange);
    win.on('focus', () => (lastFocused = entry));
    win.on('close', () => {
      clearTimeout(boundsTimer);
      rememberBounds(win);
    });
    win.on('closed', () => {
      void entry.folio.dispose();
      windows.delete(id);
      if (lastFocused === entry) lastFocused = [...windows.values()].at(-1) ?? null;
    });
    spellCheckMenu(win.webContents);
    win.webContents.on('did-finish-load', () =>
      win.webContents.setZoomLevel(settings.get().zoomLevel),
    );

    const folder = target?.folder ?? settings.get().lastFolder ?? sampleBlog();
    await entry.folio.openFolder(folder).catch(async (error: unknown) => {
      // A remembered folder that is gone: fall back to the sample blog.
      showError(error);
      await entry.folio.openFolder(sampleBlog());
    });
    const query = target?.post ? `?post=${encodeURIComponent(target.post)}` : '';
    await win.loadURL(`${APP_ORIGIN}/index.html${query}`);
    return entry;
  }

  /** A second launch, a dock drop or File › New Window: focus the blog if open, else a new window. */
  function openTarget(target: LaunchTarget | null): void {
    if (!target) {
      const entry = focusedEntry();
      if (!entry) return void openWindow(null).catch(showError);
      if (entry.win.isMinimized()) entry.win.restore();
      entry.win.focus();
      return;
    }
    const showing = [...windows.values()].find(
      (w) => w.folio.workspace()?.info.root === path.resolve(target.folder),
    );
    if (showing && !target.post) {
      if (showing.win.isMinimized()) showing.win.restore();
      showing.win.focus();
      return;
    }
    void openWindow(target).catch(showError);
  }

  /** Menu items run in the focused window; with none open (macOS), some open one. */
  function sendCommand(command: MenuCommand, folder?: string): void {
    const entry = focusedEntry();
    if (entry) return entry.win.webContents.send('menuCommand', { command, folder });
    if (command === 'openRecent' && folder) openTarget({ folder });
    else if (command === 'openFolder') void newWindow();
  }

  async function newWindow(): Promise<void> {
    const folder = await pickFolder(BrowserWindow.getFocusedWindow());
    if (folder) openTarget({ folder });
  }

  function applySettings(current: Settings): void {
    Menu.setApplicationMenu(
      buildMenu({
        platform: process.platform,
        isPackaged: app.isPackaged,
        settings: current,
        send: sendCommand,
        newWindow: () => void newWindow(),
        clearRecent: () => void settings.update({ recentFolders: [] }),
      }),
    );
    nativeTheme.themeSource = current.theme === 'auto' ? 'system' : current.theme;
    const spelling = session.defaultSession;
    spelling.setSpellCheckerEnabled(current.spellCheck);
    // macOS uses the system's spellchecker and its languages; elsewhere Folio chooses.
    if (process.platform !== 'darwin') {
      const available = new Set(spelling.availableSpellCheckerLanguages);
      const chosen = current.spellCheckLanguages.filter((l) => available.has(l));
      if (chosen.length) spelling.setSpellCheckerLanguages(chosen);
    }
    for (const { win } of windows.values()) {
      if (win.isDestroyed()) continue;
      win.webContents.setZoomLevel(current.zoomLevel);
      win.webContents.send('settingsChanged', current);
    }
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    openTarget(launchTarget(userArgs(argv), workingDirectory));
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (ready) openTarget(launchTarget([file], path.dirname(file)));
    else pendingFiles.push(file);
  });
  app.on('activate', () => {
    if (ready && windows.size === 0) void openWindow(null).catch(showError);
  });
  // Stops running pushes and removes the credential helpers (see services/git/askpass.ts).
  app.on('will-quit', () => {
    for (const { folio } of windows.values()) void folio.dispose();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    ready = true;
    denyPermissions();
    handleProtocols(path.join(appFolder, 'dist', 'renderer'), (key) => {
      const entry = [...windows.values()].find((w) => w.key === key);
      return entry?.folio.workspace()?.info.root ?? null;
    });
    registerIpc((sender) => windows.get(sender.id)?.folio.handlers ?? null);
    applySettings(settings.get());
    settings.onChange(applySettings);
    const targets = [
      launchTarget(userArgs(process.argv), process.cwd()),
      ...pendingFiles.map((file) => launchTarget([file], path.dirname(file))),
    ].filter((t): t is LaunchTarget => t !== null);
    if (!targets.length) targets.push({ folder: settings.get().lastFolder ?? sampleBlog() });
    for (const target of targets) await openWindow(target).catch(showError);
  });
}
