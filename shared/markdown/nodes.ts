/**
 * A block of plain Markdown as nodes rather than HTML: the preview builds these with DOM calls
 * (renderer/features/preview/plain-markup.ts), so plain Markdown is never parsed as HTML in
 * the page, and the post's text only ever becomes text nodes.
 *
 * The nodes are what markdown-it's renderer (with our rules in index.ts) would write for
 * the same tokens, as the DOM the browser would parse from that HTML, but for the whitespace
 * between block tags, which shows nowhere. A token this list does not know, a link to a scheme
 * other than http, https or mailto, or highlighted code in an unexpected shape makes the block
 * not plain: it goes out as HTML and through DOMPurify instead.
 *
 * Pure: no DOM, no Node.
 */
import type { Env, MarkdownIt, Token } from 'markdown-it';
import { TEMPLATE_TOKENS } from './templates/plugin.ts';

/** Text, or an element: `[tag, [name, value, name, value, …], ...children]`. */
export type PlainNode = string | PlainElement;
export type PlainElement = [tag: string, attrs: string[], ...children: PlainNode[]];

/** markdown-it's table alignment, the only inline style plain Markdown writes. */
export const isTableAlignment = (style: string): boolean =>
  /^text-align:(left|right|center);?$/.test(style.replace(/\s+/g, ''));

/** What a browser takes for the scheme once it drops whitespace and control characters. */
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URL = /[\u0000-\u0020]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A link target that can only be a web, mail or in-page address (or a relative path). */
export function safeHref(value: string): boolean {
  const url = value.replace(IGNORED_IN_URL, '');
  const scheme = SCHEME.exec(url)?.[1];
  // A colon with no valid scheme before it ("a:b" after a digit, "1x:") is a relative path;
  // a backslash could become a slash and an authority: refuse those outright.
  return scheme === undefined ? !url.includes('\\') : SAFE_SCHEMES.has(scheme.toLowerCase());
}

/** Stops the walk: the block is not plain after all. */
class NotPlain extends Error {}

const attrsOf = (token: Token): string[] => {
  const out: string[] = [];
  for (const [name, value] of token.attrs ?? []) out.push(name, String(value));
  return out;
};

/** Text joins the text before it, as the browser's parser joins adjacent text. */
function addText(parent: PlainElement, text: string): void {
  if (!text) return;
  const last = parent.length - 1;
  if (last >= 2 && typeof parent[last] === 'string') parent[last] += text;
  else parent.push(text);
}

export interface NodeRules {
  md: MarkdownIt;
  env: Env;
  /** A fenced block's code as nodes (highlighted or not), or null when it is not plain. */
  fence(token: Token): PlainElement | null;
}

/**
 * The nodes of one top-level block's tokens, or null when the block is not plain Markdown
 * markup (see above). Tight lists' hidden paragraphs leave their text in the item, as in HTML.
 */
export function blockNodes(tokens: Token[], rules: NodeRules): PlainNode[] | null {
  const root: PlainElement = ['', []];
  const stack: PlainElement[] = [root];
  try {
    walk(tokens, rules, stack);
  } catch (error) {
    if (error instanceof NotPlain) return null;
    throw error;
  }
  if (stack.length !== 1) return null;
  return root.slice(2) as PlainNode[];
}

/** Where a token is turned into nodes: the tokens around it, and the open elements. */
interface At {
  tokens: Token[];
  i: number;
  token: Token;
  parent: PlainElement;
  stack: PlainElement[];
  rules: NodeRules;
}

/**
 * The node rule of each token type markdown-it (and our plugins) write with their own
 * renderer rule; types in PLAIN_TAG_TOKENS are a bare tag. A type in neither makes the block
 * not plain. A plugin that adds a token type adds its rule here, or names it in
 * HTML_ONLY_TOKENS (tests/unit/markdown-nodes.test.ts checks every renderer rule is one).
 */
