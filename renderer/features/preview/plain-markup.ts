/**
 * The fast path past DOMPurify: whether a parsed block holds nothing but the markup
 * markdown-it, highlight.js and our GFM plugins write for plain Markdown (paragraphs,
 * headings, lists, links, code, tables, footnotes, task-list checkboxes), with attributes
 * from a short list and link targets that can only be web, mail or in-page addresses.
 *
 * It never changes anything: a block it answers `false` for (any raw HTML beyond that list,
 * KaTeX's inline styles, an unknown URL scheme, a comment) goes through DOMPurify in full.
 * So the list is deliberately narrower than DOMPurify's configuration in sanitize.ts: every
 * block that skips DOMPurify is one DOMPurify would have returned unchanged (but for the
 * `user-content-` id prefix and the image rewrite, which sanitize.ts applies to both paths).
 *
 * Why: DOMPurify 3.5 costs about 60 µs per element here (15 ms for a 2,000-word post), three
 * times the whole Markdown render; checking the same tree against a fixed list is ~20x cheaper.
 */

/** Tags with no attributes beyond the common ones. */
const TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'PRE',
  'CODE',
  'EM',
  'STRONG',
  'S',
  'DEL',
  'A',
  'IMG',
  'HR',
  'BR',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'SPAN',
  'SECTION',
  'SUP',
  'INPUT',
]);

/** Attributes any allowed tag may carry (values are inert text). */
const COMMON = new Set(['class', 'id', 'data-source-line']);

const EXTRA: Record<string, ReadonlySet<string>> = {
  A: new Set(['href', 'title']),
  // sanitize.ts replaces every src with a resolved asset URL (or drops it) on both paths.
  IMG: new Set(['src', 'alt', 'title']),
  OL: new Set(['start']),
  TH: new Set(['style']),
  TD: new Set(['style']),
  INPUT: new Set(['type', 'disabled', 'checked']),
};

/** markdown-it's table alignment, the only inline style plain Markdown writes. */
export const isTableAlignment = (style: string): boolean =>
  /^text-align:(left|right|center);?$/.test(style.replace(/\s+/g, ''));

/** What a browser takes for the scheme once it drops whitespace and control characters. */
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URL = /[\u0000-\u0020]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

function safeHref(value: string): boolean {
  const url = value.replace(IGNORED_IN_URL, '');
  const scheme = SCHEME.exec(url)?.[1];
  // A colon with no valid scheme before it ("a:b" after a digit, "1x:") is a relative path;
  // a backslash could become a slash and an authority: refuse those outright.
  return scheme === undefined ? !url.includes('\\') : SAFE_SCHEMES.has(scheme.toLowerCase());
}

function allowedAttribute(el: Element, name: string, value: string): boolean {
  if (el.tagName === 'INPUT') return name === 'class' || EXTRA.INPUT!.has(name);
  if (COMMON.has(name)) return true;
  if (!EXTRA[el.tagName]?.has(name)) return false;
  if (name === 'href') return safeHref(value);
  if (name === 'style') return isTableAlignment(value);
  return true;
}

/** True when each of `nodes` and everything under them is plain Markdown markup as above. */
export function areAllPlain(nodes: Iterable<Node>): boolean {
  for (const top of nodes) {
    if (top.nodeType === Node.TEXT_NODE) continue;
    if (top.nodeType === Node.ELEMENT_NODE && !isPlainElement(top as Element)) return false;
    if (top.nodeType !== Node.ELEMENT_NODE) return false; // comments, processing instructions
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_ALL);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) continue;
      if (node.nodeType !== Node.ELEMENT_NODE || !isPlainElement(node as Element)) return false;
    }
  }
  return true;
}

function isPlainElement(el: Element): boolean {
  // Elements parsed as SVG or MathML have lower-case tagNames and are refused here too.
  if (!TAGS.has(el.tagName) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return false;
  // The one input plain Markdown writes: a task list's disabled checkbox.
  if (
    el.tagName === 'INPUT' &&
    !(
      el.getAttribute('type') === 'checkbox' &&
      el.hasAttribute('disabled') &&
      el.getAttribute('class') === 'task-list-item-checkbox'
    )
  )
    return false;
  for (const attr of el.attributes) {
    if (!allowedAttribute(el, attr.name, attr.value)) return false;
  }
  return true;
}
