import { readFile, stat } from 'node:fs/promises';
import type { FileVersion, RecoveredPost } from '../../../shared/models.ts';
import { resolveInside } from '../content/paths.ts';
import { sameVersion, versionOf } from '../content/version.ts';
import type { Backup } from './backups.ts';

/**
 * What each backup means now: its text, and whether the file on disk is still the one the
 * unsaved text started from. A backup whose path left the folder is not offered.
 */
export async function recoverBackups(root: string, backups: Backup[]): Promise<RecoveredPost[]> {
  const recovered: RecoveredPost[] = [];
  for (const backup of backups) {
    let version: FileVersion | null;
    try {
      const file = await resolveInside(root, backup.path);
      version = versionOf(await readFile(file), await stat(file));
    } catch (error) {
      if ((error as { code?: string }).code === 'OUTSIDE_FOLDER') continue;
      version = null; // the file is gone: the text is still offered, to save elsewhere
    }
    recovered.push({
      path: backup.path,
      text: backup.text,
      savedAt: backup.savedAt,
      changedOnDisk: version === null || !sameVersion(version, backup.base),
      version,
    });
  }
  return recovered;
}
