/**
 * Keeps the library in step with the folder while it is open: the watcher's paths are
 * re-indexed one by one (never the whole folder), and changes that are not the echo of
 * Folio's own writes are reported, with the file's new version, so an open post can reload
 * or warn. Folio tells this module what each of its writes will leave on disk *before* it
 * writes, so the echo is recognised however the events and the write's reply interleave.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileVersion } from '../../../shared/models.ts';
import { versionOf } from '../files/version.ts';
import type { Library } from './library.ts';
import { isPostPath } from './list-posts.ts';
import { watchFolders, type FolderWatcher } from './watcher.ts';

export interface ExternalChange {
  path: string;
  /** The file's version now; null when it is gone. */
  version: FileVersion | null;
}

export interface LiveLibrary {
  ready: Promise<void>;
  /** Before Folio writes `relativePath`: what it will hold (null: it will be removed). */
  expect(relativePath: string, text: string | null): void;
  close(): void;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export function liveLibrary(
  library: Library,
  onExternal: (changes: ExternalChange[]) => void,
  options: { batchMs?: number; recursive?: boolean } = {},
): LiveLibrary {
  const { root, layout } = library;
  /** Path -> hash of the bytes Folio wrote last (null: Folio removed it). */
  const ours = new Map<string, string | null>();
  let queue: Promise<void> = Promise.resolve();

  const changed = async (paths: string[]) => {
    const external: ExternalChange[] = [];
    for (const rel of new Set(paths)) {
      if (!isPostPath(layout, rel)) continue;
      const file = path.join(root, rel);
      // lstat: a link named like a post is not followed (reindexOne reports it as skipped).
      const stats = await lstat(file).catch(() => null);
      const indexed = library.entry(rel)?.summary;
      if (stats?.isSymbolicLink()) {
        library.reindexOne(rel);
        continue;
      }
      if (!stats?.isFile()) {
        if (indexed) library.reindexOne(rel);
        if (ours.get(rel) === null) continue;
        if (indexed || ours.has(rel)) external.push({ path: rel, version: null });
        ours.delete(rel);
        continue;
      }
      // The index already has this file as it is (Folio wrote and re-indexed it, or nothing
      // changed): nothing to read, nothing to report.
      if (indexed && indexed.mtimeMs === stats.mtimeMs && indexed.size === stats.size) continue;
      library.reindexOne(rel);
      const bytes = await readFile(file).catch(() => null);
      if (!bytes) continue;
      const hash = sha256(bytes);
      if (ours.get(rel) === hash) continue;
      ours.delete(rel);
      external.push({ path: rel, version: versionOf(bytes, stats) });
    }
    if (external.length) onExternal(external);
  };

  const watcher: FolderWatcher = watchFolders({
    root,
    folders: [...layout.postFolders, ...(layout.pageFolders ?? [])],
    batchMs: options.batchMs,
    recursive: options.recursive,
    watchFolder: (rel) => isPostPath(layout, `${rel}/post.md`),
    // One batch at a time: a batch reads files, and the next must see its index updates.
    onChange: (paths) => void (queue = queue.then(() => changed(paths)).catch(() => undefined)),
    onFoldersGone: (folders) => {
      const below = library
        .posts()
        .map((p) => p.path)
        .filter((p) => folders.some((f) => p.startsWith(`${f}/`)));
      queue = queue.then(() => changed(below)).catch(() => undefined);
    },
  });

  return {
    ready: watcher.ready,
    expect(relativePath, text) {
      ours.set(relativePath, text === null ? null : sha256(Buffer.from(text, 'utf8')));
    },
    close: () => watcher.close(),
  };
}
