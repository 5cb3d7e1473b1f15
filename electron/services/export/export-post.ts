import { readFile, stat } from 'node:fs/promises';
import {
  buildStandaloneHtml,
  exportAssetPath,
  imageSources,
  type ExportDocument,
} from '../../../shared/export-html.ts';
import { MAX_IMAGE_BYTES } from '../../../shared/api.ts';
import { FolioError } from '../../../shared/errors.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { IMAGE_MIME, sniffImageType } from '../content/image-import.ts';
import { postSlug } from '../content/image-path.ts';
import { resolveInside } from '../files/paths.ts';

export type ExportFormat = 'html' | 'pdf';

/**
 * What only the host can do for an export: ask where to save, and print. Optional so hosts
 * built for other tests need not stand in for them; an export without them says so.
 */
export interface ExportHost {
  /** A native save dialog; the chosen absolute path, or null when cancelled. */
  pickSaveFile?(options: {
    title: string;
    defaultName: string;
    extensions: string[];
  }): Promise<string | null>;
  /** A PDF of a standalone HTML page (webContents.printToPDF in Electron). */
  printToPDF?(html: string): Promise<Uint8Array>;
}

/**
 * Local images, read through the blog's confined path resolver, as `data:` URIs. One that
 * cannot be read (missing, outside the blog, not an image, too large) keeps its source, so
 * the exported page shows it broken exactly as the preview marked it missing.
 */
export async function inlineImages(
  root: string,
  document: Pick<ExportDocument, 'bodyHtml' | 'cover'>,
): Promise<Map<string, string>> {
  const images = new Map<string, string>();
  for (const src of imageSources(document)) {
    const relative = exportAssetPath(src);
    if (relative === null) continue;
    try {
      const file = await resolveInside(root, relative);
      if ((await stat(file)).size > MAX_IMAGE_BYTES) continue;
      const bytes = await readFile(file);
      const type = sniffImageType(bytes);
      if (type) images.set(src, `data:${IMAGE_MIME[type]};base64,${bytes.toString('base64')}`);
    } catch {
      // Left as it is; see above.
    }
  }
  return images;
}

/** Builds the standalone page and writes it (or its PDF) where the writer chooses; null if cancelled. */
export async function exportPost(
  root: string,
  host: ExportHost,
  postPath: string,
  format: ExportFormat,
  document: ExportDocument,
): Promise<string | null> {
  const { pickSaveFile, printToPDF } = host;
  if (!pickSaveFile) throw new FolioError('INTERNAL', 'This window cannot save files');
  if (format === 'pdf' && !printToPDF) {
    throw new FolioError('INTERNAL', 'PDF export needs the Folio app (Electron)');
  }
  await resolveInside(root, postPath);
  const html = buildStandaloneHtml(document, await inlineImages(root, document));
  const file = await pickSaveFile({
    title: format === 'pdf' ? 'Export as PDF' : 'Export as HTML',
    defaultName: `${postSlug(postPath)}.${format}`,
    extensions: [format],
  });
  if (!file) return null;
  await writeFileAtomic(file, format === 'pdf' ? await printToPDF!(html) : html);
  return file;
}
