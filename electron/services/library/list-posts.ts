import { profileOf } from '../../../shared/generators/index.ts';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PostSummary, SkippedFile } from '../../../shared/models.ts';
import { postOrders } from '../../../shared/post-order.ts';
import { emptyObservations, observe, type FieldObservations } from '../../../shared/schema.ts';
import { TEMP_FILE } from '../files/atomic-write.ts';
import type { BlogLayout } from '../generators/detect-blog.ts';
import {
  entryFromText,
  MARKDOWN,
  readEntry,
  SYMLINK_REASON,
  type EntryOptions,
  type PostEntry,
} from './post-entry.ts';

// The index cache keeps a walk's file list (walk-record.ts): a change to what the walk
// lists (these folders, the layout's generated folders, MARKDOWN, links) must bump
// CACHE_VERSION in index-cache.ts.
/** Never the writer's text, wherever they are: packages, git's own folder, Folio's settings. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.folio']);

/** How far a generated folder is searched for Markdown before it is called Markdown-free. */
const GENERATED_PROBE_ENTRIES = 2_000;

/** Whether a folder holds a Markdown file within its first entries (breadth-first). */
export function holdsMarkdown(folder: string): boolean {
  const queue = [folder];
  let seen = 0;
  while (queue.length && seen < GENERATED_PROBE_ENTRIES) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++seen > GENERATED_PROBE_ENTRIES) break;
      if (entry.isFile() && MARKDOWN.test(entry.name)) return true;
      if (entry.isDirectory()) queue.push(path.join(dir, entry.name));
    }
  }
  return false;
}

