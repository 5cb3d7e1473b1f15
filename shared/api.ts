/**
 * The one contract between the renderer and the main process. Every request channel with
 * its argument schema (validated at runtime by the main side) and result type, and every
 * event channel (main -> renderer). Nothing else names a channel.
 */
import { z } from 'zod';
import type { EventChannel, MenuCommand, RequestChannel } from './channels.ts';
import type {
  CredentialRequest,
  FileChange,
  FileVersion,
  GitCommit,
  GitDone,
  GitFileDiff,
  GitProgressEvent,
  GitResult,
  GitStatus,
  ImportedImage,
  LibraryStatus,
  NewPostSections,
  PostOpResult,
  ListedPost,
  ListHead,
  PostsChange,
  PostFile,
  PreviewCss,
  RecoveredPost,
  SaveResult,
  SearchHit,
  SiteTemplates,
  TaxonomyPlan,
  TaxonomyResult,
  TitleMatch,
  WorkspaceInfo,
  SiteServerStatus,
} from './models.ts';
import type { BlogSchema } from './schema.ts';
import type { HealthRows, HealthSummary, LinkResult } from './health/checks.ts';
import { settingsPatchSchema, type Settings } from './settings.ts';
import { MAX_POST_CHARS } from './limits.ts';
import { sortKeys } from './post-order.ts';

/** A path inside the open blog folder, relative to it; the main side confines it with realpath. */
const relativePath = z.string().min(1, 'A path is required').max(4096, 'The path is too long');

const fileVersion = z.strictObject({
  mtimeMs: z.number().finite(),
  size: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'A version hash is 64 hex digits'),
});

export { MAX_POST_CHARS };

/** Pasted or dropped images over this size are refused before they cross IPC. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Rendered post HTML and stylesheet sent for export (images are inlined by the main side). */
const MAX_EXPORT_CHARS = 32 * 1024 * 1024;

interface RequestSpec<A extends z.ZodType, R> {
  args: A;
  result: R;
}

function request<A extends z.ZodType>(args: A) {
  return { returns: <R>(): RequestSpec<A, R> => ({ args, result: undefined as unknown as R }) };
}

const noArgs = z.strictObject({});
const searchQuery = z.string().max(1000, 'The query is too long');
const resultLimit = z.number().int().min(1).max(500);
const postTitle = z
  .string()
  .trim()
  .min(1, 'A post needs a title')
  .max(500, 'The title is too long')
  .refine((t) => !/[\0\r\n]/.test(t), 'A title is one line');

const taxonomyEdit = {
  kind: z.enum(['tags', 'categories']),
  from: z.array(z.string().min(1).max(500)).min(1, 'Name a term to rename').max(100),
  to: z.string().min(1, 'The new name is empty').max(500, 'The new name is too long'),
};

