import { readFile, stat } from 'node:fs/promises';
import type { FileVersion, RecoveredPost } from '../../../shared/models.ts';
import { resolveInside } from '../files/paths.ts';
import { sameVersion, versionOf } from '../files/version.ts';
import type { Backup } from './backups.ts';

/** Only shown in a diff; the editor re-reads the file (strictly) when a backup is restored. */
const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * What each backup means now: its text, and whether the file on disk is still the one the
 * unsaved text started from. A backup whose path left the folder is not offered.
 */
export async function recoverBackups(root: string, backups: Backup[]): Promise<RecoveredPost[]> {
  const recovered: RecoveredPost[] = [];
  for (const backup of backups) {
    let version: FileVersion | null;
    let diskText: string | null;
    try {
      const file = await resolveInside(root, backup.path);
      const bytes = await readFile(file);
      version = versionOf(bytes, await stat(file));
      diskText = lossy.decode(bytes);
    } catch (error) {
      if ((error as { code?: string }).code === 'OUTSIDE_FOLDER') continue;
      version = null; // the file is gone: the text is still offered, to save elsewhere
      diskText = null;
    }
    recovered.push({
      path: backup.path,
      text: backup.text,
      savedAt: backup.savedAt,
      changedOnDisk: version === null || !sameVersion(version, backup.base),
      version,
      diskText,
    });
  }
  return recovered;
}
