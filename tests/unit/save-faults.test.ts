/**
 * A save that fails half-way (disk full during the write, at fsync, at the rename; permission
 * denied; a read-only or busy disk) must leave the post byte for byte as it was, no temp file
 * behind, and a message naming the file and the reason; the version the writer holds stays
 * valid, so the same save succeeds once the disk is fixed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPost, savePost } from '../../electron/services/content/posts.ts';
import { writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { FolioError } from '../../shared/errors.ts';
import { faultyFileSystem, type Fault } from '../fault/faulty-fs.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();
const POST = 'source/_posts/hello.md';

/** Large enough that a torn write would be visible anywhere in it. */
const OLD = `---\ntitle: Old\n---\n${'The old paragraph, kept whole. '.repeat(20000)}\n`;
const NEW = `---\ntitle: New\n---\n${'A new paragraph that must not half-land. '.repeat(30000)}\n`;

const reasons: Record<Fault['code'], RegExp> = {
  ENOSPC: /the disk is full/,
  EDQUOT: /quota/,
  EACCES: /permission was denied/,
  EPERM: /not permitted/,
  EROFS: /the disk is read-only/,
  EBUSY: /in use by another program/,
  EIO: /input\/output error/,
};

const faults: Fault[] = [
  { at: 'write', code: 'ENOSPC' },
  { at: 'write', code: 'EDQUOT' },
  { at: 'write', code: 'EIO' },
  { at: 'sync', code: 'ENOSPC' },
  { at: 'sync', code: 'EIO' },
  { at: 'rename', code: 'ENOSPC' },
  { at: 'rename', code: 'EROFS' },
  { at: 'rename', code: 'EBUSY' },
  { at: 'rename', code: 'EACCES' },
  { at: 'create', code: 'EACCES' },
  { at: 'create', code: 'EROFS' },
  { at: 'create', code: 'ENOSPC' },
  { at: 'chmod', code: 'EPERM' },
  { at: 'readFile', code: 'EACCES' },
  { at: 'readFile', code: 'EBUSY' },
];

describe('a failed save changes nothing', () => {
  it.each(faults.map((f) => [f.code, f.at, f]))(
    '%s at %s: old bytes kept, no temp file, a clear message, and a retry succeeds',
    async (code, _at, fault) => {
      const root = await tempFolder();
      await writeFiles(root, { [POST]: OLD });
      const post = await readPost(root, POST);
      const before = await readFile(path.join(root, POST));
      const fs = faultyFileSystem([fault]);

      const error = await savePost(root, POST, NEW, post.version, { fs }).then(
        () => null,
        (e: unknown) => e,
      );

      expect(fs.injected).toBe(1);
      expect(error).toBeInstanceOf(FolioError);
      expect((error as FolioError).code).toBe('IO');
      expect((error as FolioError).message).toContain(`“${POST}”`);
      expect((error as FolioError).message).toMatch(reasons[code as Fault['code']]);
      expect((error as FolioError).message).toContain('The file on disk was not changed');
      expect(Buffer.compare(await readFile(path.join(root, POST)), before)).toBe(0);
      expect(await readdir(path.join(root, 'source/_posts'))).toEqual(['hello.md']);

      // The disk is fixed: the writer's version is still the file's, so the same save works.
      await savePost(root, POST, NEW, post.version, { fs });
      expect(await readFile(path.join(root, POST), 'utf8')).toBe(NEW);
    },
  );
});

describe('writeFileAtomic through the injected file system', () => {
  it('writes everything even when the disk accepts a few bytes per write', async () => {
    const dir = await tempFolder();
    const file = path.join(dir, 'post.md');
    const { nodeFileSystem } = await import('../../electron/services/files/file-system.ts');
    let writes = 0;
    const trickle = {
      ...nodeFileSystem,
      async create(name: string, mode: number) {
        const real = await nodeFileSystem.create(name, mode);
        return {
          ...real,
          write: (data: Uint8Array, offset: number) => {
            writes++;
            return real.write(data.subarray(0, Math.min(data.length, offset + 4096)), offset);
          },
        };
      },
    };
    await writeFileAtomic(file, NEW, trickle);
    expect(await readFile(file, 'utf8')).toBe(NEW);
    expect(writes).toBeGreaterThan(10);
  });

  it('treats a write that makes no progress as a full disk instead of looping', async () => {
    const dir = await tempFolder();
    const file = path.join(dir, 'post.md');
    const { nodeFileSystem } = await import('../../electron/services/files/file-system.ts');
    const stuck = {
      ...nodeFileSystem,
      async create(name: string, mode: number) {
        const real = await nodeFileSystem.create(name, mode);
        return { ...real, write: async () => 0 };
      },
    };
    await expect(writeFileAtomic(file, 'text', stuck)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('fsyncs the temp file before the rename and the folder after it', async () => {
    const dir = await tempFolder();
    const file = path.join(dir, 'post.md');
    const { nodeFileSystem } = await import('../../electron/services/files/file-system.ts');
    const calls: string[] = [];
    const traced = {
      ...nodeFileSystem,
      async create(name: string, mode: number) {
        calls.push(`create ${path.dirname(name) === dir ? 'same folder' : 'elsewhere'}`);
        const real = await nodeFileSystem.create(name, mode);
        return {
          write: (data: Uint8Array, offset: number) => {
            if (calls.at(-1) !== 'write') calls.push('write');
            return real.write(data, offset);
          },
          sync: () => (calls.push('fsync file'), real.sync()),
          close: () => (calls.push('close'), real.close()),
        };
      },
      chmod: (name: string, mode: number) => (
        calls.push('chmod'),
        nodeFileSystem.chmod(name, mode)
      ),
      rename: (from: string, to: string) => (calls.push('rename'), nodeFileSystem.rename(from, to)),
      syncFolder: (folder: string) => (
        calls.push('fsync folder'),
        nodeFileSystem.syncFolder(folder)
      ),
    };
    await writeFileAtomic(file, 'text', traced);
    expect(calls).toEqual([
      'create same folder',
      'write',
      'fsync file',
      'close',
      'chmod',
      'rename',
      'fsync folder',
    ]);
  });
});
