/** Plain data that crosses the boundary between the main process and the renderer. */

import type { MarkdownFlavour } from './markdown/flavours.ts';
import type { SiteTemplate } from './markdown/templates/types.ts';

/** The static-site generators Folio knows the conventions of; `plain` is any folder of Markdown. */
export const GENERATORS = [
  'hexo',
  'hugo',
  'jekyll',
  'astro',
  'eleventy',
  'vuepress',
  'vitepress',
  'gatsby',
  'next',
  'plain',
] as const;
export type Generator = (typeof GENERATORS)[number];

/** The blog's own stylesheet for the preview (setting `previewCssPath`). */
/**
 * What a post's template constructs may know of the site (shared/markdown/templates/): its
 * dialect, its config, the shortcodes, tags and includes it defines, and the files those read.
 */
export interface SiteTemplates {
  /** The generator's template dialect; null for plain Markdown. */
  dialect: string | null;
  /** The site's config as JSON data (dates as ISO strings). */
  site: Record<string, unknown>;
  templates: Record<string, SiteTemplate>;
  /** By how posts name them: `include:<name>`, `code:<path>` (see TemplateContext.files). */
  files: Record<string, string | null>;
  /** The generator's Markdown, as the site's config sets it; null: CommonMark with GFM. */
  flavour: MarkdownFlavour | null;
}

export interface PreviewCss {
  /** Relative to the blog folder. */
  path: string;
  css: string;
}

export interface WorkspaceInfo {
  /** Absolute, real path of the open blog folder. */
  root: string;
  /** The site's title from its generator config, else the folder's name: for the header and window title. */
  name: string;
  /** Base URL under which the renderer can load files of the folder (images). */
  assetBase: string;
  /** The static-site generator recognised in the folder. */
  generator: Generator;
  /** Folder (relative) that site-absolute paths like `/images/x.png` point into. */
  staticRoot: string;
  /** Hexo's `post_asset_folder`: relative images of a post live in a folder named after it. */
  postAssetFolder: boolean;
  /** A post without a `date:` is dated by its file name (Jekyll, Hexo by `new_post_name`). */
  fileNameDates: boolean;
  /** The site leaves out posts dated in the future until their date: they are *Scheduled*. */
  futureScheduled: boolean;
  /** The path the site is served under (`/journal`), '' at the root: stripped from image paths. */
  basePath: string;
  /** The site config's keys that decide post URLs (BlogLayout.urlConfig), as JSON. */
  urlConfig: Record<string, unknown>;
}

/** Identifies the bytes a buffer was loaded from, to detect changes on disk before a save. */
export interface FileVersion {
  mtimeMs: number;
  size: number;
  /** SHA-256 of the bytes, hex. */
  hash: string;
}

export interface PostSummary {
  /** Path relative to the blog folder, with `/` separators. */
  path: string;
  title: string;
  /** The date as written in the front matter, or null. */
  date: string | null;
  /** Milliseconds since the epoch for sorting; NaN-free: null when there is no usable date. */
  dateValue: number | null;
  draft: boolean;
  /** As written (strings; numbers as text), duplicates dropped, in order. */
  tags: string[];
  /** Hexo's nested lists (`[[Life, Travel], [Diary]]`) are flattened, in order, duplicates dropped. */
  categories: string[];
  /** Words of the body: runs of letters and digits; each CJK character counts one. */
  wordCount: number;
  /** The file's modification time and size when it was indexed. */
  mtimeMs: number;
  size: number;
  /** Front matter that does not parse: the post is still listed, with what is wrong. */
  error?: PostError;
  /** Its URL on the built site (by the site's permalink config), without the base path. */
  url?: string;
  /** A section's own page (Hugo's `_index.md`), not a post. */
  section?: true;
  /** The collection it belongs to (Jekyll's `_docs`, an Astro content collection); none: a post. */
  collection?: string;
  /** A bundle the site builds no page for (Hugo's `headless: true`): its resources only. */
  headless?: true;
  /** When the site starts showing it, if set apart from its date (Hugo's `publishDate`). */
  publishValue?: number;
  /** When the site stops showing it (Hugo's `expiryDate`). */
  expiryValue?: number;
}

/**
 * A post as the window's list holds it. Its excerpt is not in it, nor in the index: it is
 * read when asked (`getExcerpt`), for the post under the pointer.
 */
export type ListedPost = PostSummary;

/**
 * The first posts of the list in the window's order, sent ahead of the whole list: a window
 * shows them (and the count) while the rest is on its way (`listFirstPosts`).
 */
export interface ListHead {
  posts: ListedPost[];
  /** How many posts the whole list has. */
  total: number;
}

export interface PostError {
  message: string;
  /** 1-based line and column in the file. */
  line: number;
  column: number;
}

/** A Markdown file in a post folder that the index could not read, and why. */
export interface SkippedFile {
  /** Relative to the blog folder, `/`-separated (a folder when the folder was unreadable). */
  path: string;
  reason: string;
}

