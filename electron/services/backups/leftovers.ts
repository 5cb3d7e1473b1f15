/**
 * Temp files a save left behind when it was killed between writing and renaming
 * (`.<name>.<12 hex>.folio-tmp`, atomic-write.ts). When the blog opens, each is either the
 * post as it is on disk (removed), empty (removed), or text the writer may want: kept as a
 * backup in the data folder, offered back like a crash's unsaved text, and removed from the
 * blog so it never reaches git.
 */
import { lstat, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { MAX_POST_CHARS } from '../../../shared/limits.ts';
import { TEMP_FILE } from '../files/atomic-write.ts';
import { versionOf } from '../files/version.ts';
import type { BackupStore } from './backups.ts';

const MARKDOWN = /\.(md|markdown|mdown|mkd|mdx)$/i;
const strict = new TextDecoder('utf-8', { fatal: true });

/** The file a temp file was written for: `.<name>.<hex>.folio-tmp` beside it. */
export function leftoverTarget(relativePath: string): string | null {
  const name = path.posix.basename(relativePath);
  if (!TEMP_FILE.test(name)) return null;
  const folder = path.posix.dirname(relativePath);
  const target = name.slice(1).replace(/\.[0-9a-f]{12}\.folio-tmp$/, '');
  return folder === '.' ? target : `${folder}/${target}`;
}

export interface SweepResult {
  /** Leftovers that held nothing new (the post as saved, or nothing), removed. */
  removed: string[];
  /** Posts whose leftover text is kept as a backup, to be offered back. */
  recovered: string[];
  /** Leftovers left where they are (not text, too large, or unreadable), with why. */
  kept: Array<{ path: string; reason: string }>;
}

/** Sweeps the leftovers a walk of the blog found (relative paths). */
export async function sweepLeftovers(
  root: string,
  leftovers: string[],
  backups: BackupStore,
): Promise<SweepResult> {
  const result: SweepResult = { removed: [], recovered: [], kept: [] };
  for (const rel of leftovers) {
    const target = leftoverTarget(rel);
    if (!target) continue;
    const file = path.join(root, rel);
    try {
      const stats = await lstat(file);
      if (!stats.isFile() || stats.size > MAX_POST_CHARS) {
        result.kept.push({ path: rel, reason: 'not a file Folio can read back' });
        continue;
      }
      const bytes = await readFile(file);
      const onDisk = await readFile(path.join(root, target)).catch(() => null);
      if (bytes.length === 0 || (onDisk && onDisk.equals(bytes))) {
        await unlink(file);
        result.removed.push(rel);
        continue;
      }
      let text: string;
      try {
        text = strict.decode(bytes);
      } catch {
        result.kept.push({ path: rel, reason: 'not UTF-8 text' });
        continue;
      }
      if (!MARKDOWN.test(target)) {
        result.kept.push({ path: rel, reason: 'not a post' });
        continue;
      }
      // A newer backup of the same post (its unsaved text at the crash) is the one to keep.
      const existing = (await backups.list(root)).find((b) => b.path === target);
      if (!existing || existing.savedAt < stats.mtimeMs) {
        const targetStats = onDisk ? await lstat(path.join(root, target)) : null;
        const base =
          onDisk && targetStats
            ? versionOf(onDisk, targetStats)
            : { mtimeMs: 0, size: 0, hash: '' };
        await backups.write(root, target, text, base);
        result.recovered.push(target);
      }
      await unlink(file);
      result.removed.push(rel);
    } catch (error) {
      result.kept.push({ path: rel, reason: (error as Error).message });
    }
  }
  return result;
}
