/**
 * Folders a writer's blog can really be: 100,000 files, folders and files the user cannot
 * read, symbolic links that loop or lead out of the blog. Indexing finishes, lists every
 * real post once, reads nothing outside the blog, and says what it skipped and why. Real
 * files, the real Library, index workers and watcher; figures printed for docs/SAFETY.md.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, statfsSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { SkippedFile } from '../../shared/models.ts';
import { detectBlog } from '../../electron/services/generators/detect-blog.ts';
import { Library } from '../../electron/services/library/library.ts';
import { indexPosts } from '../../electron/services/library/list-posts.ts';
import { liveLibrary } from '../../electron/services/library/live-library.ts';
import { readEntry, SYMLINK_REASON } from '../../electron/services/library/post-entry.ts';
import { bundleFaultScript, faultChildEnv } from './support/bundle.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const sortedSkips = (skipped: SkippedFile[]) =>
  skipped.map((s) => [s.path, s.reason]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

/** Waits (up to the test's timeout) until `check` holds, looking every 20 ms. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('a folder of 100,000 files', () => {
  // 10 years x 50 folders x 200 files; every fourth file a post, the rest what blogs hold
  // beside posts (images, data, drafts in other formats).
  const YEARS = 10;
  const FOLDERS = 50;
  const FILES = 200;
  const OTHER = ['png', 'jpg', 'json', 'txt', 'html', 'yml'];

  /**
   * Where to make the files: a memory file system when there is room. This measures Folio,
   * not the disk: on this machine's shared disk, creating the 100,000 files took 8 s idle and
   * 85-183 s while other jobs wrote (removing them as long again); in /dev/shm, 4.7 s. The
   * 75,000 files that are not posts are empty, so they take no memory.
   */
  function scratchBase(): string {
    try {
      const shm = statfsSync('/dev/shm');
      if (shm.bavail * shm.bsize >= 512 * 1024 * 1024) return '/dev/shm';
    } catch {
      // No /dev/shm (macOS, Windows): the OS temp folder.
    }
    return os.tmpdir();
  }

  it('indexes every post, skips nothing, and the watcher sees a new post in the last folder', async () => {
    const base = scratchBase();
    const root = await realpath(await mkdtemp(path.join(base, 'folio-100k-')));
    try {
      await index100k(root, base);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 300_000);

  async function index100k(root: string, base: string): Promise<void> {
    const created = performance.now();
    const expected = new Set<string>();
    for (let y = 0; y < YEARS; y++) {
      for (let f = 0; f < FOLDERS; f++) {
        const folder = `posts/${2010 + y}/folder-${f}`;
        mkdirSync(path.join(root, folder), { recursive: true });
        for (let i = 0; i < FILES; i++) {
          const post = i % 4 === 0;
          const name = post ? `post-${i}.md` : `file-${i}.${OTHER[i % OTHER.length]}`;
          writeFileSync(
            path.join(root, folder, name),
            post ? `---\ntitle: Post ${y}-${f}-${i}\n---\nA few words.\n` : '',
          );
          if (post) expected.add(`${folder}/${name}`);
        }
      }
    }
    const createdIn = seconds(created);
    const total = YEARS * FOLDERS * FILES;

    const indexedAt = performance.now();
    const library = new Library({ root, layout: detectBlog(root) });
    const stats = await library.load();
    const indexedIn = seconds(indexedAt);
    expect(library.skipped()).toEqual([]);
    expect(library.posts()).toHaveLength(expected.size);
    expect(new Set(library.posts().map((p) => p.path))).toEqual(expected);
    expect(library.entry('posts/2019/folder-49/post-196.md')?.summary.title).toBe('Post 9-49-196');

    // The watcher: one watch per folder (511 here), none for files; a post added to the
    // last folder walked is seen and indexed.
    const watchedAt = performance.now();
    const live = liveLibrary(library, () => undefined, { recursive: false });
    closers.push(() => live.close());
    await live.ready;
    const watchedIn = seconds(watchedAt);
    writeFileSync(
      path.join(root, 'posts/2019/folder-49/new.md'),
      '---\ntitle: Written After\n---\n',
    );
    await until(() => library.entry('posts/2019/folder-49/new.md') !== undefined);
    expect(library.posts()).toHaveLength(expected.size + 1);

    live.close();
    console.log(
      `[odd-folders] ${total.toLocaleString('en')} files in ${YEARS * FOLDERS + YEARS + 1} folders ` +
        `created in ${createdIn}; ${stats.files.toLocaleString('en')} posts indexed in ${indexedIn}, ` +
        `${stats.skipped} skipped; watcher ready in ${watchedIn} (files in ${base})`,
    );
  }
});

