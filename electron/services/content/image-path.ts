import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../../../shared/errors.ts';
import { profileOf, type Generator } from '../../../shared/generators/index.ts';
import { isBundlePath } from '../../../shared/generators/naming.ts';

/**
 * The one rule for where a post's images live and how the post names them. Pasted and
 * dropped images are written by it (image-import.ts) and the cover field's picker stores the
 * reference it gives, so both agree with each other and with shared/asset-url.ts, which
 * resolves the reference back to the same file for the preview.
 */
export interface ImageLayout {
  generator: Generator;
  /** Where site-absolute paths (`/images/a.png`) point; '' is the blog folder itself. */
  staticRoot: string;
  postAssetFolder: boolean;
}

/** The `imageFolder` setting: `auto` follows the generator, anything else is a blog folder. */
export type ImageFolderSetting = string;

const posix = path.posix;

const isBundle = isBundlePath;

/** The post's slug, for file names: a bundle's folder name, else the file name without a date prefix. */
export function postSlug(postPath: string): string {
  const base = posix.basename(postPath).replace(/\.[^.]+$/, '');
  const name = isBundle(postPath) ? posix.basename(posix.dirname(postPath)) : base;
  const slug = name
    .replace(/^\d{4}-\d{2}-\d{2}-/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return slug && slug !== '.' ? slug : 'image';
}

/** A custom folder from settings, as a `/`-separated path inside the blog. */
function customFolder(setting: string): string {
  const folder = setting
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\.\/|\/+$/g, '');
  const normal = posix.normalize(folder || '.');
  if (posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../')) {
    throw new FolioError(
      'OUTSIDE_FOLDER',
      `The image folder “${setting}” (Settings) must be a folder inside the blog`,
    );
  }
  return normal === '.' ? '' : normal;
}

/** Where a new image for `postPath` goes, relative to the blog folder (`''` is the blog itself). */
export function imageFolderFor(
  layout: ImageLayout,
  postPath: string,
  setting: ImageFolderSetting = 'auto',
): string {
  if (setting && setting !== 'auto') return customFolder(setting);
  return profileOf(layout.generator).imageFolder(layout, postPath);
}

/** Characters that would end a Markdown link destination or fail decodeURI. */
const escapeReference = (reference: string) =>
  reference.replace(/[% ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * How the post at `postPath` names the file at `fileRel` (both relative to the blog folder):
 * the bare name inside Hexo's post asset folder, a site path for files the site serves from
 * its static folder (or from its root, for Jekyll), else a path relative to the post.
 */
export function imageReferenceFor(layout: ImageLayout, postPath: string, fileRel: string): string {
  const postFolder = posix.dirname(postPath);
  if (layout.postAssetFolder) {
    const assetFolder = posix.join(postFolder, posix.basename(postPath).replace(/\.[^.]+$/, ''));
    if (posix.dirname(fileRel) === assetFolder) return escapeReference(posix.basename(fileRel));
  }
  if (layout.staticRoot && fileRel.startsWith(`${layout.staticRoot}/`)) {
    return escapeReference(fileRel.slice(layout.staticRoot.length));
  }
  if (!layout.staticRoot && profileOf(layout.generator).servesWholeFolder)
    return escapeReference(`/${fileRel}`);
  return escapeReference(posix.relative(postFolder, fileRel));
}

/** The reference for a file the writer picked with the native dialog; refused outside the blog. */
export async function imageReference(
  root: string,
  layout: ImageLayout,
  postPath: string,
  picked: string,
): Promise<string> {
  const real = await realpath(picked).catch(() => {
    throw new FolioError('NOT_FOUND', `“${picked}” does not exist`);
  });
  const rel = path.relative(root, real);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new FolioError(
      'OUTSIDE_FOLDER',
      'Pick an image inside the blog folder: the site cannot serve files outside it',
    );
  }
  return imageReferenceFor(layout, postPath, rel.split(path.sep).join('/'));
}
