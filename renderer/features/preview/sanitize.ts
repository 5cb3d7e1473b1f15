/**
 * Nothing from a post reaches the DOM unchecked: a post cannot run script, reach
 * `window.folio`, submit a form or navigate the window. A block of plain Markdown arrives as
 * nodes and is built from a fixed list of tags, attributes and URL schemes, narrower than
 * DOMPurify's (plain-markup.ts); any other block (raw HTML, KaTeX) is HTML, and goes through
 * DOMPurify into an inert template. Image sources are rewritten to the asset scheme (or
 * dropped), ids prefixed and links given `rel=noopener`, on both paths.
 *
 * DOMPurify stays at the latest version (3.5): it is the path every untrusted shape takes,
 * and its per-element cost no longer matters once plain blocks skip it.
 */
import DOMPurify from 'dompurify';
import { isRemoteImage, resolveAssetUrl, type AssetContext } from '../../../shared/asset-url.ts';
import { isTableAlignment } from '../../../shared/markdown/nodes.ts';
import { buildPlainBlock, missingImage, remoteImage } from './plain-markup.ts';

/**
 * KaTeX lays math out with inline styles. `style` stays forbidden everywhere else; inside
 * `.katex` it is kept only when every declaration is one KaTeX writes (no url(), no fixed
 * positioning), so raw HTML dressed up as math cannot restyle or overlay the app.
 */
const KATEX_STYLE =
  /^(?:(?:height|width|min-width|top|bottom|left|margin|margin-left|margin-right|padding-left|vertical-align|border-(?:top-|bottom-|right-)?width|border-(?:right-)?style|border-color|color|background-color)\s*:\s*[-#.%\w ]+|position\s*:\s*relative)$/i;

DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
  if (data.attrName !== 'style') return;
  if ((node.tagName === 'TH' || node.tagName === 'TD') && isTableAlignment(data.attrValue)) {
    data.forceKeepAttr = true;
    return;
  }
  const declarations = data.attrValue
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  if (node.closest('.katex') && declarations.every((d) => KATEX_STYLE.test(d)))
    data.forceKeepAttr = true;
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  // Task-list checkboxes are the only inputs a post keeps, and they do nothing.
  if (node.tagName === 'INPUT' && node.getAttribute('class') !== 'task-list-item-checkbox') {
    node.remove();
    return;
  }
  if (node.tagName === 'INPUT') {
    const checked = node.hasAttribute('checked');
    const className = node.getAttribute('class');
    for (const name of node.getAttributeNames()) node.removeAttribute(name);
    node.setAttribute('type', 'checkbox');
    node.setAttribute('disabled', '');
    if (checked) node.setAttribute('checked', '');
    if (className) node.setAttribute('class', className);
  }
  node.removeAttribute('target');
});

// Set once: DOMPurify otherwise re-reads (and rebuilds its tag and attribute sets from) the
// config on every call, which cost more than the sanitizing itself on each preview block.
DOMPurify.setConfig({
  FORBID_TAGS: [
    'style',
    'form',
    'button',
    'textarea',
    'select',
    'iframe',
    'frame',
    'object',
    'embed',
    'base',
    'meta',
    'link',
    // An image map's <area href> navigates the window when clicked, and the preview
    // intercepts clicks on <a> only (DOMPurify allows <area>; found by specs/xss.spec.ts).
    'area',
  ],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'ping'],
  ALLOW_DATA_ATTR: true,
  // Heading ids like "title" or "images" would shadow document properties (DOM
  // clobbering); as GitHub does, every id gets a `user-content-` prefix.
  SANITIZE_NAMED_PROPS: true,
  // A string, not RETURN_DOM_FRAGMENT: nodes from DOMPurify's own document would carry
  // Chromium's late CSP reports about the handlers it removed into this one.
});

/** Which path the last blocks took; for the benchmark's report and the e2e spec. */
export const sanitizeCounts = { plain: 0, purified: 0 };

/** An image that cannot load becomes a visible marker naming the path the post wrote. */
export function markMissing(img: HTMLImageElement): void {
  img.replaceWith(
    missingImage(img.ownerDocument, img.dataset.src ?? img.getAttribute('src') ?? ''),
  );
}

export interface BlockContent {
  /** Nodes as JSON when true (plain Markdown), else HTML (see RenderedBlock in shared/markdown/index.ts). */
  plain: boolean;
  content: string;
}

/**
 * Blocks of preview content as safe nodes, ready to insert, one array per block: image paths
 * resolved against `assets` (an image that cannot resolve becomes a marker), ids prefixed with
 * `user-content-` as GitHub does, so a heading called "title" cannot shadow a document
 * property. Plain blocks are built from their nodes; the others go through DOMPurify.
 */
export function buildPreviewBlocks(
  blocks: BlockContent[],
  assets: AssetContext | null,
): ChildNode[][] {
  return blocks.map((block) => {
    if (block.plain) {
      sanitizeCounts.plain++;
      return buildPlainBlock(block.content, assets);
    }
    sanitizeCounts.purified++;
    const fragment = purify(block.content);
    finish(fragment, assets, true);
    return [...fragment.childNodes];
  });
}

/** The whole of `html` through DOMPurify, as inert nodes. */
function purify(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = DOMPurify.sanitize(html);
  return template.content;
}

/** Images resolved against `assets` (or left without a source, or marked), links made inert. */
function finish(fragment: DocumentFragment, assets: AssetContext | null, mark: boolean): void {
  for (const img of fragment.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (assets?.blockRemote && isRemoteImage(src)) {
      img.replaceWith(remoteImage(img.ownerDocument, src));
      continue;
    }
    const url = assets ? resolveAssetUrl(src, assets) : null;
    img.setAttribute('data-src', src);
    if (url) img.setAttribute('src', url);
    else {
      img.removeAttribute('src');
      if (mark) markMissing(img);
    }
  }
  for (const a of fragment.querySelectorAll('a[href]'))
    a.setAttribute('rel', 'noopener noreferrer');
}

/**
 * A whole post's HTML, sanitized in full by DOMPurify, as a string (the export). Image paths
 * are resolved against `assets`; one that cannot resolve keeps no source.
 */
export function sanitizePreview(html: string, assets: AssetContext | null): string {
  const fragment = purify(html);
  finish(fragment, assets, false);
  const out = document.createElement('template');
  out.content.append(fragment);
  return out.innerHTML;
}
