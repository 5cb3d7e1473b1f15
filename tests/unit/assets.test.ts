import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAssetUrl } from '../../shared/asset-url.ts';
import { mimeType, resolveAssetRequest } from '../../electron/services/content/assets.ts';
import { errorCodeOf, useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();
const BASE = 'asset://blog/';

async function blogBesideSecret(): Promise<string> {
  const parent = await tempFolder();
  await writeFiles(parent, {
    'blog/source/images/cover.png': 'png',
    'blog/source/images/my image.png': 'png with a space',
    'blog/source/images/café/ünï.png': 'png with accents',
    'blog/source/_posts/post.md': '![](../images/cover.png)',
    'secret.txt': 'outside the blog',
  });
  return path.join(parent, 'blog');
}

describe('resolveAssetRequest', () => {
  it('maps an asset URL to the file inside the blog folder', async () => {
    const root = await blogBesideSecret();
    await expect(resolveAssetRequest(root, `${BASE}source/images/cover.png`, BASE)).resolves.toBe(
      path.join(root, 'source', 'images', 'cover.png'),
    );
  });

  it('decodes URL-encoded names such as my%20image.png', async () => {
    const root = await blogBesideSecret();
    await expect(
      resolveAssetRequest(root, `${BASE}source/images/my%20image.png`, BASE),
    ).resolves.toBe(path.join(root, 'source', 'images', 'my image.png'));
    await expect(
      resolveAssetRequest(root, `${BASE}source/images/caf%C3%A9/%C3%BCn%C3%AF.png`, BASE),
    ).resolves.toBe(path.join(root, 'source', 'images', 'café', 'ünï.png'));
  });

  it('ignores a query string and a fragment', async () => {
    const root = await blogBesideSecret();
    await expect(
      resolveAssetRequest(root, `${BASE}source/images/cover.png?v=3#frag`, BASE),
    ).resolves.toBe(path.join(root, 'source', 'images', 'cover.png'));
  });

  it.each([
    `${BASE}../secret.txt`,
    `${BASE}..%2Fsecret.txt`,
    `${BASE}source/..%2F..%2Fsecret.txt`,
    `${BASE}%2E%2E/secret.txt`,
    `${BASE}%2Fetc%2Fpasswd`,
    `${BASE}..%5Csecret.txt`,
    `${BASE}source/images/cover.png%00.txt`,
  ])('refuses %s with OUTSIDE_FOLDER', async (url) => {
    const root = await blogBesideSecret();
    expect(await errorCodeOf(resolveAssetRequest(root, url, BASE))).toBe('OUTSIDE_FOLDER');
  });

  it.skipIf(process.platform === 'win32')(
    // Skipped on Windows: making symbolic links there needs privileges.
    'refuses an image that is a symlink to a file outside the folder',
    async () => {
      const root = await blogBesideSecret();
      await symlink(path.join(root, '..', 'secret.txt'), path.join(root, 'source', 'leak.png'));
      expect(await errorCodeOf(resolveAssetRequest(root, `${BASE}source/leak.png`, BASE))).toBe(
        'OUTSIDE_FOLDER',
      );
    },
  );

  it('reports a missing image as NOT_FOUND', async () => {
    const root = await blogBesideSecret();
    expect(
      await errorCodeOf(resolveAssetRequest(root, `${BASE}source/images/none.png`, BASE)),
    ).toBe('NOT_FOUND');
  });

  it('refuses a URL of another scheme or host as NOT_FOUND', async () => {
    const root = await blogBesideSecret();
    expect(await errorCodeOf(resolveAssetRequest(root, 'asset://other/secret.txt', BASE))).toBe(
      'NOT_FOUND',
    );
    expect(await errorCodeOf(resolveAssetRequest(root, 'file:///etc/passwd', BASE))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses malformed percent-encoding with INVALID_ARGUMENT', async () => {
    const root = await blogBesideSecret();
    expect(await errorCodeOf(resolveAssetRequest(root, `${BASE}source/%E0%A4%A.png`, BASE))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('loads what the preview asks for: resolveAssetUrl output resolves to the right file', async () => {
    const root = await blogBesideSecret();
    const context = { assetBase: BASE, staticRoot: 'source', postPath: 'source/_posts/post.md' };
    const cases: Array<[string, string[]]> = [
      ['../images/cover.png', ['source', 'images', 'cover.png']],
      ['/images/my image.png', ['source', 'images', 'my image.png']],
      ['/images/my%20image.png', ['source', 'images', 'my image.png']],
      ['/images/café/ünï.png', ['source', 'images', 'café', 'ünï.png']],
    ];
    for (const [src, parts] of cases) {
      const url = resolveAssetUrl(src, context);
      expect(url, src).not.toBeNull();
      await expect(resolveAssetRequest(root, url!, BASE)).resolves.toBe(path.join(root, ...parts));
    }
  });
});

describe('mimeType', () => {
  it.each([
    ['a.png', 'image/png'],
    ['A.JPG', 'image/jpeg'],
    ['x.jpeg', 'image/jpeg'],
    ['logo.svg', 'image/svg+xml'],
    ['anim.webp', 'image/webp'],
    ['style.css', 'text/css'],
    ['archive.tar.gz', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(mimeType(file)).toBe(type);
  });
});
