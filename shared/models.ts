/** Plain data that crosses the boundary between the main process and the renderer. */

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
}

export interface PostFile {
  path: string;
  text: string;
  version: FileVersion;
}

export interface SaveResult {
  path: string;
  version: FileVersion;
  /** The post's list entry after the save, so the list updates without a re-index. */
  summary: PostSummary;
}
