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
    const { versionOf } = await import('../../electron/services/files/version.ts');
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

describe('temp files of saves killed before their rename', () => {
  it('on open: one equal to the post or empty goes; new text becomes a backup offered back; git never lists them', async () => {
    const { cp, readFile, realpath, writeFile: write } = await import('node:fs/promises');
    const { createFolio } = await import('../../electron/services/handlers.ts');
    const { createDispatcher } = await import('../../electron/services/dispatch.ts');
    const { createSettingsStore } = await import('../../electron/services/settings/settings.ts');
    const { parseStatus } = await import('../../electron/services/git/status.ts');
    const sample = new URL('../../assets/sample-blog', import.meta.url).pathname;
    const root = path.join(await realpath(await tempFolder()), 'blog');
    await cp(sample, root, { recursive: true });
    const posts = path.join(root, 'source/_posts');
    const post = 'debouncing-without-tears.md';
    const saved = await readFile(path.join(posts, post), 'utf8');
    const leftovers = {
      same: `.${post}.0123456789ab.folio-tmp`,
      empty: `.${post}.0123456789ac.folio-tmp`,
      newer: `.${post}.0123456789ad.folio-tmp`,
      orphan: '.gone-post.md.0123456789ae.folio-tmp',
    };
    await write(path.join(posts, leftovers.same), saved);
    await write(path.join(posts, leftovers.empty), '');
    await write(
      path.join(posts, leftovers.newer),
      `${saved}\nA paragraph typed before the kill.\n`,
    );
    await write(path.join(posts, leftovers.orphan), '---\ntitle: Gone\n---\nOnly here.\n');

    const data = await tempFolder();
    const folio = createFolio({
      pickFolder: async () => null,
      pickFile: async () => null,
      trashItem: async () => undefined,
      openExternal: async () => undefined,
      emit: () => undefined,
      settings: createSettingsStore(data),
      assetBase: 'asset://blog/',
      dataFolder: data,
    });
    await folio.openFolder(root);
    const dispatch = createDispatcher(folio.handlers);
    const listed = (await dispatch('listBackups', {})) as {
      ok: true;
      value: Array<{ path: string; text: string; changedOnDisk: boolean }>;
    };
    expect(listed.ok).toBe(true);
    expect(listed.value.map((b) => [b.path, b.text.endsWith('typed before the kill.\n')])).toEqual(
      expect.arrayContaining([
        [`source/_posts/${post}`, true],
        ['source/_posts/gone-post.md', false],
      ]),
    );
    expect(listed.value).toHaveLength(2);
    expect((await readdir(posts)).filter((n) => n.endsWith('.folio-tmp'))).toEqual([]);
    expect(await readFile(path.join(posts, post), 'utf8')).toBe(saved);
    await folio.dispose();

    // A leftover git would see is not offered for commit.
    const status = parseStatus(
      `# branch.oid abc\0# branch.head main\0? source/_posts/${leftovers.newer}\0? source/_posts/new.md\0`,
      { gitDir: '/x/.git', prefix: '' },
    );
    expect(status.files).toEqual([{ path: 'source/_posts/new.md', change: 'untracked' }]);
  });
});