const NODE_RULES = new Map<string, (at: At) => void>(
  Object.entries({
    inline: ({ token, rules, stack }) => walk(token.children ?? [], rules, stack),
    text: ({ token, parent }) => addText(parent, token.content),
    text_special: ({ token, parent }) => addText(parent, token.content),
    softbreak: ({ parent }) => addText(parent, '\n'),
    hardbreak: ({ parent }) => {
      parent.push(['br', []]);
      addText(parent, '\n');
    },
    code_inline: ({ token, parent }) =>
      void parent.push(withText(['code', attrsOf(token)], token.content)),
    code_block: ({ token, parent }) =>
      void parent.push(['pre', attrsOf(token), withText(['code', []], token.content)]),
    fence: ({ token, parent, rules }) => {
      const code = rules.fence(token);
      if (!code) throw new NotPlain();
      parent.push(['pre', attrsOf(token), code]);
    },
    image: ({ token, parent, rules: { md, env } }) => {
      const attrs = attrsOf(token);
      const alt = attrs.indexOf('alt');
      if (alt % 2 === 0)
        attrs[alt + 1] = md.renderer.renderInlineAsText(token.children ?? [], md.options, env);
      parent.push(['img', attrs]);
    },
    task_checkbox: ({ token, parent }) => {
      const attrs = ['class', 'task-list-item-checkbox', 'type', 'checkbox', 'disabled', ''];
      if ((token.meta as { checked: boolean }).checked) attrs.push('checked', '');
      parent.push(['input', attrs]);
    },
    footnote_ref: ({ tokens, i, parent, rules }) => {
      // As markdown-it-footnote writes it: the link goes to the note, its id names this use.
      const { md, env } = rules;
      const render = md.renderer.rules;
      const id = render.footnote_anchor_name!(tokens, i, md.options, env, md.renderer);
      const caption = render.footnote_caption!(tokens, i, md.options, env, md.renderer);
      const link: PlainElement = [
        'a',
        ['href', `#fn${id}`, 'id', `fnref${footnoteId(tokens, i, rules)}`],
        caption,
      ];
      parent.push(['sup', ['class', 'footnote-ref'], link]);
    },
    footnote_anchor: ({ tokens, i, parent, rules }) => {
      const id = footnoteId(tokens, i, rules);
      addText(parent, ' ');
      parent.push(['a', ['href', `#fnref${id}`, 'class', 'footnote-backref'], '\u21a9\uFE0E']);
    },
    footnote_block_open: ({ token, parent, stack }) => {
      parent.push(['hr', ['class', 'footnotes-sep']]);
      const section: PlainElement = ['section', ['class', 'footnotes', ...attrsOf(token)]];
      const list: PlainElement = ['ol', ['class', 'footnotes-list']];
      parent.push(section);
      section.push(list);
      stack.push(section, list);
    },
    footnote_block_close: ({ stack }) => {
      close(stack, 'ol');
      close(stack, 'section');
    },
    footnote_open: ({ tokens, i, parent, stack, rules }) => {
      const item: PlainElement = [
        'li',
        ['id', `fn${footnoteId(tokens, i, rules)}`, 'class', 'footnote-item'],
      ];
      parent.push(item);
      stack.push(item);
    },
    footnote_close: ({ stack }: At) => close(stack, 'li'),
    // GitHub's alerts (alerts.ts): a callout with its title.
    alert_open: ({ token, parent, stack }) => {
      const { title, type } = token.meta as { title: string; type: string };
      const div: PlainElement = [
        'div',
        ['class', `markdown-alert markdown-alert-${type}`, ...attrsOf(token)],
        ['p', ['class', 'markdown-alert-title'], title],
      ];
      parent.push(div);
      stack.push(div);
    },
    alert_close: ({ stack }) => close(stack, 'div'),
    // A generator's template constructs: the HTML their rule writes, read strictly.
    ...Object.fromEntries(TEMPLATE_TOKENS.map((type) => [type, templateNodes])),
  } satisfies Record<string, (at: At) => void>),
);

/**
 * A template construct's HTML (shared/markdown/templates/) as nodes: it is written from a
 * closed set of tags, with the post's text escaped, so a strict reading takes it all but
 * what an include or a `markdownify` brings (raw HTML of the site's): that sends the block
 * to DOMPurify. A pair's open token leaves its elements open for the content's tokens; the
 * close token's HTML closes them.
 */
function templateNodes({ tokens, i, token, stack, rules: { md, env } }: At): void {
  const rule = md.renderer.rules[token.type];
  if (!rule) throw new NotPlain();
  feedHtml(rule(tokens, i, md.options, env, md.renderer), stack);
}