describe('folders and files the writer cannot read', () => {
  it.skipIf(process.platform === 'win32')(
    // Windows has no chmod 000; its ACLs are another test.
    'are skipped and named with the reason; indexing goes on and lists the rest',
    async () => {
      const root = path.join(await tempFolder(), 'blog');
      await writeFiles(root, {
        'first.md': '# First\n',
        'locked.md': '# Locked\n',
        'closed/hidden.md': '# Hidden\n',
        'closed/deeper/also-hidden.md': '# Also Hidden\n',
        'open/after.md': '# After\n',
        'open/nested/last.md': '# Last\n',
      });
      const scripts = path.join(path.dirname(root), 'scripts');
      await mkdir(scripts);
      const script = await bundleFaultScript('index-folder', scripts);
      // Root reads whatever the mode says, so as root (CI) the index runs as `nobody`; the
      // folders on the way must then be open to it.
      const asRoot = process.getuid?.() === 0;
      for (const dir of [path.dirname(root), scripts]) chmodSync(dir, 0o755);
      chmodSync(script, 0o644);
      await chmod(path.join(root, 'locked.md'), 0o000);
      await chmod(path.join(root, 'closed'), 0o000);
      try {
        const { stdout } = await promisify(execFile)(process.execPath, [script, root], {
          env: faultChildEnv,
          ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        });
        const result = JSON.parse(stdout) as {
          uid: number;
          posts: string[];
          skipped: SkippedFile[];
        };
        expect(result.uid).not.toBe(0);
        expect([...result.posts].sort()).toEqual([
          'first.md',
          'open/after.md',
          'open/nested/last.md',
        ]);
        expect(sortedSkips(result.skipped)).toEqual([
          ['closed', 'folder not readable: permission denied'],
          ['locked.md', 'permission denied'],
        ]);
        console.log(
          `[odd-folders] as uid ${result.uid}: ${result.posts.length} posts listed, ` +
            `${result.skipped.length} skipped (${result.skipped.map((s) => s.path).join(', ')})`,
        );
      } finally {
        // So the temp folder can be removed.
        await chmod(path.join(root, 'locked.md'), 0o644);
        await chmod(path.join(root, 'closed'), 0o755);
      }
    },
    60_000,
  );
});

describe('symbolic links', () => {
  /** A blog with a folder linked to its parent, a two-link loop, and links out of the blog. */
  async function linkedBlog() {
    const parent = await tempFolder();
    const root = path.join(parent, 'blog');
    await writeFiles(parent, {
      'blog/posts/a.md': '# A\n',
      'blog/posts/sub/b.md': '# B\n',
      'blog/posts/sub/image.png': 'x',
      'outside/secret.md': '# Secret From Outside\n',
      'outside/deeper/secret-too.md': '# Also Outside\n',
    });
    const at = (rel: string) => path.join(root, rel);
    await symlink('..', at('posts/sub/up'), 'dir');
    await symlink('y', at('posts/x'), 'dir');
    await symlink('x', at('posts/y'), 'dir');
    await symlink(path.join(parent, 'outside'), at('posts/out'), 'dir');
    await symlink(path.join(parent, 'outside/secret.md'), at('posts/leak.md'), 'file');
    // Links nobody needs to hear about: to an image, and under node_modules.
    await symlink('sub/image.png', at('posts/picture.png'), 'file');
    await mkdir(at('node_modules'));
    await symlink('..', at('node_modules/loop'), 'dir');
    return { root, parent, at };
  }

  const LINKS = ['posts/leak.md', 'posts/out', 'posts/sub/up', 'posts/x', 'posts/y'];

  it.skipIf(process.platform === 'win32')(
    // Windows needs privileges to make symlinks.
    'are not followed: the index ends, lists each real post once, reads nothing outside, and names each link',
    async () => {
      const { root } = await linkedBlog();
      const library = new Library({ root, layout: detectBlog(root), pool: null });
      await library.load();
      expect(
        library
          .posts()
          .map((p) => p.path)
          .sort(),
      ).toEqual(['posts/a.md', 'posts/sub/b.md']);
      expect(library.posts().some((p) => p.title.includes('Outside'))).toBe(false);
      expect(sortedSkips(library.skipped())).toEqual(LINKS.map((p) => [p, SYMLINK_REASON]));
      // The one-pass index agrees.
      expect(sortedSkips(indexPosts(root, detectBlog(root)).skipped)).toEqual(
        LINKS.map((p) => [p, SYMLINK_REASON]),
      );
      // Asked for the link by name, the reader refuses to open through it.
      expect(readEntry(root, 'posts/leak.md', { inDraftFolder: false })).toEqual({
        ok: false,
        gone: false,
        skipped: { path: 'posts/leak.md', reason: SYMLINK_REASON },
      });
    },
  );

  it.skipIf(process.platform === 'win32')(
    // Windows needs privileges to make symlinks.
    'made while the blog is open are not followed by the watcher either',
    async () => {
      const { root, parent, at } = await linkedBlog();
      const library = new Library({ root, layout: detectBlog(root), pool: null });
      await library.load();
      const external: string[] = [];
      const live = liveLibrary(library, (changes) => external.push(...changes.map((c) => c.path)), {
        recursive: false,
        batchMs: 10,
      });
      closers.push(() => live.close());
      await live.ready;

      await symlink('..', at('posts/sub/up-again'), 'dir');
      await symlink(path.join(parent, 'outside'), at('posts/out-again'), 'dir');
      await symlink(path.join(parent, 'outside/secret.md'), at('posts/leak-again.md'), 'file');
      // A post replaced by a link out of the blog leaves the list.
      await rm(at('posts/a.md'));
      await symlink(path.join(parent, 'outside/secret.md'), at('posts/a.md'), 'file');
      await until(() => library.skipped().some((s) => s.path === 'posts/leak-again.md'));
      await until(() => library.entry('posts/a.md') === undefined);
      await writeFiles(root, { 'posts/sub/c.md': '# C\n' });
      await until(() => library.entry('posts/sub/c.md') !== undefined);

      // Had the watcher gone through `up-again` or `out-again`, their posts would be listed.
      expect(
        library
          .posts()
          .map((p) => p.path)
          .sort(),
      ).toEqual(['posts/sub/b.md', 'posts/sub/c.md']);
      expect(library.posts().some((p) => p.title.includes('Outside'))).toBe(false);
      expect(library.skipped()).toContainEqual({ path: 'posts/a.md', reason: SYMLINK_REASON });
      // Nothing outside was reported as a changed post either.
      expect(external.filter((p) => p !== 'posts/sub/c.md' && p !== 'posts/a.md')).toEqual([]);
    },
  );
});
