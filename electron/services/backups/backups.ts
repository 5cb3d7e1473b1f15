/**
 * Hot exit: a copy of every unsaved buffer, kept in the app's data folder so a crash or a
 * kill loses nothing. One JSON file per post, written atomically; removed on save or discard.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { FileVersion } from '../../../shared/models.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

const backupSchema = z.object({
  root: z.string(),
  path: z.string(),
  text: z.string(),
  /** The version of the file the unsaved text was based on. */
  base: z.object({ mtimeMs: z.number(), size: z.number(), hash: z.string() }),
  savedAt: z.number(),
});

export type Backup = z.infer<typeof backupSchema>;

const fileName = (root: string, relativePath: string) =>
  `${createHash('sha256').update(`${root}\0${relativePath}`).digest('hex').slice(0, 32)}.json`;

export interface BackupStore {
  write(root: string, relativePath: string, text: string, base: FileVersion): Promise<void>;
  remove(root: string, relativePath: string): Promise<void>;
  /** Every backup of posts in `root`, oldest first. Damaged files are skipped. */
  list(root: string): Promise<Backup[]>;
}

export function createBackupStore(dataFolder: string, now: () => number = Date.now): BackupStore {
  const folder = path.join(dataFolder, 'backups');
  return {
    async write(root, relativePath, text, base) {
      await mkdir(folder, { recursive: true });
      const backup: Backup = { root, path: relativePath, text, base, savedAt: now() };
      await writeFileAtomic(
        path.join(folder, fileName(root, relativePath)),
        JSON.stringify(backup),
      );
    },
    async remove(root, relativePath) {
      await unlink(path.join(folder, fileName(root, relativePath))).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        },
      );
    },
    async list(root) {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch {
        return [];
      }
      const backups: Backup[] = [];
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        try {
          const parsed = backupSchema.safeParse(
            JSON.parse(await readFile(path.join(folder, name), 'utf8')),
          );
          if (parsed.success && parsed.data.root === root) backups.push(parsed.data);
        } catch {
          // A damaged backup is skipped: the next write of that post replaces it.
        }
      }
      return backups.sort((a, b) => a.savedAt - b.savedAt);
    },
  };
}