/** What the main process's library knows, for a status line. */
export interface LibraryStatus {
  /** True while the folder is being indexed (see the `indexProgress` event). */
  indexing: boolean;
  posts: number;
  skipped: SkippedFile[];
  /**
   * How `searchPosts` answers: `scan` (a plain scan over the posts' text, right after the
   * folder opens), `index` (the full-text index, once built in the background), or
   * `preparing` (the texts are still being loaded; a search waits for them).
   */
  search: 'preparing' | 'scan' | 'index';
}

/** A part of a post's text around a match; `highlights` are [start, end) offsets into `text`. */
export interface SearchSnippet {
  text: string;
  highlights: Array<[number, number]>;
}

export interface SearchHit {
  path: string;
  title: string;
  score: number;
  /** Where the query matched in the body (up to two places); empty for title-only matches. */
  snippets: SearchSnippet[];
}

/** A post found by the title switcher; `highlights` are [start, end) offsets into `title`. */
export interface TitleMatch {
  path: string;
  title: string;
  score: number;
  highlights: Array<[number, number]>;
}

export interface PostFile {
  path: string;
  text: string;
  version: FileVersion;
  /**
   * Why the post opens read-only (its bytes are not UTF-8: the text shown is lossy and a save
   * would re-encode them). Absent for an editable post.
   */
  readOnly?: string;
}

/** Unsaved text found after a crash, offered back to the writer. */
export interface RecoveredPost {
  path: string;
  text: string;
  /** When the copy was made (ms since the epoch). */
  savedAt: number;
  /** The file on disk is no longer the version the unsaved text started from. */
  changedOnDisk: boolean;
  /** The file on disk now (to save over), or null when it is gone. */
  version: FileVersion | null;
  /** The text of the file on disk now, for the diff the recovery offer shows; null when gone. */
  diskText: string | null;
}

export interface SaveResult {
  path: string;
  version: FileVersion;
  /** The post's list entry after the save (null: the file is not one the list shows). */
  summary: PostSummary | null;
}

/** Why a git operation failed, as something the publish panel can offer a next step for. */
export type GitFailureKind =
  | 'GIT_NOT_FOUND'
  | 'NOT_A_REPO'
  | 'NO_REMOTE'
  | 'NO_UPSTREAM'
  | 'REJECTED'
  | 'CONFLICT'
  | 'AUTH_FAILED'
  | 'UNREACHABLE'
  | 'DETACHED_HEAD'
  | 'NOTHING_TO_COMMIT'
  | 'HOOK_FAILED'
  | 'MID_OPERATION'
  | 'UNRESOLVED'
  | 'IDENTITY_UNKNOWN'
  | 'LOCAL_CHANGES'
  | 'BUSY'
  | 'CANCELLED'
  | 'UNKNOWN';

export interface GitFailure {
  kind: GitFailureKind;
  /** A sentence for the writer: what happened and what to do. */
  message: string;
  /** What git or a hook printed, shown under the message. */
  detail?: string;
  /** Files concerned (conflicted files, relative to the blog folder). */
  files?: string[];
}

/** Git answers as data, so the panel keeps the kind (and its next step) of a failure. */
export type GitResult<T> = { ok: true; value: T } | { ok: false; failure: GitFailure };

export type GitChange =
  'modified' | 'added' | 'deleted' | 'renamed' | 'untracked' | 'conflicted' | 'typechange';

export interface GitChangedFile {
  /** Relative to the blog folder, `/`-separated. */
  path: string;
  /** A rename's old path. */
  from?: string;
  change: GitChange;
}

/** A merge or rebase that stopped (conflicts) and waits for Abort or Continue. */
export type GitOperation = 'merge' | 'rebase' | 'cherry-pick' | 'revert';

export interface GitStatus {
  /** The branch checked out; null on a detached HEAD. */
  branch: string | null;
  /** No commit yet (a fresh `git init`). */
  unborn: boolean;
  /** `origin/main`, or null when the branch tracks nothing. */
  upstream: string | null;
  /** The upstream is set but the remote has no such branch (its first push never finished). */
  upstreamGone: boolean;
  ahead: number;
  behind: number;
  /**
   * What a push would publish, read from git each time: the commits of this branch that no
   * remote branch has (with or without an upstream), and the files under the blog folder they
   * touch. Zero on a branch with no commit or a repository with no remote.
   */
  unpushed: { commits: number; files: string[] };
  remotes: Array<{ name: string; url: string }>;
  /** Programs the repository's own config and hooks would have git run. */
  programs: RepoProgram[];
  /**
   * The writer's answer for those programs: none needed (there are none), not given yet
   * (`ask`), trusted, or publish without them. Asked again when the programs change.
   */
  trust: 'none-needed' | 'ask' | 'trusted' | 'without';
  operation: GitOperation | null;
  conflicted: string[];
  files: GitChangedFile[];
}

