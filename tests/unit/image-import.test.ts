import { existsSync } from 'node:fs';
import { readFile, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES } from '../../shared/api.ts';
import { resolveAssetUrl } from '../../shared/asset-url.ts';
import { importImage, sniffImageType } from '../../electron/services/content/image-import.ts';
import {
  imageFolderFor,
  imageReference,
  imageReferenceFor,
  postSlug,
  type ImageLayout,
} from '../../electron/services/content/image-path.ts';
import { createFolio } from '../../electron/services/handlers.ts';
import { detectBlog } from '../../electron/services/generators/detect-blog.ts';
import { createSettingsStore } from '../../electron/services/settings/settings.ts';
import { errorCodeOf, useTempFolders, writeFiles } from './support/temp.ts';

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3,
]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const bytesOf = (text: string) => new TextEncoder().encode(text);
const GIF = bytesOf('GIF89a\x01\x00\x01\x00');
const WEBP = bytesOf('RIFF\x1a\x00\x00\x00WEBPVP8 ');
const AVIF = Uint8Array.from([
  0,
  0,
  0,
  0x1c,
  ...bytesOf('ftypavif'),
  0,
  0,
  0,
  0,
  ...bytesOf('avifmif1miaf'),
]);
const SVG = bytesOf(
  '<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>',
);

const ASSET_BASE = 'asset://blog/';

function layoutOf(root: string): ImageLayout {
  const { generator, staticRoot, postAssetFolder } = detectBlog(root);
  return { generator, staticRoot, postAssetFolder: postAssetFolder ?? false };
}

/** What the preview loads for `reference` in `postPath` (shared/asset-url.ts). */
function previewUrl(layout: ImageLayout, postPath: string, reference: string): string | null {
  return resolveAssetUrl(reference, {
    assetBase: ASSET_BASE,
    staticRoot: layout.staticRoot,
    postPath,
    postAssetFolder: layout.postAssetFolder,
  });
}
const assetUrlOf = (file: string) => ASSET_BASE + file.split('/').map(encodeURIComponent).join('/');

/** One blog per generator: its marker files, a post, where its image goes, what the post writes. */
const generators: Array<{
  name: string;
  files: Record<string, string>;
  post: string;
  expected: string;
  reference: string;
}> = [
  {
    name: 'Hexo',
    files: { '_config.yml': 'title: x\n', 'source/_posts/.keep': '' },
    post: 'source/_posts/hello-world.md',
    expected: 'source/images/hello-world.png',
    reference: '/images/hello-world.png',
  },
  {
    name: 'Hexo with post_asset_folder',
    files: { '_config.yml': 'post_asset_folder: true\n', 'source/_posts/.keep': '' },
    post: 'source/_posts/hello-world.md',
    expected: 'source/_posts/hello-world/hello-world.png',
    reference: 'hello-world.png',
  },
  {
    name: 'Hugo page bundle',
    files: { 'hugo.toml': 'title = "x"\n' },
    post: 'content/posts/kyoto-trip/index.md',
    expected: 'content/posts/kyoto-trip/kyoto-trip.png',
    reference: 'kyoto-trip.png',
  },
  {
    name: 'Hugo single page',
    files: { 'hugo.toml': 'title = "x"\n' },
    post: 'content/posts/short-note.md',
    expected: 'static/images/short-note.png',
    reference: '/images/short-note.png',
  },
  {
    name: 'Jekyll',
    files: { '_config.yml': 'title: x\n', '_posts/.keep': '' },
    post: '_posts/2024-01-02-hello.md',
    expected: 'assets/images/hello.png',
    reference: '/assets/images/hello.png',
  },
  {
    name: 'Astro',
    files: { 'astro.config.mjs': 'export default {}\n' },
    post: 'src/content/blog/first-post.md',
    expected: 'public/images/first-post.png',
    reference: '/images/first-post.png',
  },
  {
    name: 'Next',
    files: { 'next.config.js': 'module.exports = {}\n', '_posts/.keep': '' },
    post: '_posts/dynamic-routing.md',
    expected: 'public/images/dynamic-routing.png',
    reference: '/images/dynamic-routing.png',
  },
  {
    name: 'Gatsby bundle',
    files: { 'gatsby-config.js': 'module.exports = {}\n' },
    post: 'content/blog/hello-world/index.md',
    expected: 'content/blog/hello-world/hello-world.png',
    reference: 'hello-world.png',
  },
  {
    name: 'Gatsby single file (static/ is what Gatsby serves; public/ is its output)',
    files: { 'gatsby-config.js': 'module.exports = {}\n' },
    post: 'content/blog/loose.md',
    expected: 'static/images/loose.png',
    reference: '/images/loose.png',
  },
  {
    name: 'VitePress',
    files: { 'docs/.vitepress/config.mts': 'export default {}\n' },
    post: 'docs/guide/setup.md',
    expected: 'docs/public/images/setup.png',
    reference: '/images/setup.png',
  },
  {
    name: 'Eleventy',
    files: { 'eleventy.config.js': 'export default () => {}\n' },
    post: 'blog/first.md',
    expected: 'blog/images/first.png',
    reference: 'images/first.png',
  },
  {
    name: 'a plain folder',
    files: {},
    post: 'notes/Today Was Good.md',
    expected: 'notes/images/today-was-good.png',
    reference: 'images/today-was-good.png',
  },
];