const TEMPLATE_TAGS = new Set([
  'div',
  'span',
  'p',
  'a',
  'img',
  'figure',
  'figcaption',
  'h4',
  'pre',
  'code',
  'details',
  'summary',
  'blockquote',
  'footer',
  'cite',
  'strong',
  'em',
]);
const TEMPLATE_ATTRS = new Set([
  'class',
  'data-tpl',
  'data-source-line',
  'title',
  'href',
  'src',
  'alt',
  'width',
  'height',
  'loading',
  'open',
]);
const HTML_PART =
  /<([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*(?:="[^"<>]*")?)*)\s*>|<\/([a-z][a-z0-9]*)>|([^<]+)/y;
const HTML_ATTR = /\s+([a-z][a-z-]*)(?:="([^"]*)")?/g;
const HTML_ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot));/gi;
const STRAY_ENTITY = /&(?!(?:#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot);)/i;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

function decodeHtml(text: string): string {
  if (!text.includes('&')) return text;
  if (STRAY_ENTITY.test(text)) throw new NotPlain();
  return text.replace(HTML_ENTITY, (_, dec?: string, hex?: string, name?: string) =>
    name
      ? NAMED[name.toLowerCase()]!
      : String.fromCodePoint(Number.parseInt(dec ?? hex!, dec ? 10 : 16)),
  );
}

function feedHtml(html: string, stack: PlainElement[]): void {
  HTML_PART.lastIndex = 0;
  while (HTML_PART.lastIndex < html.length) {
    const match = HTML_PART.exec(html);
    if (!match) throw new NotPlain();
    const parent = stack[stack.length - 1]!;
    const [, tag, attrText, closing, text] = match;
    if (text !== undefined) addText(parent, decodeHtml(text));
    else if (closing !== undefined) close(stack, closing);
    else {
      if (!TEMPLATE_TAGS.has(tag!)) throw new NotPlain();
      const attrs: string[] = [];
      for (const [, name, value = ''] of attrText!.matchAll(HTML_ATTR)) {
        const decoded = decodeHtml(value);
        if (!TEMPLATE_ATTRS.has(name!) || (name === 'href' && !safeHref(decoded)))
          throw new NotPlain();
        attrs.push(name!, decoded);
      }
      const el: PlainElement = [tag!, attrs];
      parent.push(el);
      if (tag !== 'img') stack.push(el);
    }
  }
}

/**
 * Token types with a renderer rule of their own that always go out as HTML (through
 * DOMPurify): KaTeX's math and raw HTML.
 */
export const HTML_ONLY_TOKENS: ReadonlySet<string> = new Set([
  'math_inline',
  'math_block',
  'html_block',
  'html_inline',
  // Helpers markdown-it-footnote calls from its other rules, never tokens of their own.
  'footnote_caption',
  'footnote_anchor_name',
]);

/** The token types the node walk knows: a rule of its own, or a bare tag. */
export const nodeTokenTypes = (): string[] => [...NODE_RULES.keys(), ...PLAIN_TAG_TOKENS];

function walk(tokens: Token[], rules: NodeRules, stack: PlainElement[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.hidden) continue;
    const parent = stack[stack.length - 1]!;
    const rule = NODE_RULES.get(token.type);
    if (rule) {
      rule({ tokens, i, token, parent, stack, rules });
      continue;
    }
    // Markup markdown-it writes with its default rule: an open tag, a close tag or a void one.
    if (!PLAIN_TAG_TOKENS.has(token.type)) throw new NotPlain();
    if (token.nesting === -1) close(stack, token.tag);
    else {
      const el: PlainElement = [token.tag, attrsOf(token)];
      if (token.type === 'link_open' && !safeHref(String(token.attrGet('href') ?? '')))
        throw new NotPlain();
      parent.push(el);
      if (token.nesting === 1) stack.push(el);
    }
  }
}

function footnoteId(tokens: Token[], i: number, { md, env }: NodeRules): string {
  const id = md.renderer.rules.footnote_anchor_name!(tokens, i, md.options, env, md.renderer);
  const subId = (tokens[i]!.meta as { subId: number }).subId;
  return subId > 0 ? `${id}:${subId}` : id;
}

function withText(el: PlainElement, text: string): PlainElement {
  if (text) el.push(text);
  return el;
}

function close(stack: PlainElement[], tag: string): void {
  if (stack.length < 2 || stack[stack.length - 1]![0] !== tag) throw new NotPlain();
  stack.pop();
}

/** Token types markdown-it renders as a bare tag with the token's attributes. */
const PLAIN_TAG_TOKENS = new Set([
  'paragraph_open',
  'paragraph_close',
  'heading_open',
  'heading_close',
  'blockquote_open',
  'blockquote_close',
  'bullet_list_open',
  'bullet_list_close',
  'ordered_list_open',
  'ordered_list_close',
  'list_item_open',
  'list_item_close',
  'table_open',
  'table_close',
  'thead_open',
  'thead_close',
  'tbody_open',
  'tbody_close',
  'tr_open',
  'tr_close',
  'th_open',
  'th_close',
  'td_open',
  'td_close',
  'hr',
  'em_open',
  'em_close',
  'strong_open',
  'strong_close',
  's_open',
  's_close',
  'link_open',
  'link_close',
  // Definition lists and abbreviations (the generators' flavours, flavours.ts).
  'dl_open',
  'dl_close',
  'dt_open',
  'dt_close',
  'dd_open',
  'dd_close',
  'abbr_open',
  'abbr_close',
]);

const HLJS_PART = /<span class="([\w .-]+)">|<\/span>|([^<]+)/y;
const HLJS_ENTITY = /&(amp|lt|gt|quot|#x27);/g;
const STRAY_AMPERSAND = /&(?!(?:amp|lt|gt|quot|#x27);)/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'" };

/**
 * highlight.js's HTML (`<span class="hljs-…">` around escaped text, and nothing else) as
 * nodes, or null when it holds anything else.
 */
export function highlightedNodes(html: string): PlainNode[] | null {
  const root: PlainElement = ['', []];
  const stack: PlainElement[] = [root];
  HLJS_PART.lastIndex = 0;
  while (HLJS_PART.lastIndex < html.length) {
    const match = HLJS_PART.exec(html);
    if (!match) return null;
    const parent = stack[stack.length - 1]!;
    if (match[2] !== undefined) {
      if (STRAY_AMPERSAND.test(match[2])) return null; // an entity highlight.js does not write
      addText(
        parent,
        match[2].replace(HLJS_ENTITY, (_, name: string) => ENTITIES[name]!),
      );
    } else if (match[1] !== undefined) {
      const span: PlainElement = ['span', ['class', match[1]]];
      parent.push(span);
      stack.push(span);
    } else if (stack.length > 1) stack.pop();
    else return null;
  }
  return stack.length === 1 ? (root.slice(2) as PlainNode[]) : null;
}
