/**
 * Re-opening a blog without reading its folders: the cache keeps the list of Markdown files
 * a walk found and a stamp (inode, mtime, ctime) of every folder it read, taken just before
 * reading it. Adding, removing or renaming an entry of a folder sets both its times to the
 * time of the change, so while every stamp still matches, the walk would find the same
 * files. This is what git's untracked cache does; a re-open then stats a few folders
 * instead of reading them (the walk was an eighth of a cached open of 10,000 posts).
 *
 * A file's content changing does not touch its folder: the caller still stats every file.
 *
 * Racy stamps: a change in the same clock tick as the stamp leaves the times as they were.
 * A folder with either time within RACY_MS before the walk makes the record useless, and
 * the next open walks (either, not both: some file systems keep no ctime for folders, so
 * the mtime alone must be old enough). Ticks are at most 2 s (FAT; ext4 and NTFS are far
 * finer), and the walk is taken when the cache is written, seconds after the last change
 * Folio makes. A folder that cannot be stat-ed, or read, also makes the record useless.
 *
 * For file systems that do not keep folder times this way (FAT on Windows, network shares
 * that cache them), the library walks again in the background after an open that trusted a
 * record, and refreshes when the lists differ.
 */
import path from 'node:path';
import type { SkippedFile } from '../../../shared/models.ts';
import type { BlogLayout } from '../generators/detect-blog.ts';
import {
  folderStamp,
  generatedReason,
  holdsMarkdown,
  isReportedLink,
  listPostFiles,
  type FolderStamp,
  type WalkSeen,
} from './list-posts.ts';
import { SYMLINK_REASON } from './post-entry.ts';

export const RACY_MS = 2500;

export interface WalkRecord {
  /** Each folder read, with its stamp; null: a post folder that was not there. */
  folders: [path: string, stamp: FolderStamp | null][];
  /** Every symbolic link in those folders (whether one is reported depends on its target). */
  links: string[];
}

export interface RecordedWalk {
  files: string[];
  skipped: SkippedFile[];
  /** Null when no stamps can vouch for the walk (see the top). */
  record: WalkRecord | null;
}

/**
 * Walks the post folders, stamping each folder before it is read. `racyMs` is for tests,
 * whose folders are all new (their mtime can be set back, their ctime cannot).
 */
export function recordWalk(
  root: string,
  layout: BlogLayout,
  now = Date.now(),
  racyMs = RACY_MS,
): RecordedWalk {
  const seen: WalkSeen = { folders: [], links: [], untrusted: false };
  const { files, skipped } = listPostFiles(root, layout, seen);
  const racy = seen.folders.some(
    ([, stamp]) => stamp !== null && (now - stamp[1] < racyMs || now - stamp[2] < racyMs),
  );
  const record = seen.untrusted || racy ? null : { folders: seen.folders, links: seen.links };
  return { files, skipped, record };
}

/**
 * Whether the record covers every post folder of the layout and every folder of it still
 * has its stamp (or is still not there).
 */
export function recordHolds(root: string, layout: BlogLayout, record: WalkRecord): boolean {
  const recorded = new Set(record.folders.map(([folder]) => folder));
  const walked = [...layout.postFolders, ...(layout.pageFolders ?? [])];
  if (!walked.every((folder) => recorded.has(folder))) return false;
  return record.folders.every(([folder, stamp]) => {
    const now = folderStamp(path.join(root, folder));
    if (now === undefined) return false;
    if (stamp === null || now === null) return stamp === now;
    return now[0] === stamp[0] && now[1] === stamp[1] && now[2] === stamp[2];
  });
}

/** The links a walk would report now (their targets may have changed since the record). */
export function recordedSkips(root: string, record: WalkRecord, layout: BlogLayout): SkippedFile[] {
  const links = record.links
    .filter((rel) => isReportedLink(path.join(root, rel), path.posix.basename(rel)))
    .map((rel) => ({ path: rel, reason: SYMLINK_REASON }));
  // A generated folder is reported when the walk met it: its parent was read.
  const read = new Set(record.folders.map(([folder]) => folder));
  const generated = layout.generatedFolders
    .filter((rel) => read.has(path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel)))
    .filter((rel) => holdsMarkdown(path.join(root, rel)))
    .map((rel) => ({ path: rel, reason: generatedReason(layout) }));
  return [...links, ...generated];
}

/** Whether a record's shape is one this module wrote (it comes back from a file on disk). */
export function isWalkRecord(value: unknown): value is WalkRecord {
  const record = value as Partial<WalkRecord> | null;
  const isNumber = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
  return (
    typeof record === 'object' &&
    record !== null &&
    Array.isArray(record.folders) &&
    record.folders.every(
      (entry: unknown) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        (entry[1] === null ||
          (Array.isArray(entry[1]) && entry[1].length === 3 && entry[1].every(isNumber))),
    ) &&
    Array.isArray(record.links) &&
    record.links.every((link: unknown) => typeof link === 'string')
  );
}
