import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, realpath, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { MAX_IMAGE_BYTES } from '../../../shared/api.ts';
import { FolioError } from '../../../shared/errors.ts';
import type { ImportedImage } from '../../../shared/models.ts';
import {
  imageFolderFor,
  imageReferenceFor,
  postSlug,
  type ImageFolderSetting,
  type ImageLayout,
} from './image-path.ts';
import { resolveInside } from '../files/paths.ts';

export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg' | 'avif';

export const IMAGE_MIME: Record<ImageType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  avif: 'image/avif',
};

const EXTENSION: Record<ImageType, string> = {
  png: 'png',
  jpeg: 'jpg',
  gif: 'gif',
  webp: 'webp',
  svg: 'svg',
  avif: 'avif',
};

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/** What the bytes are, from their first bytes, never from a name or a claimed MIME type. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    // ISO-BMFF: the major brand, then compatible brands up to the box's size.
    const size = Math.min(
      ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8)) + bytes[3]!,
      64,
    );
    for (let at = 8; at + 4 <= Math.min(size, bytes.length); at += 4) {
      if (at === 12) continue; // minor version
      if (/^avi[fs]$/.test(ascii(bytes, at, at + 4))) return 'avif';
    }
    return null;
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  if (
    /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)
  ) {
    return 'svg';
  }
  return null;
}

const inside = (root: string, candidate: string) => {
  const rel = path.relative(root, candidate);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
};

/** Creates `folder` (relative) inside `root`, following no link out of it; returns its real path. */
async function ensureFolderInside(root: string, folder: string): Promise<string> {
  const target = path.resolve(root, folder);
  if (!inside(root, target)) {
    throw new FolioError('OUTSIDE_FOLDER', `“${folder}” is outside the blog folder`);
  }
  // The nearest existing ancestor must itself be inside (a link could point elsewhere).
  let existing = target;
  for (;;) {
    try {
      existing = await realpath(existing);
      break;
    } catch {
      existing = path.dirname(existing);
    }
  }
  if (!inside(root, existing)) {
    throw new FolioError('OUTSIDE_FOLDER', `“${folder}” leads outside the blog folder`);
  }
  await mkdir(target, { recursive: true });
  const real = await realpath(target);
  if (!inside(root, real)) {
    throw new FolioError('OUTSIDE_FOLDER', `“${folder}” leads outside the blog folder`);
  }
  return real;
}

async function fsyncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `bytes` to the first free name `<slug>.<ext>`, `<slug>-2.<ext>`… in `folder`, never
 * replacing a file: the bytes go to a synced temp file first, then are hard-linked to the
 * name (which fails if it exists, even when another program takes the name meanwhile). File
 * systems without hard links get a check-then-rename instead.
 */
async function writeUnique(
  folder: string,
  slug: string,
  extension: string,
  bytes: Uint8Array,
): Promise<string> {
  const temp = path.join(folder, `.${slug}.${randomBytes(6).toString('hex')}.folio-tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    for (let n = 1; n < 10_000; n++) {
      const name = `${slug}${n === 1 ? '' : `-${n}`}.${extension}`;
      const target = path.join(folder, name);
      try {
        await link(temp, target);
        return name;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (!['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS', 'EOPNOTSUPP'].includes(code ?? ''))
          throw error;
        const taken = await lstat(target).then(
          () => true,
          () => false,
        );
        if (taken) continue;
        await rename(temp, target);
        return name;
      }
    }
    throw new FolioError('IO', `No free name for ${slug}.${extension} in ${folder}`);
  } finally {
    await unlink(temp).catch(() => undefined);
    await fsyncFolder(folder).catch(() => undefined);
  }
}

/**
 * Copies pasted or dropped image bytes where the blog's generator expects the post's images
 * (image-path.ts), named after the post. `name` is the original file name, for messages only:
 * the type comes from the bytes.
 */
export async function importImage(
  root: string,
  layout: ImageLayout,
  postPath: string,
  bytes: Uint8Array,
  options: { name?: string; setting?: ImageFolderSetting } = {},
): Promise<ImportedImage> {
  const what = options.name ? `“${options.name}”` : 'The pasted file';
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new FolioError(
      'TOO_LARGE',
      `${what} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; images up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB can be added`,
    );
  }
  const type = sniffImageType(bytes);
  if (!type) {
    throw new FolioError(
      'INVALID_ARGUMENT',
      `${what} is not an image Folio can add (PNG, JPEG, GIF, WebP, SVG or AVIF)`,
    );
  }
  await resolveInside(root, postPath);
  const folder = imageFolderFor(layout, postPath, options.setting);
  const realFolder = await ensureFolderInside(root, folder);
  const name = await writeUnique(realFolder, postSlug(postPath), EXTENSION[type], bytes);
  const fileRel = [folder, name].filter(Boolean).join('/');
  return { path: fileRel, reference: imageReferenceFor(layout, postPath, fileRel) };
}