describe('pasting an image into a post', () => {
  const tempFolder = useTempFolders();

  for (const g of generators) {
    it(`${g.name}: copies to ${g.expected}, and the preview resolves ${g.reference} back to it`, async () => {
      const root = await tempFolder();
      await writeFiles(root, { ...g.files, [g.post]: '---\ntitle: x\n---\n' });
      const layout = layoutOf(root);

      const image = await importImage(root, layout, g.post, PNG, { name: 'Screenshot.png' });

      expect(image).toEqual({ path: g.expected, reference: g.reference });
      expect(new Uint8Array(await readFile(path.join(root, g.expected)))).toEqual(PNG);
      expect(previewUrl(layout, g.post, image.reference)).toBe(assetUrlOf(g.expected));
      // The cover picker stores the same reference for the same file.
      expect(await imageReference(root, layout, g.post, path.join(root, g.expected))).toBe(
        g.reference,
      );
    });
  }

  it('never overwrites: the next images are <slug>-2, <slug>-3, past files already there', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      '_config.yml': 'title: x\n',
      'source/_posts/trip.md': '---\n---\n',
      'source/images/trip.png': 'an older picture',
    });
    const layout = layoutOf(root);
    const second = await importImage(root, layout, 'source/_posts/trip.md', PNG);
    const third = await importImage(root, layout, 'source/_posts/trip.md', PNG);
    const jpeg = await importImage(root, layout, 'source/_posts/trip.md', JPEG);
    expect([second.path, third.path, jpeg.path]).toEqual([
      'source/images/trip-2.png',
      'source/images/trip-3.png',
      'source/images/trip.jpg',
    ]);
    expect(await readFile(path.join(root, 'source/images/trip.png'), 'utf8')).toBe(
      'an older picture',
    );
    // No temp file left behind.
    expect((await readdir(path.join(root, 'source/images'))).sort()).toEqual([
      'trip-2.png',
      'trip-3.png',
      'trip.jpg',
      'trip.png',
    ]);
  });

  it('follows the imageFolder setting: a folder of the blog, referred to the same way', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'hugo.toml': '', 'content/posts/a.md': '' });
    const layout = layoutOf(root);
    const inStatic = await importImage(root, layout, 'content/posts/a.md', GIF, {
      setting: 'static/uploads/',
    });
    expect(inStatic).toEqual({ path: 'static/uploads/a.gif', reference: '/uploads/a.gif' });
    const elsewhere = await importImage(root, layout, 'content/posts/a.md', GIF, {
      setting: 'media',
    });
    expect(elsewhere).toEqual({ path: 'media/a.gif', reference: '../../media/a.gif' });
    expect(previewUrl(layout, 'content/posts/a.md', elsewhere.reference)).toBe(
      assetUrlOf('media/a.gif'),
    );
    expect(
      await errorCodeOf(
        importImage(root, layout, 'content/posts/a.md', GIF, { setting: '../out' }),
      ),
    ).toBe('OUTSIDE_FOLDER');
    expect(
      await errorCodeOf(importImage(root, layout, 'content/posts/a.md', GIF, { setting: '/tmp' })),
    ).toBe('OUTSIDE_FOLDER');
  });

  it('the app follows the imageFolder setting from the settings store, pastes and picker alike', async () => {
    const root = await tempFolder();
    const data = await tempFolder();
    await writeFiles(root, {
      '_config.yml': 'title: x\n',
      'source/_posts/trip.md': '---\ntitle: Trip\n---\n',
      'source/uploads/old.png': PNG,
    });
    const settings = createSettingsStore(data);
    const folders: string[] = [];
    const folio = createFolio({
      settings,
      assetBase: ASSET_BASE,
      dataFolder: data,
      pickFolder: async () => null,
      pickFile: async ({ folder }) => (
        folders.push(folder),
        path.join(root, 'source/uploads/old.png')
      ),
      openExternal: async () => undefined,
      emit: () => undefined,
    });
    await folio.openFolder(root);
    const auto = await folio.handlers.importImage({
      postPath: 'source/_posts/trip.md',
      bytes: PNG,
    });
    expect(auto.path).toBe('source/images/trip.png');

    await settings.update({ imageFolder: 'source/uploads' });
    const custom = await folio.handlers.importImage({
      postPath: 'source/_posts/trip.md',
      bytes: PNG,
    });
    expect(custom).toEqual({ path: 'source/uploads/trip.png', reference: '/uploads/trip.png' });
    expect(await folio.handlers.pickImage({ postPath: 'source/_posts/trip.md' })).toBe(
      '/uploads/old.png',
    );
    expect(folders).toEqual([path.join(root, 'source/uploads')]);
    await folio.dispose();
  });

  it('refuses a file that is not an image, saying what it is not, and writes nothing', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'post.md': '# hi\n' });
    const refusal = importImage(root, layoutOf(root), 'post.md', bytesOf('just some notes'), {
      name: 'notes.txt',
    });
    await expect(refusal).rejects.toThrow(
      '“notes.txt” is not an image Folio can add (PNG, JPEG, GIF, WebP, SVG or AVIF)',
    );
    // A PNG name on other bytes is still refused: the bytes decide.
    await expect(
      importImage(root, layoutOf(root), 'post.md', bytesOf('%PDF-1.7'), { name: 'fake.png' }),
    ).rejects.toThrow('“fake.png” is not an image');
    expect(existsSync(path.join(root, 'images'))).toBe(false);
  });

  it('refuses an image over the size cap', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'post.md': '' });
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG);
    expect(await errorCodeOf(importImage(root, layoutOf(root), 'post.md', big))).toBe('TOO_LARGE');
  });

  it('stays inside the blog: no post outside it, no image folder that links out of it', async () => {
    const root = await tempFolder();
    const outside = await tempFolder();
    await writeFiles(root, { 'post.md': '' });
    expect(await errorCodeOf(importImage(root, layoutOf(root), '../x.md', PNG))).toBe(
      'OUTSIDE_FOLDER',
    );
    await symlink(outside, path.join(root, 'images'));
    expect(await errorCodeOf(importImage(root, layoutOf(root), 'post.md', PNG))).toBe(
      'OUTSIDE_FOLDER',
    );
    expect(await readdir(outside)).toEqual([]);
  });

  it('reads the type from the bytes: png, jpeg, gif, webp, avif, svg', () => {
    expect([PNG, JPEG, GIF, WEBP, AVIF, SVG].map(sniffImageType)).toEqual([
      'png',
      'jpeg',
      'gif',
      'webp',
      'avif',
      'svg',
    ]);
    expect(sniffImageType(bytesOf('<html><svg></svg></html>'))).toBeNull();
    expect(sniffImageType(Uint8Array.from([0, 0, 0, 0x18, ...bytesOf('ftypmp42')]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe('the image rule', () => {
  const hexoAssets: ImageLayout = {
    generator: 'hexo',
    staticRoot: 'source',
    postAssetFolder: true,
  };

  it('names images after the post slug', () => {
    expect(postSlug('_posts/2024-01-02-Hello, World!.md')).toBe('hello-world');
    expect(postSlug('content/posts/trip/index.md')).toBe('trip');
    expect(postSlug('日記.md')).toBe('日記');
    expect(postSlug('---.md')).toBe('image');
  });

  it('escapes what would end a Markdown link, and the preview still finds the file', () => {
    const plain: ImageLayout = { generator: 'plain', staticRoot: '', postAssetFolder: false };
    const ref = imageReferenceFor(plain, 'a.md', 'pics/my photo (1) 100%.png');
    expect(ref).toBe('pics/my%20photo%20%281%29%20100%25.png');
    expect(previewUrl(plain, 'a.md', ref)).toBe(assetUrlOf('pics/my photo (1) 100%.png'));
  });

  it('puts the picker where pastes go', async () => {
    expect(imageFolderFor(hexoAssets, 'source/_posts/a.md')).toBe('source/_posts/a');
    expect(imageFolderFor(hexoAssets, 'source/_posts/a.md', 'auto')).toBe('source/_posts/a');
    expect(imageFolderFor(hexoAssets, 'source/_posts/a.md', './img/')).toBe('img');
  });

  it('refuses a picked file outside the blog', async () => {
    const layout: ImageLayout = { generator: 'plain', staticRoot: '', postAssetFolder: false };
    const blog = path.join(process.cwd(), 'assets', 'sample-blog');
    const icon = path.join(process.cwd(), 'assets', 'icon.svg');
    expect(await errorCodeOf(imageReference(blog, layout, 'a.md', icon))).toBe('OUTSIDE_FOLDER');
  });
});
