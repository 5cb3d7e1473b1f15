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
