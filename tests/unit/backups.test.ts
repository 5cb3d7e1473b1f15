import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackupStore } from '../../electron/services/backups/backups.ts';
import { useTempFolders } from './support/temp.ts';

const tempFolder = useTempFolders();

const base = { mtimeMs: 1, size: 2, hash: 'a'.repeat(64) };

describe('hot-exit backups', () => {
  it('keeps the latest unsaved text of each post, per blog, until it is removed', async () => {
    const data = await tempFolder();
    let clock = 100;
    const store = createBackupStore(data, () => clock++);
    await store.write('/blog', 'a.md', 'first draft', base);
    await store.write('/blog', 'a.md', 'second draft', base);
    await store.write('/blog', 'b.md', 'other', base);
    await store.write('/elsewhere', 'a.md', 'not this blog', base);
    expect((await store.list('/blog')).map((b) => [b.path, b.text])).toEqual([
      ['a.md', 'second draft'],
      ['b.md', 'other'],
    ]);
    await store.remove('/blog', 'a.md');
    await store.remove('/blog', 'never-backed-up.md');
    expect((await store.list('/blog')).map((b) => b.path)).toEqual(['b.md']);
  });

  it('survives a new store (a restart) and skips damaged files', async () => {
    const data = await tempFolder();
    await createBackupStore(data).write('/blog', 'a.md', 'kept across restarts', base);
    await writeFile(path.join(data, 'backups', 'broken.json'), '{"root": "/blog", "path":');
    const backups = await createBackupStore(data).list('/blog');
    expect(backups.map((b) => b.text)).toEqual(['kept across restarts']);
    expect(backups[0]!.base).toEqual(base);
  });

  it('writes atomically: no temp files left behind', async () => {
    const data = await tempFolder();
    const store = createBackupStore(data);
    for (let i = 0; i < 5; i++) await store.write('/blog', 'a.md', `v${i}`, base);
    expect(
      (await readdir(path.join(data, 'backups'))).filter((n) => n.includes('folio-tmp')),
    ).toEqual([]);
  });

  it('lists nothing when there is no backup folder yet', async () => {
    expect(await createBackupStore(await tempFolder()).list('/blog')).toEqual([]);
  });
});

describe('recovering backups against the folder as it is now', () => {
  it('says whether the file changed on disk since the unsaved text started', async () => {
    const { recoverBackups } = await import('../../electron/services/backups/recover.ts');
    const { versionOf } = await import('../../electron/services/content/version.ts');
    const { realpath, stat } = await import('node:fs/promises');
    const root = await realpath(await tempFolder());
    await writeFile(path.join(root, 'same.md'), 'original');
    await writeFile(path.join(root, 'moved-on.md'), 'original');
    const baseOf = async (name: string) =>
      versionOf(Buffer.from('original'), await stat(path.join(root, name)));
    const backups = [
      { root, path: 'same.md', text: 'mine', base: await baseOf('same.md'), savedAt: 1 },
      {
        root,
        path: 'moved-on.md',
        text: 'mine too',
        base: await baseOf('moved-on.md'),
        savedAt: 2,
      },
      { root, path: 'gone.md', text: 'orphan', base, savedAt: 3 },
      { root, path: '../outside.md', text: 'never offered', base, savedAt: 4 },
    ];
    await writeFile(path.join(root, 'moved-on.md'), 'someone else wrote this');
    const recovered = await recoverBackups(root, backups);
    expect(recovered.map((r) => [r.path, r.changedOnDisk, r.version === null])).toEqual([
      ['same.md', false, false],
      ['moved-on.md', true, false],
      ['gone.md', true, true],
    ]);
  });
});
