import { resolveAssetUrl, type AssetContext } from '../../../shared/asset-url.ts';
import { EXPORT_ASSET_BASE } from '../../../shared/export-html.ts';
import { parseFrontMatter } from '../../../shared/frontmatter.ts';
import { api } from '../../api.ts';
import { sanitizePreview } from '../preview/index.ts';
import type { PreviewTemplates } from '../preview/index.ts';
import { dialectOf } from '../../../shared/markdown/templates/index.ts';
import { exportStylesheet } from './export-css.ts';

export type ExportFormat = 'html' | 'pdf';

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];

/**
 * Exports a post's current text (saved or not) as the preview shows it. The body is rendered
 * and sanitized here, with the preview's DOMPurify setup, because sanitizing needs a DOM; the
 * main process inlines the images and writes the file (electron/services/export/). Local
 * image paths are resolved against EXPORT_ASSET_BASE so the main side reads the very file the
 * preview showed. Returns the written file, or null when the writer cancelled.
 */
export async function exportPost(
  format: ExportFormat,
  post: { path: string; text: string; assets: AssetContext; templates?: PreviewTemplates | null },
): Promise<string | null> {
  const { data, body } = parseFrontMatter(post.text);
  const { renderMarkdown } = await import('../../../shared/markdown/index.ts');
  const context = { ...post.assets, assetBase: EXPORT_ASSET_BASE };
  // The site's template constructs as the preview shows them.
  const dialect = post.templates
    ? dialectOf(post.templates.dialect ?? undefined, post.path)
    : undefined;
  const flavour = post.templates?.flavour ?? null;
  const rendered = renderMarkdown(
    body,
    dialect
      ? {
          flavour,
          dialect,
          context: { ...post.templates!.context, page: data, postPath: post.path },
        }
      : { flavour },
  );
  const bodyHtml = sanitizePreview(rendered, context);
  const cover = typeof data.cover === 'string' ? resolveAssetUrl(data.cover, context) : null;
  return api.exportPost({
    postPath: post.path,
    format,
    title: typeof data.title === 'string' ? data.title : post.path.split('/').pop()!,
    ...(data.date ? { date: String(data.date) } : {}),
    tags: [...list(data.categories), ...list(data.tags)],
    ...(cover ? { cover } : {}),
    bodyHtml,
    css: await exportStylesheet(bodyHtml.includes('class="katex')),
  });
}
