/**
 * A SaveFileSystem over the real node:fs that fails one chosen call the way a real disk does:
 * ENOSPC after half the bytes of a write landed, EIO at fsync, EROFS at the rename... The
 * other calls run for real, so the test sees the real temp file, the real folder and the real
 * target afterwards. Used by the unit tests and by the Chromium e2e host.
 */
import { nodeFileSystem, type SaveFileSystem } from '../../electron/services/files/file-system.ts';

export type FaultPoint = 'create' | 'write' | 'sync' | 'chmod' | 'rename' | 'readFile';

export interface Fault {
  at: FaultPoint;
  code: 'ENOSPC' | 'EACCES' | 'EROFS' | 'EBUSY' | 'EIO' | 'EDQUOT' | 'EPERM';
}

export function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, ${syscall} '${file}'`), {
    code,
    syscall,
    path: file,
  });
}

/**
 * `faults` is consumed one per save attempt (shift on the failing call); an empty list lets
 * every call through. `injected` counts the faults that fired.
 */
export function faultyFileSystem(faults: Fault[]): SaveFileSystem & { injected: number } {
  const fs: SaveFileSystem & { injected: number } = {
    injected: 0,
    async create(file, mode) {
      fire('create', file);
      const real = await nodeFileSystem.create(file, mode);
      return {
        async write(data, offset) {
          const fault = take('write');
          if (fault) {
            // Half of what is left lands on the disk, then the disk is full: a torn temp file.
            const half = Math.floor((data.length - offset) / 2);
            if (half > 0) await real.write(data.subarray(0, offset + half), offset);
            throw errnoError(fault.code, 'write', file);
          }
          return real.write(data, offset);
        },
        async sync() {
          fire('sync', file);
          return real.sync();
        },
        close: () => real.close(),
      };
    },
    syncFolder: (folder) => nodeFileSystem.syncFolder(folder),
    async readFile(file) {
      fire('readFile', file);
      return nodeFileSystem.readFile(file);
    },
    stat: (file) => nodeFileSystem.stat(file),
    async chmod(file, mode) {
      fire('chmod', file);
      return nodeFileSystem.chmod(file, mode);
    },
    async rename(from, to) {
      fire('rename', to);
      return nodeFileSystem.rename(from, to);
    },
    unlink: (file) => nodeFileSystem.unlink(file),
  };
  function take(point: FaultPoint): Fault | undefined {
    if (faults[0]?.at !== point) return undefined;
    fs.injected++;
    return faults.shift();
  }
  function fire(point: FaultPoint, file: string): void {
    const fault = take(point);
    if (fault) throw errnoError(fault.code, point, file);
  }
  return fs;
}
