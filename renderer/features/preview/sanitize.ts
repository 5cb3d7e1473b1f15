/**
 * Nothing from a post reaches the DOM unchecked: a post cannot run script, reach
 * `window.folio`, submit a form or navigate the window. Each block of preview HTML is parsed
 * into an inert template; a block of plain Markdown markup (plain-markup.ts: a fixed list of
 * tags, attributes and URL schemes, narrower than DOMPurify's) is used as parsed, and any
 * other block (raw HTML, KaTeX) goes through DOMPurify. Image sources are then rewritten to
 * the asset scheme (or dropped) and links get `rel=noopener`, on both paths.
 *
 * DOMPurify stays at the latest version (3.5): it is the path every untrusted shape takes,
 * and its per-element cost no longer matters once plain blocks skip it.
 */
import DOMPurify from 'dompurify';
import { resolveAssetUrl, type AssetContext } from '../../../shared/asset-url.ts';
import { isPlainMarkup, isTableAlignment } from './plain-markup.ts';

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
  const marker = document.createElement('span');
  marker.className = 'missing-image';
  marker.textContent = `Image not found: ${img.dataset.src ?? img.getAttribute('src') ?? ''}`;
  img.replaceWith(marker);
}

/**
 * One block of preview HTML as safe nodes, ready to insert: image paths resolved against
 * `assets` (an image that cannot resolve becomes a marker), ids prefixed with `user-content-`
 * as GitHub does, so a heading called "title" cannot shadow a document property.
 */
export function buildPreviewNodes(
  html: string,
  plain: boolean,
  assets: AssetContext | null,
): ChildNode[] {
  let fragment: DocumentFragment | null = null;
  // Only a block the renderer calls plain (no raw HTML, no math) is parsed here, into a
  // template, whose content is inert: nothing in it loads or runs until it is inserted.
  if (plain) {
    const template = document.createElement('template');
    template.innerHTML = html;
    if (isPlainMarkup(template.content)) {
      sanitizeCounts.plain++;
      fragment = template.content;
      for (const el of fragment.querySelectorAll('[id]'))
        el.id = `user-content-${el.getAttribute('id')}`;
    }
  }
  if (!fragment) {
    sanitizeCounts.purified++;
    fragment = purify(html);
  }
  finish(fragment, assets, true);
  return [...fragment.childNodes];
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
