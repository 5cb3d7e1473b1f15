import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { nodeFileSystem, type SaveFileSystem, type WritableFile } from './file-system.ts';

/** Where a save writes before the rename: hidden, next to the target, recognisable. */
export function tempFileFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.folio-tmp`,
  );
}

/** Temp files are named `.<name>.<12 hex>.folio-tmp`; a crash between create and rename leaves one. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.folio-tmp$/;

/**
 * Replaces `target` with `data` so that a crash or a full disk leaves either the old or the
 * new file, never a torn or empty one: a temp file in the same folder (a rename across file
 * systems would copy), every byte written, fsync, rename over the target, fsync of the
 * folder so the rename itself survives a power cut. The existing file's mode is kept. On any
 * failure the temp file is removed and the target is untouched.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  fs: SaveFileSystem = nodeFileSystem,
): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const folder = path.dirname(target);
  const temp = tempFileFor(target);
  let mode = 0o644;
  try {
    mode = (await fs.stat(target)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const file = await fs.create(temp, mode);
  try {
    try {
      for (let offset = 0; offset < bytes.length;) {
        offset += await writeSome(file, bytes, offset);
      }
      await file.sync();
    } finally {
      await file.close();
    }
    // The umask may have narrowed the mode given to create.
    await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  // The new file is in place and visible; a folder that refuses fsync (some network and FUSE
  // file systems answer EINVAL) costs durability across a power cut, not this save, so the
  // writer is not told it failed (a retry would then meet its own bytes as a conflict).
  await fs.syncFolder(folder).catch(() => undefined);
}

/** A write that makes no progress would loop forever; a disk that accepts nothing is full. */
async function writeSome(file: WritableFile, bytes: Uint8Array, offset: number): Promise<number> {
  const written = await file.write(bytes, offset);
  if (written <= 0) {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }
  return written;
}
