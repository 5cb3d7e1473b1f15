/**
 * A post as one standalone HTML file: the header from the front matter, the body the renderer
 * rendered and sanitized (DOMPurify, the preview's own sanitizer), the preview's CSS, and every
 * local image inlined as a `data:` URI. Pure: no DOM, no Node; the main process feeds it the
 * image bytes (electron/services/export/).
 *
 * Local images reach this builder as `folio-asset:/<path in the blog>` (the sanitizer resolves
 * image paths against EXPORT_ASSET_BASE, the way the preview resolves them for display), so the
 * main side reads exactly the file the preview showed. Remote images stay remote.
 */
import { FolioError } from './errors.ts';

export const EXPORT_ASSET_BASE = 'folio-asset:/';

export interface ExportDocument {
  title: string;
  /** As written in the front matter. */
  date?: string;
  tags: string[];
  /** The cover image's resolved source (see EXPORT_ASSET_BASE), if any. */
  cover?: string;
  /** Sanitized body HTML. */
  bodyHtml: string;
  /** The preview's stylesheet text (article, code, math). */
  css: string;
}

/** The blog-relative path behind a `folio-asset:` source, or null for anything else. */
export function exportAssetPath(src: string): string | null {
  if (!src.startsWith(EXPORT_ASSET_BASE)) return null;
  try {
    return src.slice(EXPORT_ASSET_BASE.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const unescapeAttribute = (value: string) =>
  value.replace(/&(amp|quot|lt|gt|#39|#x27);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'quot' ? '"' : name === 'lt' ? '<' : name === 'gt' ? '>' : "'",
  );

/** `<img … src="…">` as a serializer writes it (DOMPurify's output always double-quotes). */
const IMG_SRC = /(<img\b[^>]*?\ssrc=")([^"]*)(")/gi;

/** Every image source in the body (and the cover), unescaped, each once. */
export function imageSources(document: Pick<ExportDocument, 'bodyHtml' | 'cover'>): string[] {
  const found = new Set<string>();
  if (document.cover) found.add(document.cover);
  for (const match of document.bodyHtml.matchAll(IMG_SRC)) found.add(unescapeAttribute(match[2]!));
  return [...found];
}

/**
 * Nothing in an exported file may run, even opened in a browser: the body comes sanitized, a
 * leftover `<script>` is refused here rather than written, and the page's CSP allows no script.
 */
function checkInert(document: ExportDocument): void {
  if (/<script\b/i.test(document.bodyHtml)) {
    throw new FolioError('INVALID_ARGUMENT', 'The post HTML to export contains a <script>');
  }
  if (/<\/style\b/i.test(document.css)) {
    throw new FolioError('INVALID_ARGUMENT', 'The stylesheet to export closes its <style>');
  }
}

const CSP = "default-src 'none'; img-src data: https:; style-src 'unsafe-inline'; font-src data:";

/** Attributes through which an exported page would fetch something (an image, an SVG image). */
const FETCHED = /(<(?:img|image|source)\b[^>]*?\s(?:src|href|xlink:href)=")([^"]*)(")/gi;

/** Hosts of this machine or its private network: an exported page fetches nothing there. */
const LOCAL_HOST =
  /^(?:localhost|[^.]+\.localhost|127(?:\.\d+){3}|0\.0\.0\.0|\[::1?\]|10(?:\.\d+){3}|192\.168(?:\.\d+){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d+){2}|169\.254(?:\.\d+){2})$/i;

/**
 * Where an exported page may fetch `src` from: `//host/x` (which a file opened from disk
 * would read from `file://host/x`) goes to https; plain http and local addresses are
 * dropped, so a post cannot make its reader's browser call a service on their machine.
 */
export function exportedSource(src: string): string {
  const url = src.trim().startsWith('//') ? `https:${src.trim()}` : src;
  const parsed = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
  if (!parsed) return url;
  const scheme = parsed[1]!.toLowerCase();
  const host = parsed[2]!.replace(/^[^@]*@/, '').replace(/:\d+$/, '');
  if (scheme !== 'https' || LOCAL_HOST.test(host)) return '';
  return url;
}

const PAGE_CSS = `
html { background: var(--preview-bg, #fff); color: var(--ink, #23211e); }
body { margin: 0; font-family: var(--serif, Georgia, serif); }
.preview-article { max-width: 42rem; margin: 0 auto; padding: 40px 24px 80px; }
.preview-cover { display: block; }
@media print { .preview-article { padding: 0; } a { color: inherit; } }
`;

/** The whole file. `images` maps a source (as imageSources returns it) to its `data:` URI. */
export function buildStandaloneHtml(
  document: ExportDocument,
  images: ReadonlyMap<string, string>,
): string {
  checkInert(document);
  const inline = (src: string) => images.get(src) ?? src;
  const body = document.bodyHtml
    .replace(IMG_SRC, (whole, open: string, src: string, close: string) => {
      const replaced = images.get(unescapeAttribute(src));
      return replaced ? `${open}${escapeHtml(replaced)}${close}` : whole;
    })
    .replace(FETCHED, (whole, open: string, src: string, close: string) =>
      src.startsWith('data:')
        ? whole
        : `${open}${escapeHtml(exportedSource(unescapeAttribute(src)))}${close}`,
    );
  const meta =
    document.date || document.tags.length
      ? `<p class="preview-meta">${document.date ? `<time>${escapeHtml(document.date)}</time>` : ''}${document.tags
          .map((tag) => `<span class="preview-tag">#${escapeHtml(tag)}</span>`)
          .join('')}</p>`
      : '';
  return [
    '<!doctype html>',
    '<html lang="en" data-theme="light">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Folio">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${document.css}\n${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<article class="preview-article">',
    document.cover
      ? `<img class="preview-cover" src="${escapeHtml(exportedSource(inline(document.cover)))}" alt="">`
      : '',
    document.title ? `<h1 class="preview-title">${escapeHtml(document.title)}</h1>` : '',
    meta,
    `<div class="preview-body">${body}</div>`,
    '</article>',
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