export const requests = {
  getWorkspace: request(noArgs).returns<WorkspaceInfo | null>(),
  /** Without a path, the main process asks with the native folder dialog; null when cancelled. */
  openWorkspace: request(
    z.strictObject({ path: z.string().min(1).max(4096).optional() }),
  ).returns<WorkspaceInfo | null>(),
  listPosts: request(noArgs).returns<ListedPost[]>(),
  /**
   * The first `count` posts in the order the window sorts by, and how many there are: a
   * window shows them while the whole list (`listPosts`) is on its way.
   */
  listFirstPosts: request(
    z.strictObject({
      count: z.number().int().min(1).max(1000),
      sort: z.enum(sortKeys),
    }),
  ).returns<ListHead>(),
  readPost: request(z.strictObject({ path: relativePath })).returns<PostFile>(),
  /** The first ~200 characters of a listed post's body as plain text; null for no such post. */
  getExcerpt: request(z.strictObject({ path: relativePath })).returns<string | null>(),
  savePost: request(
    z.strictObject({
      path: relativePath,
      text: z.string().max(MAX_POST_CHARS, 'The post is larger than Folio saves'),
      expected: fileVersion,
    }),
  ).returns<SaveResult>(),
  openExternal: request(z.strictObject({ url: z.string().min(1).max(8192) })).returns<boolean>(),
  /** The fields of the blog's posts: declared in `.folio/config.yaml`, else inferred. */
  getSchema: request(noArgs).returns<BlogSchema>(),
  /** Native file dialog inside the blog; the answer is the path the post should write. */
  pickImage: request(z.strictObject({ postPath: relativePath })).returns<string | null>(),
  /**
   * Full text over titles, front-matter values and bodies; every word must match, a word
   * also matches as a prefix (`gard` finds `garden`). Best first, `limit` (default 20) at
   * most. Answers right after a folder opens (a plain scan), faster once the background
   * index is built (`getLibraryStatus().search`).
   */
  searchPosts: request(
    z.strictObject({ query: searchQuery, limit: resultLimit.optional() }),
  ).returns<SearchHit[]>(),
  /** The post switcher (Ctrl/Cmd+P): titles matching the query's letters in order, best first. */
  findPostsByTitle: request(
    z.strictObject({ query: searchQuery, limit: resultLimit.optional() }),
  ).returns<TitleMatch[]>(),
  /** Whether the library is indexing, what it skipped, how search answers. */
  getLibraryStatus: request(noArgs).returns<LibraryStatus>(),
  /** Hot exit: keeps a copy of a post's unsaved text in the app's data folder. */
  backupPost: request(
    z.strictObject({
      path: relativePath,
      text: z.string().max(MAX_POST_CHARS, 'The post is larger than Folio keeps'),
      base: fileVersion,
    }),
  ).returns<void>(),
  /** After a save, or when the writer drops the unsaved text. */
  discardBackup: request(z.strictObject({ path: relativePath })).returns<void>(),
  /** Unsaved text left by a crash or a kill, for the open blog, to offer back. */
  listBackups: request(noArgs).returns<RecoveredPost[]>(),
  /**
   * Publishing with git, in the open blog folder. Failures git can explain (no repository,
   * rejected push, conflicts…) come back as `{ ok: false, failure }` with a kind the panel
   * offers a next step for; paths are the changed files `gitStatus` listed, nothing else.
   */
  gitStatus: request(noArgs).returns<GitResult<GitStatus>>(),
  gitDiff: request(z.strictObject({ path: relativePath })).returns<GitResult<GitFileDiff>>(),
  gitLog: request(z.strictObject({ limit: z.number().int().min(1).max(200).optional() })).returns<
    GitResult<GitCommit[]>
  >(),
  /** Commits the selected files with the message and pushes; `gitProgress` while it runs. */
  gitCommitAndPush: request(
    z.strictObject({
      paths: z.array(relativePath).max(10_000, 'Too many files in one commit'),
      message: z.string().max(64 * 1024, 'The commit message is too long'),
    }),
  ).returns<GitResult<GitDone>>(),
  /** Pushes; with `setUpstream`, the branch's first push, tracking the remote (`push -u`). */
  gitPush: request(z.strictObject({ setUpstream: z.boolean().optional() })).returns<
    GitResult<GitDone>
  >(),
  /** Fetch, pull (rebase or merge as the repository is configured), push. */
  gitSync: request(noArgs).returns<GitResult<GitDone>>(),
  gitInit: request(noArgs).returns<GitResult<GitDone>>(),
  /** The writer's answer about the programs the blog's repository names (status.programs). */
  gitTrust: request(z.strictObject({ trusted: z.boolean() })).returns<GitResult<GitDone>>(),
  gitAddRemote: request(
    z.strictObject({
      name: z.string().min(1).max(100).optional(),
      url: z.string().min(1, 'A remote URL is required').max(4096),
    }),
  ).returns<GitResult<GitDone>>(),
  /** Aborts the merge or rebase in progress: everything as it was before it. */
  gitAbort: request(noArgs).returns<GitResult<GitDone>>(),
  /** Continues the merge or rebase once the conflicts are resolved. */
  gitContinue: request(noArgs).returns<GitResult<GitDone>>(),
  /** Stops the running publish or sync; false when nothing runs. */
  gitCancel: request(noArgs).returns<boolean>(),
  /** The writer's answer to a `credentialRequest`; null when they cancel. */
  answerCredential: request(
    z.strictObject({
      id: z.string().min(1).max(100),
      answer: z.string().max(4096).nullable(),
    }),
  ).returns<void>(),
  /**
   * A pasted or dropped image: the bytes (their type read from their first bytes) are copied
   * where the blog keeps the post's images, under a new name from the post's slug.
   */
  importImage: request(
    z.strictObject({
      postPath: relativePath,
      bytes: z
        .instanceof(Uint8Array, { message: 'The image must be bytes' })
        .refine((b) => b.length <= MAX_IMAGE_BYTES, 'The image is larger than Folio adds')
        .refine((b) => b.length > 0, 'The image is empty'),
      name: z.string().max(1024).optional(),
    }),
  ).returns<ImportedImage>(),
  /** Standalone HTML or PDF of a post, saved where the writer picks; null when cancelled. */
  exportPost: request(
    z.strictObject({
      postPath: relativePath,
      format: z.enum(['html', 'pdf']),
      title: z.string().max(4096),
      date: z.string().max(256).optional(),
      tags: z.array(z.string().max(1024)).max(1000),
      cover: z.string().max(8192).optional(),
      bodyHtml: z.string().max(MAX_EXPORT_CHARS, 'The post is larger than Folio exports'),
      css: z.string().max(MAX_EXPORT_CHARS, 'The stylesheet is larger than Folio exports'),
    }),
  ).returns<string | null>(),
  /** The writer's settings (shared/settings.ts), the same for every window. */
  getSettings: request(noArgs).returns<Settings>(),
  /** Validated; every window hears `settingsChanged` and applies it. */
  updateSettings: request(settingsPatchSchema).returns<Settings>(),
  /** Shows the post (or, without a path, the blog folder) in the system's file manager. */
  revealInFolder: request(z.strictObject({ path: relativePath.optional() })).returns<void>(),
  /**
   * The blog's own stylesheet for the preview (setting `previewCssPath`), or null when none
   * is set or the open blog has no such file.
   */
  /** The site's template dialect, config, own shortcodes/tags/includes (for the preview). */
  getSiteTemplates: request(noArgs).returns<SiteTemplates>(),
  getPreviewCss: request(noArgs).returns<PreviewCss | null>(),
  /** Sets (after reading it: a `.css` file inside the blog, 1 MB at most) or clears it. */
  setPreviewCss: request(
    z.strictObject({ path: relativePath.nullable() }),
  ).returns<PreviewCss | null>(),
  /** Native file dialog in the blog folder, then as setPreviewCss; null when cancelled. */
  pickPreviewCss: request(noArgs).returns<PreviewCss | null>(),
  /** The posts a tag or category rename (or merge) would edit; nothing is written. */
  planTaxonomyEdit: request(z.strictObject(taxonomyEdit)).returns<TaxonomyPlan>(),
  /**
   * Edits the planned posts' front matter (only the renamed item moves), each file
   * atomically; skips files changed since the plan and the `skip` paths (open and unsaved).
   */
  applyTaxonomyEdit: request(
    z.strictObject({
      ...taxonomyEdit,
      files: z
        .array(
          z.strictObject({
            path: relativePath,
            title: z.string().max(4096),
            version: fileVersion,
            merges: z.boolean(),
          }),
        )
        .max(100_000),
      skip: z.array(relativePath).max(100_000),
    }),
  ).returns<TaxonomyResult>(),
  /**
   * Where New… can put a post (Hugo's sections) and what else it can make (pages, collection
   * entries), with what it picks for the post `near`.
   */
  newPostSections: request(
    z.strictObject({ near: relativePath.nullable().optional() }),
  ).returns<NewPostSections>(),
  /**
   * A new post, page or collection entry from the blog's scaffold or archetype (else a
   * template from its kind's fields), named by the blog's pattern; never over an existing
   * file (`-2` is added).
   */
  createPost: request(
    z.strictObject({
      title: postTitle,
      draft: z.boolean(),
      section: relativePath.optional(),
      /** `posts` (the default), `pages`, or a collection's name: one of `newPostSections`' kinds. */
      kind: z.string().min(1).max(200).optional(),
      near: relativePath.optional(),
    }),
  ).returns<PostOpResult>(),
  /**
   * Sets the title; with `moveFile`, renames the file (or bundle folder, Hexo asset folder)
   * after it. A published post moves only with `confirmUrlChange` (its URL changes).
   */
  renamePost: request(
    z.strictObject({
      path: relativePath,
      title: postTitle,
      moveFile: z.boolean(),
      confirmUrlChange: z.boolean().optional(),
      expected: fileVersion.optional(),
    }),
  ).returns<PostOpResult>(),
  /** A copy titled “<title> (copy)”, as a draft. */
  duplicatePost: request(z.strictObject({ path: relativePath })).returns<PostOpResult>(),
  /** To the system trash (with its bundle or asset folder), never deleted outright. */
  trashPost: request(z.strictObject({ path: relativePath })).returns<PostOpResult>(),
  /** Out of the drafts folder or `draft:`/`published:` flipped, dated now; every other field kept. */
  publishPost: request(
    z.strictObject({ path: relativePath, expected: fileVersion.optional() }),
  ).returns<PostOpResult>(),
  unpublishPost: request(
    z.strictObject({ path: relativePath, expected: fileVersion.optional() }),
  ).returns<PostOpResult>(),
  /** The Site preview's server as it is now (nothing is started). */
  getSiteServer: request(noArgs).returns<SiteServerStatus>(),
  /**
   * Starts the blog's dev server (restarts it with `restart`). The first time for a blog, and
   * whenever its command changes, it answers `ask` until called with `trust: true`.
   */
  startSiteServer: request(
    z.strictObject({ trust: z.boolean().optional(), restart: z.boolean().optional() }),
  ).returns<SiteServerStatus>(),
  stopSiteServer: request(noArgs).returns<SiteServerStatus>(),
  /** Everything the server printed since it started. */
  getSiteServerLog: request(noArgs).returns<{ text: string }>(),
  /**
   * Shows the site's page in a view of its own over `bounds` (Electron); false where the host
   * has none (the Chromium test host), and the renderer frames the page itself.
   */
  showSiteView: request(
    z.strictObject({
      url: z.string().url().max(8192),
      bounds: z.strictObject({
        x: z.number().finite(),
        y: z.number().finite(),
        width: z.number().finite().nonnegative(),
        height: z.number().finite().nonnegative(),
      }),
      /** The server's rebuild count (SiteServerStatus.build): a new one reloads the page. */
      build: z.number().int().nonnegative(),
    }),
  ).returns<boolean>(),
  hideSiteView: request(noArgs).returns<void>(),
  /** The site health check's rows (the Problems tab), and the problems of `paths` alone. */
  getHealth: request(
    z.strictObject({ paths: z.array(relativePath).max(100_000).optional() }),
  ).returns<HealthRows>(),
  /**
   * A problem's certain fix: `from` at `offset` of the file becomes `to` (one link's target),
   * only over the version `expected` when the post is open; nothing else of the file moves.
   */
  applyHealthFix: request(
    z.strictObject({
      path: relativePath,
      offset: z.number().int().nonnegative(),
      from: z.string().min(1).max(8192),
      to: z.string().min(1).max(8192),
      expected: fileVersion.optional(),
    }),
  ).returns<PostOpResult>(),
  /** Checks the blog's external links now (only when asked): each URL once, politely. */
  checkExternalLinks: request(noArgs).returns<LinkResult[]>(),
} satisfies { [C in RequestChannel]: RequestSpec<z.ZodType, unknown> };

