/**
 * The object that implements the contract in shared/api.ts, built from the plain-Node
 * services. Electron registers it with ipcMain (electron/ipc.ts); the Chromium test host
 * registers the same object through Playwright bindings.
 */
import path from 'node:path';
import type { EventChannel, EventPayload, Handlers } from '../../shared/api.ts';
import { FolioError } from '../../shared/errors.ts';
import { sweepLeftovers } from './backups/leftovers.ts';
import { createBackupStore } from './backups/backups.ts';
import { resolveInside, toRelative } from './files/paths.ts';
import { recoverBackups } from './backups/recover.ts';
import { readPost, savePost } from './content/posts.ts';
import { createGitHandlers } from './git/git-handlers.ts';
import { importImage } from './content/image-import.ts';
import { imageFolderFor, imageReference, type ImageLayout } from './content/image-path.ts';
import { exportPost, type ExportHost } from './export/export-post.ts';
import type { SaveFileSystem } from './files/file-system.ts';
import { loadBlogSchema } from './library/blog-schema.ts';
import { Library, type LibraryChange } from './library/library.ts';
import { liveLibrary, type LiveLibrary } from './library/live-library.ts';
import { postOpHandlers } from './library/post-ops/handlers.ts';
import { findPostsByTitle } from './search/fuzzy-title.ts';
import { SearchService } from './search/search-service.ts';
import { windowStart, type WindowStart } from './window-start.ts';
import { applyTaxonomyEdit, planTaxonomyEdit } from './library/taxonomy.ts';
import { isSafeExternalUrl } from './security/urls.ts';
import { readPreviewCss } from './preview-css/preview-css.ts';
import type { SettingsStore } from './settings/settings.ts';
import { withRecentFolder } from '../../shared/settings.ts';
import { readSiteTemplates } from './generators/site-templates.ts';
import { openWorkspace, type Workspace } from './workspace.ts';
import { SiteServer } from './site-server/site-server.ts';
import { healthOf, type HealthService } from './health/health-service.ts';
import { checkExternalLinks } from './health/external-links.ts';
import { sameVersion } from './files/version.ts';
import { editPost } from './content/posts.ts';
import type { ViewBounds } from '../../shared/models.ts';
import { firstInOrder, postOrders } from '../../shared/post-order.ts';

/** What only the host (Electron, or the test host) can do, passed in. */
export interface Host extends ExportHost {
  pickFolder(): Promise<string | null>;
  /** A native open-file dialog starting in `folder`, limited to these extensions. */
  pickFile(options: {
    title: string;
    folder: string;
    extensions: string[];
  }): Promise<string | null>;
  openExternal(url: string): Promise<void>;
  /** Shows a file or folder in the system's file manager (absent in hosts without one). */
  revealPath?(absolutePath: string): void;
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
  settings: SettingsStore;
  assetBase: string;
  /** The app's data folder (Electron's userData): the library index cache lives under it. */
  dataFolder: string;
  /** The file system saves go through; tests inject failures (ENOSPC, EROFS...). Default node:fs. */
  fileSystem?: SaveFileSystem;
  /** Moves a file or folder to the system trash (Electron's shell.trashItem). */
  trashItem?(absolutePath: string): Promise<void>;
  /** The environment programs Folio starts get (the Site preview's server); process.env. */
  environment?(): NodeJS.ProcessEnv;
  /**
   * A view of its own for the site's page (Electron's WebContentsView, electron/site-view.ts);
   * absent in the Chromium test host, where the renderer frames the page.
   */
  siteView?: {
    /** `build` counts rebuilds: a new one reloads the page. */
    show(url: string, bounds: ViewBounds, build: number): void;
    hide(): void;
  };
}

export interface Folio {
  handlers: Handlers;
  workspace(): Workspace | null;
  /** Opens a folder from the main side (argv, File › Open Folder) and tells the renderer. */
  openFolder(folder: string): Promise<Workspace>;
  /**
   * Stops what runs in the background (indexing, search, the folder watcher, git, the
   * credential helper's socket): at quit, or when its window closes.
   */
  dispose(): Promise<void>;
}

/** Folders with fewer posts index too fast for a progress bar to mean anything. */
const PROGRESS_MIN_FILES = 500;

