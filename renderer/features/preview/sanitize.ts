/**
 * Every byte of preview HTML passes DOMPurify before it reaches the DOM: a post cannot run
 * script, reach `window.folio`, submit a form or navigate the window. Image sources are
 * rewritten to the asset scheme (or dropped) in the same pass.
 */
import DOMPurify from 'dompurify';
import { resolveAssetUrl, type AssetContext } from '../../../shared/asset-url.ts';

let context: AssetContext | null = null;

/**
 * KaTeX lays math out with inline styles. `style` stays forbidden everywhere else; inside
 * `.katex` it is kept only when every declaration is one KaTeX writes (no url(), no fixed
 * positioning), so raw HTML dressed up as math cannot restyle or overlay the app.
 */
const KATEX_STYLE =
  /^(?:(?:height|width|min-width|top|bottom|left|margin|margin-left|margin-right|padding-left|vertical-align|border-(?:top-|bottom-|right-)?width|border-(?:right-)?style|border-color|color|background-color)\s*:\s*[-#.%\w ]+|position\s*:\s*relative)$/i;

DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
  if (data.attrName !== 'style') return;
  const declarations = data.attrValue
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  if (node.closest('.katex') && declarations.every((d) => KATEX_STYLE.test(d)))
    data.forceKeepAttr = true;
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    const url = context ? resolveAssetUrl(src, context) : null;
    node.setAttribute('data-src', src);
    if (url) node.setAttribute('src', url);
    else node.removeAttribute('src');
  }
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
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('rel', 'noopener noreferrer');
    node.removeAttribute('target');
  }
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
});

/** Sanitized preview HTML; image paths resolved against `assets`. */
export function sanitizePreview(html: string, assets: AssetContext | null): string {
  context = assets;
  try {
    return DOMPurify.sanitize(html);
  } finally {
    context = null;
  }
}
