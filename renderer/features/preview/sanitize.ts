/**
 * Every byte of preview HTML passes DOMPurify before it reaches the DOM: a post cannot run
 * script, reach `window.folio`, submit a form or navigate the window. Image sources are
 * rewritten to the asset scheme (or dropped) in the same pass.
 */
import DOMPurify from 'dompurify';
import { resolveAssetUrl, type AssetContext } from '../../../shared/asset-url.ts';

let context: AssetContext | null = null;

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    const url = context ? resolveAssetUrl(src, context) : null;
    node.setAttribute('data-src', src);
    if (url) node.setAttribute('src', url);
    else node.removeAttribute('src');
    node.setAttribute('loading', 'lazy');
  }
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('rel', 'noopener noreferrer');
    node.removeAttribute('target');
  }
});

export function sanitizePreview(html: string, assets: AssetContext | null): string {
  context = assets;
  try {
    return DOMPurify.sanitize(html, {
      FORBID_TAGS: [
        'style',
        'form',
        'input',
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
      ],
      FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'ping'],
      ALLOW_DATA_ATTR: true,
    });
  } finally {
    context = null;
  }
}