/** A program a repository names: the setting (or `hook <name>`), its value, and its file. */
export interface RepoProgram {
  key: string;
  value: string;
  file: string;
}

export interface GitFileDiff {
  path: string;
  /** The file in the last commit ('' when new). */
  before: string;
  /** The file now ('' when deleted). */
  after: string;
  binary: boolean;
  /** Too large to show. */
  tooLarge: boolean;
}

export interface GitCommit {
  hash: string;
  shortHash: string;
  author: string;
  /** ISO 8601. */
  date: string;
  subject: string;
}

/** What a successful operation did, in a sentence, and the commit it made, if any. */
export interface GitDone {
  message: string;
  commit?: string;
}

export interface GitProgressEvent {
  operation: 'push' | 'sync';
  phase: string;
  percent: number;
}

/** git asks for a user name or password: the writer answers in the app. */
export interface CredentialRequest {
  id: string;
  prompt: string;
  /** A password or token: the field hides what is typed. */
  secret: boolean;
}

/** An image copied into the blog by a paste or a drop. */
export interface ImportedImage {
  /** The new file, relative to the blog folder. */
  path: string;
  /** What the post writes to show it, as in `![](reference)`. */
  reference: string;
}

/** The two kinds of terms a post is filed under. */
export type TaxonomyKind = 'tags' | 'categories';

/** Rename `from` to `to`; several terms in `from`, or a `to` already in use, is a merge. */
export interface TaxonomyEdit {
  kind: TaxonomyKind;
  from: string[];
  to: string;
}

/** The posts a rename will edit, shown to the writer before anything changes. */
export interface TaxonomyPlan extends TaxonomyEdit {
  files: Array<{
    path: string;
    title: string;
    /** The file as it was when planned: a file that changes before the apply is skipped. */
    version: FileVersion;
    /** The post already has the new name: the renamed item goes, no duplicate is made. */
    merges: boolean;
  }>;
}

export interface TaxonomyResult {
  /** The edited posts' new list entries. */
  changed: PostSummary[];
  /** Files left untouched, and why (changed on disk, unsaved in the editor, unparseable). */
  skipped: SkippedFile[];
}

/** What a post operation (new, rename, duplicate, trash, publish, unpublish) did. */
export interface PostOpResult {
  /** Where the post is now; null after it went to the trash. */
  path: string | null;
  /** Paths that no longer hold a post (the old name after a move). */
  removed: string[];
  /** The post's list entry now, or null. */
  summary: PostSummary | null;
  /** What the writer should know about the result (an archetype action left as text). */
  notice?: string;
}

/** Where New… can put a post: Hugo's section folders, and the one it would pick. */
export interface NewPostSections {
  sections: string[];
  section: string | null;
  /** What New… can make: posts, then pages and each collection where the site has them. */
  kinds: NewPostKind[];
  /** The kind it would make (the open entry's). */
  kind: string;
}

/** One kind of entry New… can make, and where it goes. */
export interface NewPostKind {
  /** `posts`, `pages`, or a collection's name (the list's Kind filter). */
  kind: string;
  /** The folder new entries of this kind go to, relative to the blog. */
  folder: string;
  /** Whether an entry of this kind can start as a draft. */
  drafts: boolean;
}

/** A post changed on disk by another program (not the echo of Folio's own writes). */
export interface FileChange {
  path: string;
  /** The file's version now; null when it was deleted or moved away. */
  version: FileVersion | null;
}

/** The list changed (a save, a post operation, a change on disk): entries to replace or drop. */
export interface PostsChange {
  /** True after a full (re)index: read the whole list again. */
  reset: boolean;
  updated: ListedPost[];
  removed: string[];
}

/**
 * The Site preview's server: `off` until asked; `ask` while the writer has not said this blog
 * may run it; `missing` when its program is not installed; then `starting`, `ready`,
 * `rebuilding` (after a save, until the generator is done) or `failed`.
 */
export type SiteServerState =
  'off' | 'ask' | 'missing' | 'starting' | 'ready' | 'rebuilding' | 'failed';

export interface SiteServerStatus {
  state: SiteServerState;
  /** The command line, as the writer would type it ('' when none is known). */
  command: string;
  /** The command comes from the blog's `.folio/config.yaml`, not from Folio. */
  fromConfig: boolean;
  /** Where the site is served (its base path included), once ready. */
  url: string | null;
  /** The last lines of its output: progress while starting, the cause when it failed. */
  lines: string[];
  /** What the writer should know: how to install it, why it stopped. */
  message: string | null;
  /** The line of its output that says what failed. */
  failingLine: string | null;
  /** How long its last build took, as it reported (ms). */
  buildMs: number | null;
  /** Counts the rebuilds after saves: the view reloads on each. */
  build: number;
  /** The server's process id while it runs. */
  pid: number | null;
}

/** Where the Site preview's view sits in the window (CSS pixels of the renderer). */
export interface ViewBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}
