import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { readOnlyFoldersAreEnforced, useTempFolders } from './support/temp.ts';

const tempFolder = useTempFolders();
const isWindows = process.platform === 'win32';
const readOnlyEnforced = readOnlyFoldersAreEnforced();
/** Said in the test's name when it is skipped, so the report carries the reason. */
const readOnlySkipReason = readOnlyEnforced
  ? ''
  : ' (skipped: a 0o500 folder does not refuse writes for this user, e.g. root or Windows)';

describe('writeFileAtomic', () => {
  it('creates a new file with the given text', async () => {
    const dir = await tempFolder();
    const file = path.join(dir, 'post.md');
    await writeFileAtomic(file, '# New post\n');
    expect(await readFile(file, 'utf8')).toBe('# New post\n');
  });

  it('replaces an existing file with the given bytes exactly', async () => {
    const dir = await tempFolder();
    const file = path.join(dir, 'post.md');
    await writeFile(file, 'old text that is longer than the new one\n');
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62]); // BOM, a, CRLF, b
    await writeFileAtomic(file, bytes);
    expect(new Uint8Array(await readFile(file))).toEqual(bytes);
  });

  it.skipIf(isWindows).each([0o600, 0o755, 0o640])(
    // Skipped on Windows: it has no POSIX file modes to keep.
    'keeps the existing file mode %o',
    async (mode) => {
      const dir = await tempFolder();
      const file = path.join(dir, 'post.md');
      await writeFile(file, 'old');
      await chmod(file, mode);
      await writeFileAtomic(file, 'new');
      expect((await stat(file)).mode & 0o777).toBe(mode);
      expect(await readFile(file, 'utf8')).toBe('new');
    },
  );

  it('leaves no temp files behind after writes', async () => {
    const dir = await tempFolder();
    const file = path.join(dir, 'post.md');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    await writeFileAtomic(file, 'three');
    expect(await readdir(dir)).toEqual(['post.md']);
  });

  it('leaves no temp file behind when the write fails', async () => {
    const dir = await tempFolder();
    // Renaming a file over a non-empty folder fails after the temp file is written.
    const target = path.join(dir, 'occupied');
    await writeFile(path.join(dir, 'keep.txt'), 'x');
    await mkdir(target);
    await writeFile(path.join(target, 'inside.txt'), 'x');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep.txt', 'occupied']);
  });

  it.skipIf(!readOnlyEnforced)(
    `leaves the old file unchanged when its folder is read-only${readOnlySkipReason}`,
    async () => {
      const dir = await tempFolder();
      const file = path.join(dir, 'post.md');
      await writeFile(file, 'the old text');
      await chmod(dir, 0o500);
      try {
        await expect(writeFileAtomic(file, 'the new text')).rejects.toMatchObject({
          code: 'EACCES',
        });
        expect(await readFile(file, 'utf8')).toBe('the old text');
        expect(await readdir(dir)).toEqual(['post.md']);
      } finally {
        await chmod(dir, 0o700);
      }
    },
  );
});
