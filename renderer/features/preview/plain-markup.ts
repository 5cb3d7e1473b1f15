/**
 * The fast path past DOMPurify: a block of plain Markdown arrives as nodes (a tree of tags,
 * attributes and text, shared/markdown/nodes.ts), and is built here with DOM calls, so it is
 * never parsed as HTML and the post's text only ever becomes text nodes.
 *
 * Built against a fixed list, narrower than DOMPurify's configuration in sanitize.ts: the tags
 * and attributes markdown-it, highlight.js and our GFM plugins write for plain Markdown
 * (paragraphs, headings, lists, links, code, tables, footnotes, task-list checkboxes) and
 * template constructs write for their chips, figures and frames, link
 * targets that can only be web, mail or in-page addresses, and table alignment as the one
 * style. The renderer sends anything else (raw HTML, KaTeX, another URL scheme) as HTML, which
 * goes through DOMPurify; should a tree still hold something off the list, the element is left
 * out (its text kept) or the attribute dropped.
 *
 * The elements are made in an inert document (a template's), as the HTML path's are: nothing
 * in them loads or runs until the preview inserts them. As they are made, images get their
 * resolved source (or become a marker), ids their `user-content-` prefix and links
 * `rel=noopener`, as sanitize.ts does on the HTML path.
 *
 * Why: parsing the blocks' HTML and then checking every element cost more than the Markdown
 * render itself (DOMPurify 3.5, before that, cost about 60 µs per element here).
 */
import { isRemoteImage, resolveAssetUrl, type AssetContext } from '../../../shared/asset-url.ts';
import { isTableAlignment, safeHref, type PlainNode } from '../../../shared/markdown/nodes.ts';

/** Tags with no attributes beyond the common ones. */
const TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'code',
  'em',
  'strong',
  's',
  'del',
  'a',
  'img',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
  'section',
  'sup',
  'input',
  // What a generator's template constructs become (shared/markdown/templates/html.ts):
  // chips, frames around a pair's content, figures, details, a quote's footer.
  'div',
  'figure',
  'figcaption',
  'details',
  'summary',
  'footer',
  'cite',
  // The generators' Markdown flavours (shared/markdown/flavours.ts): definition lists and
  // abbreviations.
  'dl',
  'dt',
  'dd',
  'abbr',
]);

/** Attributes any allowed tag may carry (values are inert text). */
const COMMON = new Set(['class', 'data-source-line', 'data-tpl', 'title']);

const EXTRA: Record<string, ReadonlySet<string>> = {
  a: new Set(['href', 'title']),
  img: new Set(['alt', 'title', 'width', 'height', 'loading']),
  details: new Set(['open']),
  ol: new Set(['start']),
  th: new Set(['style']),
  td: new Set(['style']),
};

let inert: Document | null = null;

/**
 * One block's nodes, from the JSON the renderer sent, ready to insert. Image paths resolve
 * against `assets`; one that cannot resolve becomes a marker naming the path.
 */
export function buildPlainBlock(json: string, assets: AssetContext | null): ChildNode[] {
  inert ??= document.createElement('template').content.ownerDocument;
  const built: ChildNode[] = [];
  const nodes: unknown = JSON.parse(json);
  if (Array.isArray(nodes)) for (const node of nodes) build(inert, built, node, assets);
  return built;
}

/** Builds `node` into `parent`: an element, or the block's list of top-level nodes. */
function build(
  doc: Document,
  parent: Element | ChildNode[],
  node: unknown,
  assets: AssetContext | null,
): void {
  if (typeof node === 'string') {
    add(parent, doc.createTextNode(node));
    return;
  }
  if (!Array.isArray(node) || typeof node[0] !== 'string' || !Array.isArray(node[1])) return;
  const [tag, attrs] = node as [string, unknown[]];
  const el = element(doc, tag, attrs, assets);
  // The common case, one text inside (code, emphasis, a link, a highlighted token): one call.
  if (el && node.length === 3 && typeof node[2] === 'string') el.textContent = node[2];
  else {
    // An element off the list is left out; its text is not.
    const into = el ?? parent;
    for (let i = 2; i < node.length; i++) build(doc, into, (node as PlainNode[])[i], assets);
  }
  if (el) add(parent, el);
}

function add(parent: Element | ChildNode[], node: ChildNode): void {
  if (Array.isArray(parent)) parent.push(node);
  else parent.appendChild(node);
}

function element(
  doc: Document,
  tag: string,
  attrs: unknown[],
  assets: AssetContext | null,
): Element | null {
  if (!TAGS.has(tag)) return null;
  if (tag === 'input') return checkbox(doc, attrs);
  if (tag === 'img') return image(doc, attrs, assets);
  const el = doc.createElement(tag);
  for (let i = 0; i + 1 < attrs.length; i += 2) {
    const name = attrs[i];
    const value = attrs[i + 1];
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    if (name === 'id') el.setAttribute('id', `user-content-${value}`);
    else if (allowed(tag, name, value)) el.setAttribute(name, value);
  }
  if (tag === 'a' && el.hasAttribute('href')) el.setAttribute('rel', 'noopener noreferrer');
  return el;
}

function allowed(tag: string, name: string, value: string): boolean {
  if (COMMON.has(name)) return true;
  if (!EXTRA[tag]?.has(name)) return false;
  if (name === 'href') return safeHref(value);
  if (name === 'style') return isTableAlignment(value);
  return true;
}

/** The one input plain Markdown writes: a task list's disabled checkbox, which does nothing. */
function checkbox(doc: Document, attrs: unknown[]): Element {
  const input = doc.createElement('input');
  input.setAttribute('class', 'task-list-item-checkbox');
  input.setAttribute('type', 'checkbox');
  input.setAttribute('disabled', '');
  if (attrs.includes('checked')) input.setAttribute('checked', '');
  return input;
}

/** An image whose source resolves, with the path the post wrote; else a visible marker. */
function image(doc: Document, attrs: unknown[], assets: AssetContext | null): Element {
  let src = '';
  const img = doc.createElement('img');
  for (let i = 0; i + 1 < attrs.length; i += 2) {
    const name = attrs[i];
    const value = attrs[i + 1];
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    if (name === 'src') src = value;
    else if (name === 'id') img.setAttribute('id', `user-content-${value}`);
    else if (allowed('img', name, value)) img.setAttribute(name, value);
  }
  if (assets?.blockRemote && isRemoteImage(src)) return remoteImage(doc, src);
  const url = assets ? resolveAssetUrl(src, assets) : null;
  if (!url) return missingImage(doc, src);
  img.setAttribute('data-src', src);
  img.setAttribute('src', url);
  return img;
}

/** A remote image not loaded (the writer's setting), named by where it would come from. */
export function remoteImage(doc: Document, src: string): Element {
  const marker = doc.createElement('span');
  marker.className = 'remote-image';
  marker.setAttribute('data-src', src);
  let host = src;
  try {
    host = new URL(src, 'https://x').host;
  } catch {
    // Shown whole.
  }
  marker.textContent = `Remote image not loaded: ${host}`;
  return marker;
}

/** As sanitize.ts's markMissing writes it. */
export function missingImage(doc: Document, path: string): Element {
  const marker = doc.createElement('span');
  marker.className = 'missing-image';
  marker.textContent = `Image not found: ${path}`;
  return marker;
}