/** Why a generated folder's Markdown is not listed. */
export function generatedReason(layout: BlogLayout): string {
  return `the site ${profileOf(layout.generator).title} builds (its output, remade on each build), not its source`;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether a symbolic link is worth telling the writer about: one named like a post, or one
 * to a folder (or that does not resolve: a loop, a dangling link). Links to images and other
 * files are left out silently, as those files are.
 */
export function isReportedLink(file: string, name: string): boolean {
  if (MARKDOWN.test(name)) return true;
  try {
    return statSync(file).isDirectory();
  } catch {
    return true;
  }
}

/** What a walk saw besides the files, for a walk record (walk-record.ts). */
export interface WalkSeen {
  /** Each folder read, with its stamp taken just before reading it; null: a post folder that is not there. */
  folders: [path: string, stamp: FolderStamp | null][];
  /** Every symbolic link met, reported or not (whether one is reported depends on its target). */
  links: string[];
  /** A folder could not be read, or a post folder is a link: no stamps can vouch for this walk. */
  untrusted: boolean;
}

/** A folder's inode, mtime and ctime: adding, removing or renaming an entry changes the times. */
export type FolderStamp = [ino: number, mtimeMs: number, ctimeMs: number];

/** The folder's stamp; null when it is not there; undefined when it cannot be stat-ed. */
export function folderStamp(file: string): FolderStamp | null | undefined {
  try {
    const stats = lstatSync(file, { throwIfNoEntry: false });
    return stats ? [stats.ino, stats.mtimeMs, stats.ctimeMs] : null;
  } catch {
    return undefined;
  }
}

interface WalkOut {
  files: string[];
  skipped: SkippedFile[];
  /** Temp files of saves that were killed before their rename (atomic-write.ts). */
  leftovers: string[];
}

/** A glob (`**`, `*`, `?`) as a regular expression over a `/`-separated path. */
function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const skipRenderCache = new WeakMap<readonly string[], RegExp[]>();

/** Whether a page folder's file is one the generator copies without rendering (`skip_render`). */
function skipsRender(layout: BlogLayout, pageFolder: string, rel: string): boolean {
  const globs = layout.skipRender;
  if (!globs?.length) return false;
  let res = skipRenderCache.get(globs);
  if (!res) skipRenderCache.set(globs, (res = globs.map(globRegExp)));
  const inner = pageFolder ? rel.slice(pageFolder.length + 1) : rel;
  return res.some((re) => re.test(inner));
}

/**
 * The page folder `rel` is a page of: under it, outside the post folders and `_` and `.`
 * folders (the generator's own; Jekyll and Hexo skip both), and not one `skipRender` names.
 */
export function pageFolderOf(layout: BlogLayout, rel: string): string | null {
  for (const folder of layout.pageFolders ?? []) {
    if (folder && !rel.startsWith(`${folder}/`)) continue;
    if (layout.postFolders.some((f) => f === '' || rel.startsWith(`${f}/`))) return null;
    const inner = folder ? rel.slice(folder.length + 1) : rel;
    if (inner.split('/').some((part) => /^[_.]/.test(part))) return null;
    return skipsRender(layout, folder, rel) ? null : folder;
  }
  return null;
}

function walk(
  root: string,
  layout: BlogLayout,
  folder: string,
  out: WalkOut,
  seen: WalkSeen | null,
  pageFolder: string | null = null,
): void {
  const { files, skipped } = out;
  // Before the read: a change after this stamp changes the folder's times (walk-record.ts).
  if (seen) {
    const stamp = folderStamp(path.join(root, folder));
    if (stamp === undefined) seen.untrusted = true;
    else seen.folders.push([folder, stamp]);
  }
  let entries;
  try {
    entries = readdirSync(path.join(root, folder), { withFileTypes: true });
  } catch (error) {
    // A post folder the generator would use but the blog does not have is not a problem.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      skipped.push({ path: folder || '.', reason: `folder not readable: ${reason(error)}` });
      if (seen) seen.untrusted = true;
    }
    return;
  }
  for (const entry of entries) {
    const rel = folder ? `${folder}/${entry.name}` : entry.name;
    if (SKIPPED_FOLDERS.has(entry.name) && !entry.isFile()) continue;
    if (entry.isDirectory() && layout.templateFolders?.includes(rel)) continue;
    if (entry.isDirectory() && layout.generatedFolders.includes(rel)) {
      if (holdsMarkdown(path.join(root, rel)))
        skipped.push({ path: rel, reason: generatedReason(layout) });
      continue;
    }
    // Symbolic links are not followed: nothing outside the blog is indexed, a loop cannot
    // make the walk endless, and no post is listed twice under two paths.
    if (entry.isSymbolicLink()) {
      seen?.links.push(rel);
      if (isReportedLink(path.join(root, rel), entry.name)) {
        skipped.push({ path: rel, reason: SYMLINK_REASON });
      }
    } else if (entry.isDirectory()) {
      // In a page folder, `_` folders are the generator's own, and post folders are walked apart.
      if (pageFolder !== null && (/^[_.]/.test(entry.name) || layout.postFolders.includes(rel)))
        continue;
      walk(root, layout, rel, out, seen, pageFolder);
    } else if (entry.isFile() && MARKDOWN.test(entry.name)) {
      if (pageFolder === null || pageFolderOf(layout, rel) !== null) files.push(rel);
    } else if (entry.isFile() && TEMP_FILE.test(entry.name)) {
      out.leftovers.push(rel);
    }
  }
}

