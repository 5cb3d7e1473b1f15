/**
 * The blog's own stylesheet for the preview (setting `previewCssPath`: relative to the open
 * blog, or an absolute path inside it). Read like every other file the renderer asks for:
 * confined to the blog folder with realpath, so a link out of it is refused; only `.css`
 * files, at most 1 MB.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../../../shared/errors.ts';
import type { PreviewCss } from '../../../shared/models.ts';
import { resolveInside, toRelative } from '../files/paths.ts';

export const MAX_PREVIEW_CSS_BYTES = 1024 * 1024;

export async function readPreviewCss(root: string, setting: string): Promise<PreviewCss> {
  const relativePath = path.isAbsolute(setting) ? toRelative(root, setting) : setting;
  if (!/\.css$/i.test(relativePath)) {
    throw new FolioError('INVALID_ARGUMENT', `“${relativePath}” is not a .css file`);
  }
  const real = await resolveInside(root, relativePath);
  const info = await stat(real);
  if (!info.isFile()) throw new FolioError('NOT_FOUND', `“${relativePath}” is not a file`);
  if (info.size > MAX_PREVIEW_CSS_BYTES) {
    throw new FolioError(
      'TOO_LARGE',
      `“${relativePath}” is larger than the 1 MB Folio reads as preview CSS`,
    );
  }
  return { path: toRelative(root, real), css: await readFile(real, 'utf8') };
}
