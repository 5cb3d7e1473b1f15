import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import type { FileVersion } from '../../../shared/models.ts';

export function versionOf(bytes: Uint8Array, stats: Stats): FileVersion {
  return {
    mtimeMs: stats.mtimeMs,
    size: stats.size,
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The hash decides: an mtime can move without a change (a checkout), and back. */
export function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.size === b.size && a.hash === b.hash;
}
