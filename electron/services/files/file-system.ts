/**
 * The few file-system calls a save makes, as a small interface, so tests can make any one of
 * them fail the way a real disk does (ENOSPC half-way through a write, EROFS at the rename)
 * while the rest run against real files. The app passes nothing and gets node:fs.
 */
import { chmod, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';

export interface WritableFile {
  /** Writes `data` from `offset` on; may write fewer bytes, like write(2). */
  write(data: Uint8Array, offset: number): Promise<number>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface SaveFileSystem {
  /** Creates a new file (fails if it exists) with `mode`. */
  create(file: string, mode: number): Promise<WritableFile>;
  /** Opens a folder to fsync it (the rename's directory entry). */
  syncFolder(folder: string): Promise<void>;
  readFile(file: string): Promise<Uint8Array>;
  stat(file: string): Promise<Stats>;
  chmod(file: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export const nodeFileSystem: SaveFileSystem = {
  async create(file, mode) {
    const handle = await open(file, 'wx', mode);
    return {
      write: async (data, offset) =>
        (await handle.write(data, offset, data.length - offset)).bytesWritten,
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  async syncFolder(folder) {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  readFile: (file) => readFile(file),
  stat: (file) => stat(file),
  chmod: (file, mode) => chmod(file, mode),
  rename: (from, to) => rename(from, to),
  unlink: (file) => unlink(file),
};
