/**
 * The object that implements the contract in shared/api.ts, built from the plain-Node
 * services. Electron registers it with ipcMain (electron/ipc.ts); the Chromium test host
 * registers the same object through Playwright bindings.
 */
import path from 'node:path';
import type { EventChannel, EventPayload, Handlers } from '../../shared/api.ts';
import { FolioError } from '../../shared/errors.ts';
import { readPost, savePost } from './content/posts.ts';
import { imageReference } from './content/image-path.ts';
import { loadBlogSchema } from './library/blog-schema.ts';
import { indexPosts, isInDraftFolder, type PostIndex } from './library/list-posts.ts';
import { isSafeExternalUrl } from './security/urls.ts';
import type { SettingsStore } from './settings/settings.ts';
import { openWorkspace, type Workspace } from './workspace.ts';

/** What only the host (Electron, or the test host) can do, passed in. */
export interface Host {
  pickFolder(): Promise<string | null>;
  /** A native open-file dialog starting in `folder`, limited to these extensions. */
  pickFile(options: {
    title: string;
    folder: string;
    extensions: string[];
  }): Promise<string | null>;
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
  let index: PostIndex | null = null;

  const indexNow = (): PostIndex => (index = indexPosts(root(), current!.layout));

  const root = (): string => {
    if (!current) throw new FolioError('NO_FOLDER', 'No blog folder is open');
    return current.info.root;
  };

  const openFolder = async (folder: string): Promise<Workspace> => {
    current = await openWorkspace(folder, host.assetBase);
    index = null;
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
    listPosts: async () => indexNow().posts,
    getSchema: async () => loadBlogSchema(root(), (index ?? indexNow()).fields),
    pickImage: async ({ postPath }) => {
      const { staticRoot } = current?.info ?? { staticRoot: '' };
      const picked = await host.pickFile({
        title: 'Choose an image',
        folder: path.join(root(), staticRoot, staticRoot ? 'images' : ''),
        extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg'],
      });
      return picked ? imageReference(root(), staticRoot, postPath, picked) : null;
    },
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
