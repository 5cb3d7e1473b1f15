import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside, toRelative } from '../../electron/services/content/paths.ts';
import { errorCodeOf, useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();

/** A blog folder with one post, next to a secret file outside it. */
async function blogBesideSecret(): Promise<{ root: string; secret: string }> {
  const parent = await tempFolder();
  const root = path.join(parent, 'blog');
  await writeFiles(parent, {
    'blog/source/_posts/hello.md': '# Hello\n',
    'secret.txt': 'not for the renderer',
  });
  return { root, secret: path.join(parent, 'secret.txt') };
}

describe('resolveInside', () => {
  it('resolves a file inside the folder to its real path', async () => {
    const { root } = await blogBesideSecret();
    await expect(resolveInside(root, 'source/_posts/hello.md')).resolves.toBe(
      path.join(root, 'source', '_posts', 'hello.md'),
    );
  });

  it('accepts `..` segments that stay inside the folder', async () => {
    const { root } = await blogBesideSecret();
    await expect(resolveInside(root, 'source/../source/_posts/hello.md')).resolves.toBe(
      path.join(root, 'source', '_posts', 'hello.md'),
    );
  });

  it('accepts a file whose name merely starts with two dots', async () => {
    const { root } = await blogBesideSecret();
    await writeFiles(root, { '..draft-ideas.md': 'ideas' });
    await expect(resolveInside(root, '..draft-ideas.md')).resolves.toBe(
      path.join(root, '..draft-ideas.md'),
    );
  });

  it.each([
    ['a parent reference', '..'],
    ['a parent file', '../secret.txt'],
    ['a path climbing out through a subfolder', 'source/../../secret.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows-style relative path', 'a\\b'],
    ['a Windows-style climb', '..\\secret.txt'],
    ['a Windows drive path', 'C:\\x'],
    ['a Windows drive path with slashes', 'C:/x'],
    ['a UNC path', '\\\\server\\share\\x.md'],
    ['a NUL byte', 'source/_posts/hello.md\0.png'],
  ])('refuses %s with OUTSIDE_FOLDER', async (_label, relative) => {
    const { root } = await blogBesideSecret();
    expect(await errorCodeOf(resolveInside(root, relative))).toBe('OUTSIDE_FOLDER');
  });

  it('reports a missing file inside the folder as NOT_FOUND', async () => {
    const { root } = await blogBesideSecret();
    expect(await errorCodeOf(resolveInside(root, 'source/_posts/missing.md'))).toBe('NOT_FOUND');
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a symlink inside the folder that points to a file outside it',
    async () => {
      const { root, secret } = await blogBesideSecret();
      await symlink(secret, path.join(root, 'source', '_posts', 'innocent.md'));
      expect(await errorCodeOf(resolveInside(root, 'source/_posts/innocent.md'))).toBe(
        'OUTSIDE_FOLDER',
      );
    },
  );

  it.skipIf(process.platform === 'win32')(
    'refuses a file reached through a symlinked folder that points outside',
    async () => {
      const { root } = await blogBesideSecret();
      const outside = path.join(path.dirname(root), 'elsewhere');
      await writeFiles(outside, { 'post.md': 'outside' });
      await symlink(outside, path.join(root, 'linked'), 'dir');
      expect(await errorCodeOf(resolveInside(root, 'linked/post.md'))).toBe('OUTSIDE_FOLDER');
    },
  );

  it.skipIf(process.platform === 'win32')(
    'follows a symlink that points to another file inside the folder',
    async () => {
      const { root } = await blogBesideSecret();
      await mkdir(path.join(root, 'aliases'));
      await symlink('../source/_posts/hello.md', path.join(root, 'aliases', 'hello.md'));
      await expect(resolveInside(root, 'aliases/hello.md')).resolves.toBe(
        path.join(root, 'source', '_posts', 'hello.md'),
      );
    },
  );
});

describe('toRelative', () => {
  it('gives the renderer a `/`-separated path relative to the folder', async () => {
    const { root } = await blogBesideSecret();
    expect(toRelative(root, path.join(root, 'source', '_posts', 'hello.md'))).toBe(
      'source/_posts/hello.md',
    );
  });
});