function event<P>() {
  return undefined as unknown as P;
}

export const events = {
  workspaceChanged: event<WorkspaceInfo>(),
  /** Menu items that act on renderer state (Save acts on the editor's buffer). */
  menuCommand: event<{ command: MenuCommand; /** openRecent: the folder. */ folder?: string }>(),
  /** While a big folder is indexed (at most every ~100 ms; only when it takes longer than that). */
  indexProgress: event<{ done: number; total: number }>(),
  /** While a publish or sync talks to the remote. */
  gitProgress: event<GitProgressEvent>(),
  /** git asks for a user name or password; answer with `answerCredential`. */
  credentialRequest: event<CredentialRequest>(),
  settingsChanged: event<Settings>(),
  /** The writer chose Save when closing a window with unsaved posts (electron/window.ts). */
  saveAllAndClose: event<Record<string, never>>(),
  /** The post list changed: after a save, a post operation, or a change on disk. */
  postsChanged: event<PostsChange>(),
  /** Posts another program changed, created or removed (never the echo of Folio's writes). */
  fileChanged: event<{ changes: FileChange[] }>(),
  /** The Site preview's server changed state, printed a line, or rebuilt after a save. */
  siteServerStatus: event<SiteServerStatus>(),
  /** The site health check changed (counts; the Problems tab asks for the rows). */
  healthChanged: event<HealthSummary>(),
} satisfies { [E in EventChannel]: unknown };

