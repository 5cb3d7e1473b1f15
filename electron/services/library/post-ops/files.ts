/**
 * File moves for post operations. A post is never written over: new files are created
 * exclusively, moves refuse an existing target, and every text write is atomic.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, open, rename, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../../../../shared/errors.ts';
import { writeFileAtomic } from '../../files/atomic-write.ts';
import { resolveInside } from '../../files/paths.ts';

/** Creates the target's folders and checks, with realpath, that they are inside the blog. */
export async function prepareTarget(root: string, relativePath: string): Promise<string> {
  if (relativePath.split('/').some((part) => part === '..' || part === '')) {
    throw new FolioError(
      'OUTSIDE_FOLDER',
      `“${relativePath}” is not a path inside the blog folder`,
    );
  }
  const folder = path.posix.dirname(relativePath);
  await mkdir(path.join(root, folder), { recursive: true });
  const real = folder === '.' ? root : await resolveInside(root, folder);
  return path.join(real, path.posix.basename(relativePath));
}

/** Writes a new file; fails (EEXIST) rather than replace one that appeared meanwhile. */
export async function writeNewFile(target: string, text: string): Promise<void> {
  // Reserve the name first (exclusive create), then fill it atomically.
  const handle = await open(target, 'wx');
  await handle.close();
  try {
    await writeFileAtomic(target, text);
  } catch (error) {
    await unlink(target).catch(() => undefined);
    throw error;
  }
}

/**
 * Moves a file without replacing an existing target: a hard link fails on an existing name
 * (rename would not), then the old name goes. Without hard links (some network and FAT
 * disks) it checks and renames.
 */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    if (existsSync(to)) throw Object.assign(new Error(`${to} exists`), { code: 'EEXIST' });
    await rename(from, to);
    return;
  }
  await unlink(from);
}

export async function moveFolder(from: string, to: string): Promise<void> {
  if (existsSync(to)) throw Object.assign(new Error(`${to} exists`), { code: 'EEXIST' });
  await mkdir(path.dirname(to), { recursive: true });
  await rename(from, to);
}

/** Removes a folder Folio just made when what it was for failed. */
export async function removeIfEmpty(folder: string): Promise<void> {
  await rmdir(folder).catch(() => undefined);
}
