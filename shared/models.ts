/** Plain data that crosses the boundary between the main process and the renderer. */

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

export interface WorkspaceInfo {
  /** Absolute, real path of the open blog folder. */
  root: string;
  /** Folder name, for the window title. */
  name: string;
  /** Base URL under which the renderer can load files of the folder (images). */
  assetBase: string;
  /** The static-site generator recognised in the folder. */
  generator: string;
  /** Folder (relative) that site-absolute paths like `/images/x.png` point into. */
  staticRoot: string;
  /** Hexo's `post_asset_folder`: relative images of a post live in a folder named after it. */
  postAssetFolder: boolean;
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
  /** The first ~200 characters of the body as plain text (Markdown syntax stripped). */
  excerpt: string;
  /** The file's modification time and size when it was indexed. */
  mtimeMs: number;
  size: number;
  /** Front matter that does not parse: the post is still listed, with what is wrong. */
  error?: PostError;
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
}

export interface SaveResult {
  path: string;
  version: FileVersion;
  /** The post's list entry after the save, so the list updates without a re-index. */
  summary: PostSummary;
}