/** A post folder that is itself a symbolic link is not followed either (see walk). */
function isLink(root: string, folder: string): boolean {
  if (!folder) return false;
  try {
    return lstatSync(path.join(root, folder)).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The Markdown files of the post folders (relative, `/`-separated) and the folders that
 * could not be read; `seen` collects what a walk record needs.
 */
export function listPostFiles(
  root: string,
  layout: BlogLayout,
  seen: WalkSeen | null = null,
): WalkOut {
  const out: WalkOut = { files: [], skipped: [], leftovers: [] };
  for (const folder of layout.postFolders) {
    if (isLink(root, folder)) {
      out.skipped.push({ path: folder, reason: SYMLINK_REASON });
      if (seen) seen.untrusted = true;
    } else walk(root, layout, folder, out, seen);
  }
  for (const folder of layout.pageFolders ?? []) {
    if (isLink(root, folder)) {
      out.skipped.push({ path: folder, reason: SYMLINK_REASON });
      if (seen) seen.untrusted = true;
    } else walk(root, layout, folder, out, seen, folder);
  }
  return out;
}

/** Whether a relative path is one the index lists: Markdown in a post folder, outside skipped folders. */
export function isPostPath(layout: BlogLayout, relativePath: string): boolean {
  if (!MARKDOWN.test(relativePath)) return false;
  const parts = relativePath.split('/');
  if (parts.some((part) => SKIPPED_FOLDERS.has(part) || part === '..' || part === '')) return false;
  if (layout.generatedFolders.some((f) => relativePath.startsWith(`${f}/`))) return false;
  if (layout.templateFolders?.some((f) => relativePath.startsWith(`${f}/`))) return false;
  if (layout.postFolders.some((f) => f === '' || relativePath.startsWith(`${f}/`))) return true;
  return pageFolderOf(layout, relativePath) !== null;
}

export function isInDraftFolder(layout: BlogLayout, relativePath: string): boolean {
  return layout.draftFolders.some((d) => relativePath.startsWith(`${d}/`));
}

/** The kind a page folder's files are listed as (the list's Kind filter names it). */
export const PAGES_KIND = 'pages';

/** A file's collection, or `pages` for a page (which may need front matter to be one). */
function kindOf(
  layout: BlogLayout,
  rel: string,
): Pick<EntryOptions, 'collection' | 'needsFrontMatter'> {
  const collection = layout.collections?.find((c) => rel.startsWith(`${c.folder}/`))?.name;
  if (collection) return { collection };
  if (pageFolderOf(layout, rel) === null) return {};
  return layout.pagesNeedFrontMatter
    ? { collection: PAGES_KIND, needsFrontMatter: true }
    : { collection: PAGES_KIND };
}

export function entryOptions(layout: BlogLayout, relativePath: string): EntryOptions {
  return {
    inDraftFolder: isInDraftFolder(layout, relativePath),
    splitStringLists: profileOf(layout.generator).splitStringLists,
    generator: layout.generator,
    fileNameDates: layout.fileNameDates === true && !isInDraftFolder(layout, relativePath),
    urlConfig: layout.urlConfig,
    ...kindOf(layout, relativePath),
  };
}

/** The list entry of a post given as text (a save returns it so the list updates in place). */
export function summarize(
  relativePath: string,
  text: string,
  inDraftFolder: boolean,
  stats?: { mtimeMs: number; size: number },
): PostSummary {
  return entryFromText(relativePath, text, { inDraftFolder }, stats).summary;
}

/** The library's order: newest first (the list's default; see shared/post-order.ts). */
export const comparePosts: (a: PostSummary, b: PostSummary) => number = postOrders.date;

export interface PostIndex {
  posts: PostSummary[];
  /** What the front matter of the posts holds, for the inferred schema and suggestions. */
  fields: FieldObservations;
  /** Markdown files (or folders) that could not be indexed, and why. */
  skipped: SkippedFile[];
}

/** Observations over the entries' front matter (posts whose front matter parses). */
export function observeEntries(entries: Iterable<PostEntry>): FieldObservations {
  const fields = emptyObservations();
  for (const entry of entries)
    if (entry.data) observe(fields, entry.data, entry.summary.collection);
  return fields;
}

/**
 * Every post of the blog, newest first, in one synchronous pass (no cache, no progress).
 * The app uses the Library (library.ts), which adds both and keeps the index in memory.
 */
export function indexPosts(root: string, layout: BlogLayout): PostIndex {
  const { files, skipped } = listPostFiles(root, layout);
  const entries: PostEntry[] = [];
  for (const rel of files) {
    const result = readEntry(root, rel, entryOptions(layout, rel));
    if (result.ok) entries.push(result.entry);
    else if (!result.gone) skipped.push(result.skipped);
  }
  const posts = entries.map((e) => e.summary).sort(comparePosts);
  return { posts, fields: observeEntries(entries), skipped };
}

export function listPosts(root: string, layout: BlogLayout): PostSummary[] {
  return indexPosts(root, layout).posts;
}