export type { MenuCommand };

export type Requests = typeof requests;
export type { EventChannel, RequestChannel };
export type RequestArgs<C extends RequestChannel> = z.input<Requests[C]['args']>;
export type ParsedArgs<C extends RequestChannel> = z.output<Requests[C]['args']>;
export type RequestResult<C extends RequestChannel> = Requests[C]['result'];
export type EventPayload<E extends EventChannel> = (typeof events)[E];

export { eventChannels, requestChannels } from './channels.ts';

/** What a request returns across the wire: errors travel as data, see shared/errors.ts. */
export type Envelope<R> =
  { ok: true; value: R } | { ok: false; error: { code: string; message: string } };

type Method<C extends RequestChannel> =
  Record<never, never> extends RequestArgs<C>
    ? (args?: RequestArgs<C>) => Promise<RequestResult<C>>
    : (args: RequestArgs<C>) => Promise<RequestResult<C>>;

export type FolioApi = { [C in RequestChannel]: Method<C> } & {
  on: { [E in EventChannel]: (listener: (payload: EventPayload<E>) => void) => () => void };
};

/** The object the main side implements: parsed arguments in, results out. */
export type Handlers = {
  [C in RequestChannel]: (args: ParsedArgs<C>) => Promise<RequestResult<C>>;
};

export type { FileVersion };
