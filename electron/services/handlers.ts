/**
 * The object that implements the contract in shared/api.ts, built from the plain-Node
 * services. Electron registers it with ipcMain (electron/ipc.ts); the Chromium test host
 * registers the same object through Playwright bindings.
 */
import type { EventChannel, EventPayload, Handlers } from '../../shared/api.ts';
import { FolioError } from '../../shared/errors.ts';
import { readPost, savePost } from './content/posts.ts';
import { isInDraftFolder, listPosts } from './library/list-posts.ts';
import { isSafeExternalUrl } from './security/urls.ts';
import type { SettingsStore } from './settings/settings.ts';
import { openWorkspace, type Workspace } from './workspace.ts';

/** What only the host (Electron, or the test host) can do, passed in. */
export interface Host {
  pickFolder(): Promise<string | null>;
  openExternal(url: string): Promise<void>;
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
  settings: SettingsStore;
  assetBase: string;
}

export interface Folio {
  handlers: Handlers;
  workspace(): Workspace | null;
  /** Opens a folder from the main side (argv, File › Open Folder) and tells the renderer. */
  openFolder(folder: string): Promise<Workspace>;
}

export function createFolio(host: Host): Folio {
  let current: Workspace | null = null;

  const root = (): string => {
    if (!current) throw new FolioError('NO_FOLDER', 'No blog folder is open');
    return current.info.root;
  };

  const openFolder = async (folder: string): Promise<Workspace> => {
    current = await openWorkspace(folder, host.assetBase);
    await host.settings.update({ lastFolder: current.info.root });
    host.emit('workspaceChanged', current.info);
    return current;
  };

  const handlers: Handlers = {
    getWorkspace: async () => current?.info ?? null,
    openWorkspace: async ({ path }) => {
      const folder = path ?? (await host.pickFolder());
      return folder ? (await openFolder(folder)).info : null;
    },
    listPosts: async () => listPosts(root(), current!.layout),
    readPost: async ({ path }) => readPost(root(), path),
    savePost: async ({ path, text, expected }) =>
      savePost(root(), path, text, expected, (rel) => isInDraftFolder(current!.layout, rel)),
    openExternal: async ({ url }) => {
      if (!isSafeExternalUrl(url)) return false;
      await host.openExternal(url);
      return true;
    },
  };

  return { handlers, workspace: () => current, openFolder };
}
