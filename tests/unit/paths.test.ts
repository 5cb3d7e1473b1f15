import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside, toRelative } from '../../electron/services/files/paths.ts';
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
    ['a NUL byte alone', '\0'],
    ['a URL-encoded climb', '..%2fsecret.txt'],
    ['URL-encoded dots', '%2e%2e/secret.txt'],
    ['upper-case URL encoding', '%2E%2E%2Fsecret.txt'],
    ['a URL-encoded backslash', '..%5csecret.txt'],
    ['a URL-encoded NUL', 'source/_posts/hello.md%00.png'],
    ['a Windows-style climb inside a subfolder', 'source\\..\\..\\secret.txt'],
    ['a drive-relative Windows path', 'C:secret.txt'],
    ['an absolute path into the folder itself', '/source/_posts/hello.md'],
  ])('refuses %s with OUTSIDE_FOLDER', async (_label, relative) => {
    const { root } = await blogBesideSecret();
    expect(await errorCodeOf(resolveInside(root, relative))).toBe('OUTSIDE_FOLDER');
  });

  it('reports a missing file inside the folder as NOT_FOUND', async () => {
    const { root } = await blogBesideSecret();
    expect(await errorCodeOf(resolveInside(root, 'source/_posts/missing.md'))).toBe('NOT_FOUND');
  });

  it.skipIf(process.platform === 'win32')(
    // Skipped on Windows: making symbolic links there needs privileges.
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
    // Skipped on Windows: making symbolic links there needs privileges.
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
    // Skipped on Windows: making symbolic links there needs privileges.
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

describe('asset URLs', () => {
  it.each([
    ['a climb', '../secret.txt'],
    ['an encoded climb', '..%2fsecret.txt'],
    ['a double-encoded climb', '%252e%252e%252fsecret.txt'],
    ['an encoded absolute path', '%2fetc%2fpasswd'],
    ['an encoded NUL', 'source/_posts/hello.md%00.png'],
    ['a double-encoded NUL', 'source/_posts/hello.md%2500.png'],
    ['an encoded backslash climb', '..%5c..%5csecret.txt'],
  ])('refuses %s with OUTSIDE_FOLDER', async (_label, tail) => {
    const { resolveAssetRequest } = await import('../../electron/services/content/assets.ts');
    const { root } = await blogBesideSecret();
    expect(
      await errorCodeOf(resolveAssetRequest(root, `asset://blog/${tail}`, 'asset://blog/')),
    ).toBe('OUTSIDE_FOLDER');
  });
});

describe('toRelative', () => {
  it('gives the renderer a `/`-separated path relative to the folder', async () => {
    const { root } = await blogBesideSecret();
    expect(toRelative(root, path.join(root, 'source', '_posts', 'hello.md'))).toBe(
      'source/_posts/hello.md',
    );
  });
});