export function createFolio(host: Host): Folio {
  let current: Workspace | null = null;
  const backups = createBackupStore(host.dataFolder);
  let library: Library | null = null;
  let search: SearchService | null = null;
  /** The open folder's wait for the window to start (see window-start.ts). */
  let starting: WindowStart | null = null;
  let live: LiveLibrary | null = null;
  let health: HealthService | null = null;

  /** The list's changes as the renderer applies them. */
  const postsChange = (library: Library, change: LibraryChange) => ({
    reset: change.reset,
    updated: change.updated.flatMap((rel) => {
      const entry = library.entry(rel);
      return entry ? [entry.summary] : [];
    }),
    removed: change.removed,
  });

  const root = (): string => {
    if (!current) throw new FolioError('NO_FOLDER', 'No blog folder is open');
    return current.info.root;
  };

  const imageLayout = (): ImageLayout => {
    const { generator, staticRoot, postAssetFolder } = current!.info;
    return { generator, staticRoot, postAssetFolder };
  };
  // The `imageFolder` setting: `auto` (the generator's convention) or a folder in the blog.
  const imageSetting = (): string => host.settings.get().imageFolder;

  const opened = (): { library: Library; search: SearchService } => {
    root();
    return { library: library!, search: search! };
  };

  /** The cache writes of folders this window left, which may still be indexing. */
  const leaving: Array<Promise<void>> = [];

  const openFolder = async (folder: string): Promise<Workspace> => {
    const workspace = await openWorkspace(folder, host.assetBase);
    search?.close();
    if (library) leaving.push(library.close());
    current = workspace;
    library = new Library({
      root: workspace.info.root,
      layout: workspace.layout,
      cacheFolder: path.join(host.dataFolder, 'library-cache'),
      onProgress: (progress) => {
        if (progress.total >= PROGRESS_MIN_FILES) host.emit('indexProgress', progress);
      },
    });
    const started = windowStart();
    starting = started;
    search = new SearchService(library);
    search.start(started.settled);
    live?.close();
    const opened = library;
    health?.close();
    const checked = healthOf(workspace, opened, (summary) => host.emit('healthChanged', summary));
    health = checked;
    // The first load's list reaches the renderer through listPosts (which waits for it).
    opened.onChange((change) => {
      if (!change.reset) host.emit('postsChanged', postsChange(opened, change));
      // The health check follows: the changed posts, or all of them after a re-index.
      if (change.reset) void started.settled.then(() => checked.checkAll());
      else void checked.update([...change.updated, ...change.removed]);
    });
    live = liveLibrary(opened, (changes) => host.emit('fileChanged', { changes }));
    host.siteView?.hide();
    await siteServer.open({
      root: workspace.info.root,
      generator: workspace.layout.generator,
      basePath: workspace.info.basePath,
      env: host.environment?.() ?? process.env,
    });
    await host.settings.update({
      lastFolder: current.info.root,
      recentFolders: withRecentFolder(host.settings.get().recentFolders, current.info.root),
    });
    host.emit('workspaceChanged', current.info);
    // Indexing starts now, in the background (the main process stays responsive, see
    // library.ts); listPosts and the rest wait for it. Its first load is a reset: the health
    // check's full pass follows it (above).
    void library.load().catch(() => undefined);
    return current;
  };

  const siteServer = new SiteServer({
    dataFolder: host.dataFolder,
    emit: (status) => host.emit('siteServerStatus', status),
    trust: {
      get: (folder) => host.settings.get().siteServerTrust[folder],
      set: async (folder, fingerprint) => {
        await host.settings.update({
          siteServerTrust: { ...host.settings.get().siteServerTrust, [folder]: fingerprint },
        });
      },
    },
  });

  const git = createGitHandlers({
    root,
    trust: {
      get: (gitDir) => host.settings.get().repositoryTrust[gitDir],
      set: async (gitDir, answer) => {
        await host.settings.update({
          repositoryTrust: { ...host.settings.get().repositoryTrust, [gitDir]: answer },
        });
      },
    },
    emit: (channel, payload) => host.emit(channel, payload),
    filesChanged: async () => void (await library?.refresh()),
  });

  const handlers: Handlers = {
    ...git.handlers,
    getWorkspace: async () => current?.info ?? null,
    openWorkspace: async ({ path }) => {
      // The renderer names a folder only from Open Recent: a page cannot open (and so read)
      // a folder the writer never chose. The dialog, the command line, the file manager and
      // dropped folders reach openFolder from the main process.
      if (path !== undefined && !host.settings.get().recentFolders.includes(path)) {
        throw new FolioError(
          'INVALID_ARGUMENT',
          `Folio opens only folders you chose: open “${path}” with Open Folder… first`,
        );
      }
      const folder = path ?? (await host.pickFolder());
      return folder ? (await openFolder(folder)).info : null;
    },
    listPosts: async () => {
      const list = await opened().library.list();
      starting?.listed();
      return list;
    },
    listFirstPosts: async ({ count, sort }) => {
      const list = await opened().library.list();
      // The library keeps its list newest first: that head is a slice.
      const head =
        sort === 'date' ? list.slice(0, count) : firstInOrder(list, count, postOrders[sort]);
      // All of a small blog's list: the window asks for no more (see windowStart).
      if (head.length === list.length) starting?.listed();
      return { posts: head, total: list.length };
    },
    getSchema: async () => {
      const { library } = opened();
      await library.list(Infinity);
      return loadBlogSchema(root(), library.fields());
    },
    pickImage: async ({ postPath }) => {
      // Starts where pasted images go; stores the path the same rule gives (image-path.ts).
      const picked = await host.pickFile({
        title: 'Choose an image',
        folder: path.join(root(), imageFolderFor(imageLayout(), postPath, imageSetting())),
        extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg'],
      });
      return picked ? imageReference(root(), imageLayout(), postPath, picked) : null;
    },
    importImage: async ({ postPath, bytes, name }) => {
      const imported = await importImage(root(), imageLayout(), postPath, bytes, {
        name,
        setting: imageSetting(),
      });
      // The health check lists the blog's files once per full check: a new image is one of them.
      health?.addFile(imported.path);
      return imported;
    },
    exportPost: async ({ postPath, format, ...document }) =>
      exportPost(root(), host, postPath, format, document),
    getSiteTemplates: async () => {
      root();
      const { info, layout, config } = current!;
      return readSiteTemplates(info.root, layout.generator, config.data);
    },
    getPreviewCss: async () => {
      const saved = host.settings.get().previewCssPath;
      if (!saved) return null;
      try {
        return await readPreviewCss(root(), saved);
      } catch (error) {
        // Set for another blog: this one simply has no such file.
        if (error instanceof FolioError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
    setPreviewCss: async ({ path: relativePath }) => {
      const css = relativePath === null ? null : await readPreviewCss(root(), relativePath);
      await host.settings.update({ previewCssPath: css?.path ?? '' });
      return css;
    },
    pickPreviewCss: async () => {
      const picked = await host.pickFile({
        title: 'Choose the blog’s stylesheet for the preview',
        folder: root(),
        extensions: ['css'],
      });
      if (!picked) return null;
      const css = await readPreviewCss(root(), toRelative(root(), path.resolve(picked)));
      await host.settings.update({ previewCssPath: css.path });
      return css;
    },
    readPost: async ({ path }) => readPost(root(), path),
    getExcerpt: async ({ path }) => opened().library.excerpt(path),
    savePost: async ({ path, text, expected }) => {
      const { version } = await savePost(root(), path, text, expected, {
        fs: host.fileSystem,
        expect: (rel, written) => live?.expect(rel, written),
      });
      // One post indexed from the text written, in place: the list (through postsChanged),
      // the search and the cache follow the save.
      const summary = opened().library.reindexOne(path, { text, version });
      siteServer.saved();
      return { path, version, summary };
    },
    searchPosts: async ({ query, limit }) => opened().search.search(query, limit),
    findPostsByTitle: async ({ query, limit }) => {
      const { library } = opened();
      return findPostsByTitle(await library.list(Infinity), query, limit);
    },
    getLibraryStatus: async () => {
      const { library, search } = opened();
      return {
        indexing: library.indexing || !library.loaded,
        posts: library.posts().length,
        skipped: library.skipped(),
        search: search.phase,
      };
    },
    backupPost: async ({ path: relativePath, text, base }) => {
      await resolveInside(root(), relativePath);
      await backups.write(root(), relativePath, text, base);
    },
    discardBackup: async ({ path: relativePath }) => backups.remove(root(), relativePath),
    listBackups: async () => {
      // The renderer asks once the blog is listed: a save killed before its rename left a
      // temp file, which becomes a backup here (or goes, when it holds nothing new).
      const { library } = opened();
      await library.list(Infinity);
      const leftovers = library.takeLeftovers();
      if (leftovers.length) await sweepLeftovers(root(), leftovers, backups);
      return recoverBackups(root(), await backups.list(root()));
    },
    getSettings: async () => host.settings.get(),
    updateSettings: async (patch) => host.settings.update(patch),
    revealInFolder: async ({ path: relativePath }) => {
      const target = relativePath ? await resolveInside(root(), relativePath) : root();
      if (!host.revealPath)
        throw new FolioError('INTERNAL', 'Reveal in Folder is not available here');
      host.revealPath(target);
    },
    planTaxonomyEdit: async (edit) => planTaxonomyEdit(opened().library, edit),
    applyTaxonomyEdit: async ({ skip, ...plan }) =>
      applyTaxonomyEdit(opened().library, plan, skip, (rel, text) => live?.expect(rel, text)),
    ...postOpHandlers({
      library: () => opened().library,
      siteConfig: () => current!.config,
      expect: (rel, text) => live?.expect(rel, text),
      dateFormat: () => host.settings.get().dateFormat,
      trashItem: async (file) => {
        if (!host.trashItem)
          throw new FolioError('INTERNAL', 'Move to Trash is not available here');
        await host.trashItem(file);
      },
    }),
    getHealth: async ({ paths }) => {
      root();
      const service = health!;
      if (paths) {
        const problems = service.problemsOf(new Set(paths));
        return { summary: service.summary(), problems, total: problems.length, externalLinks: 0 };
      }
      const { problems, total, external } = service.report();
      return { summary: service.summary(), problems, total, externalLinks: external.length };
    },
    applyHealthFix: async ({ path: relativePath, offset, from, to, expected }) => {
      const { library } = opened();
      const onDisk = await readPost(root(), relativePath);
      if (expected && !sameVersion(expected, onDisk.version)) {
        throw new FolioError(
          'CONFLICT',
          `“${relativePath}” changed since you opened it; save or reload it, then fix again.`,
        );
      }
      const { text, version } = await editPost(
        root(),
        relativePath,
        onDisk.version,
        (current) => {
          // The fix names the bytes it replaces: anything else there now, and nothing is written.
          if (current.slice(offset, offset + from.length) !== from) {
            throw new FolioError(
              'CONFLICT',
              `“${relativePath}” no longer has “${from}” where the check found it; check again.`,
            );
          }
          return current.slice(0, offset) + to + current.slice(offset + from.length);
        },
        { expect: (rel, written) => live?.expect(rel, written) },
      );
      // Re-indexing tells the health check too (the library's change listener).
      const summary = library.reindexOne(relativePath, { text, version });
      siteServer.saved();
      return { path: relativePath, removed: [], summary };
    },
    checkExternalLinks: async () => {
      root();
      return checkExternalLinks(health!.report().external.map((link) => link.url));
    },
    getSiteServer: async () => siteServer.current(),
    startSiteServer: async (request) => {
      root();
      return siteServer.start(request);
    },
    stopSiteServer: async () => {
      host.siteView?.hide();
      return siteServer.stop();
    },
    getSiteServerLog: async () => ({ text: siteServer.logText() }),
    showSiteView: async ({ url, bounds, build }) => {
      const served = siteServer.current().url;
      // The view shows the blog's own server and nothing else.
      if (!served || new URL(url).origin !== new URL(served).origin) {
        throw new FolioError('INVALID_ARGUMENT', `${url} is not the Site preview's server`);
      }
      if (!host.siteView) return false;
      host.siteView.show(url, bounds, build);
      return true;
    },
    hideSiteView: async () => host.siteView?.hide(),
    openExternal: async ({ url }) => {
      if (!isSafeExternalUrl(url)) return false;
      // electronegativity: OPEN_EXTERNAL_JS_CHECK — the URL was parsed and allowlisted just above.
      await host.openExternal(url);
      return true;
    },
  };

  const dispose = async () => {
    health?.close();
    host.siteView?.hide();
    await siteServer.stop();
    live?.close();
    live = null;
    search?.close();
    // Every index cache write lands, this folder's and the ones left before, before the data goes.
    await Promise.all([...leaving, library?.close()]);
    await git.close();
  };

  return { handlers, workspace: () => current, openFolder, dispose };
}
