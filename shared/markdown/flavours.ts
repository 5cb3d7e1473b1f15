/**
 * Each generator's Markdown, as its renderer reads it by default and as the site's config
 * switches it (the profile's `markdown` slot says which): Hugo's Goldmark, Jekyll's kramdown,
 * Hexo's marked. Made of the markdown-it plugins the field keeps (markdown-it-attrs for
 * `{#id .class}` and kramdown's `{: …}`, markdown-it-deflist, markdown-it-abbr,
 * markdown-it-github-alerts), plus what none does, here: kramdown's `{:toc}`, its ALDs and
 * `{::comment}`, and each renderer's heading ids.
 */
import GithubSlugger from 'github-slugger';
import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
import attrs from 'markdown-it-attrs';
import abbr from 'markdown-it-abbr';
import deflist from 'markdown-it-deflist';

/** What a generator's Markdown adds to CommonMark and GFM. Plain data: it travels to the worker. */
export interface MarkdownFlavour {
  /** Whose: 'goldmark' (Hugo), 'kramdown' (Jekyll), 'marked' (Hexo). */
  name: 'goldmark' | 'kramdown' | 'marked';
  /** Curly quotes, dashes and ellipses (Goldmark's typographer, kramdown's smart quotes, marked's smartypants). */
  typographer: boolean;
  /** A line break in a paragraph is a `<br>` (Hexo's marked `breaks`). */
  breaks: boolean;
  /** Raw HTML is shown; false: left out, as Hugo does unless `markup.goldmark.renderer.unsafe`. */
  html: boolean;
  /** Attribute lists: Goldmark's `{#id .class}` after a heading, kramdown's `{: …}` IALs. */
  attributes: 'goldmark' | 'kramdown' | null;
  definitionLists: boolean;
  abbreviations: boolean;
  /** How heading ids are made, so `#anchor` links agree with the built site. */
  headingIds: 'github' | 'kramdown' | 'hexo' | null;
}

/** The attributes an attribute list may set: what styling and anchors need, nothing that runs. */
const ALLOWED_ATTRIBUTES = ['id', 'class', 'lang', 'title', 'toc'];

export function flavourPlugin(md: MarkdownIt, flavour: MarkdownFlavour): void {
  md.set({ typographer: flavour.typographer, breaks: flavour.breaks });
  if (flavour.typographer) md.set({ quotes: '“”‘’' });
  if (flavour.definitionLists) md.use(deflist);
  if (flavour.abbreviations) md.use(abbr);
  if (flavour.attributes === 'kramdown') kramdownExtras(md);
  if (flavour.attributes === 'kramdown') {
    md.core.ruler.after('inline', 'kramdown_heading_ial', headingIals);
    md.use(attrs, {
      leftDelimiter: '{:',
      rightDelimiter: '}',
      allowedAttributes: ALLOWED_ATTRIBUTES,
    });
  }
  // Goldmark reads attributes on headings only (Hugo's default): a rule of its own, as
  // markdown-it-attrs visits every token (+0.5 ms, 37%, on preview-2k-hugo).
  // kramdown reads `## Title {#id}` too (its header id syntax), beside its `{: …}` lists.
  if (flavour.attributes !== null)
    md.core.ruler.after('inline', 'heading_attributes', headingAttributes);
  if (flavour.attributes === 'kramdown') md.core.ruler.push('kramdown_toc', kramdownToc);
  if (!flavour.html) omitRawHtml(md);
}

/** A heading id scheme by name (null: GitHub's, the default renderer's). */
export function headingSlugger(scheme: MarkdownFlavour['headingIds']): (text: string) => string {
  if (scheme === 'kramdown') return uniqueIds(kramdownId);
  if (scheme === 'hexo') return uniqueIds(hexoId);
  const github = new GithubSlugger();
  return (text) => github.slug(text);
}

/** kramdown's auto ids: ASCII letters, digits, spaces and dashes kept, from the first letter on. */
function kramdownId(text: string): string {
  return text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
}

/** hexo-renderer-marked's ids (hexo-util's slugize, case kept): runs of specials to one `-`. */
function hexoId(text: string): string {
  // Plain ASCII has no accents to take off (the site health check makes 100,000 of these).
  const folded = /[^\x20-\x7e]/.test(text)
    ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    : text;
  return (
    folded
      // eslint-disable-next-line no-control-regex -- hexo-util drops control characters too
      .replace(/[\u0000-\u001f]/g, '')
      .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/** Repeats get `-1`, `-2`, … as both renderers number them; an empty id is kramdown's `section`. */
function uniqueIds(make: (text: string) => string): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = make(text) || 'section';
    const n = seen.get(base);
    seen.set(base, (n ?? -1) + 1);
    return n === undefined ? base : `${base}-${n + 1}`;
  };
}

/** `{::comment}…{:/comment}`, `{::options …/}` and ALDs (`{:name: .class}`) are not shown. */
function kramdownExtras(md: MarkdownIt): void {
  md.block.ruler.before(
    'paragraph',
    'kramdown_hidden',
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      const start = state.bMarks[startLine]! + state.tShift[startLine]!;
      const line = state.src.slice(start, state.eMarks[startLine]);
      let next = startLine + 1;
      if (/^\{::comment\}/.test(line)) {
        while (
          next <= endLine &&
          !state.src.slice(state.bMarks[next - 1], state.eMarks[next - 1]).includes('{:/comment}')
        )
          next++;
        next = Math.min(next, endLine);
      } else if (!/^\{::options\b.*\/\}\s*$|^\{:[\w-]+:[^}]*\}\s*$/.test(line)) return false;
      if (silent) return true;
      const token = state.push('template_hidden', '', 0);
      token.map = [startLine, next];
      state.line = next;
      return true;
    },
    { alt: ['paragraph'] },
  );
  md.renderer.rules.template_hidden ??= () => '';
}

const IAL_ONLY = /^\{:\s*[^}]*\}$/;
const HEADING_ATTRIBUTES = /[ \t]*\{([^{}\n]*)\}[ \t]*$/;
const ATTRIBUTE = /#([\w-]+)|\.([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;

/** Goldmark's `## Title {#id .class key=value}`: the list is the heading's attributes. */
function headingAttributes(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'heading_open') continue;
    const inline = tokens[i + 1]!;
    const last = inline.children?.at(-1);
    const match = last?.type === 'text' ? HEADING_ATTRIBUTES.exec(last.content) : null;
    if (!last || !match) continue;
    last.content = last.content.slice(0, match.index);
    inline.content = inline.content.replace(HEADING_ATTRIBUTES, '');
    const heading = tokens[i]!;
    for (const [, id, cls, key, ...values] of match[1]!.matchAll(ATTRIBUTE)) {
      if (id) heading.attrSet('id', id);
      else if (cls) heading.attrJoin('class', cls);
      else if (key && ALLOWED_ATTRIBUTES.includes(key))
        heading.attrSet(key, values.find((v) => v !== undefined) ?? '');
    }
  }
}

/**
 * kramdown's IAL on the line under a heading (`## Contents` + `{: .no_toc}`) is the heading's:
 * markdown-it reads it as a paragraph of its own, so it is moved to the heading's end, where
 * markdown-it-attrs takes it.
 */
function headingIals(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = tokens.length - 3; i >= 2; i--) {
    const inline = tokens[i + 1]!;
    if (
      tokens[i]!.type !== 'paragraph_open' ||
      tokens[i - 1]!.type !== 'heading_close' ||
      !IAL_ONLY.test(inline.content.trim())
    )
      continue;
    const heading = tokens[i - 2]!;
    const text = new state.Token('text', '', 0);
    text.content = ` ${inline.content.trim()}`;
    heading.children = [...(heading.children ?? []), text];
    heading.content += text.content;
    tokens.splice(i, 3);
  }
}

/** kramdown's `* TOC` + `{:toc}`: the list becomes the post's table of contents. */
function kramdownToc(state: StateCore): void {
  const tokens = state.tokens;
  const at = tokens.findIndex(
    (t) =>
      (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') &&
      t.attrGet('toc') !== null,
  );
  if (at < 0) return;
  const open = tokens[at]!;
  let end = at;
  for (let depth = 0; end < tokens.length; end++) {
    const t = tokens[end]!;
    if (t.type === open.type) depth++;
    else if (t.type === open.type.replace('_open', '_close') && --depth === 0) break;
  }
  const headings: Array<{ level: number; id: string; text: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // kramdown leaves out of the TOC the headings marked `{: .no_toc}`.
    if (t.type !== 'heading_open' || (i > at && i < end)) continue;
    if (/(^|\s)no_toc(\s|$)/.test(String(t.attrGet('class') ?? ''))) continue;
    headings.push({
      level: Number(t.tag.slice(1)),
      id: String(t.attrGet('id') ?? ''),
      text: tokens[i + 1]?.content ?? '',
    });
  }
  const Token = state.Token;
  const level = open.level;
  const token = (type: string, tag: string, nesting: 1 | 0 | -1, depth: number) => {
    const t = new Token(type, tag, nesting);
    t.level = level + depth;
    t.block = nesting !== 0 || type === 'inline';
    return t;
  };
  const list = token(open.type, open.tag, 1, 0);
  list.attrSet('class', 'markdown-toc');
  list.map = open.map;
  const made: Token[] = [list];
  for (const h of headings) {
    const item = token('list_item_open', 'li', 1, 1);
    item.attrSet('class', `toc-level-${h.level}`);
    const link = new Token('link_open', 'a', 1);
    link.attrSet('href', `#${h.id}`);
    const text = new Token('text', '', 0);
    text.content = h.text;
    const inline = token('inline', '', 0, 2);
    inline.children = [link, text, new Token('link_close', 'a', -1)];
    inline.content = h.text;
    made.push(item, inline, token('list_item_close', 'li', -1, 1));
  }
  made.push(token(open.type.replace('_open', '_close'), open.tag, -1, 0));
  tokens.splice(at, end - at + 1, ...made);
}

/** Hugo leaves raw HTML out unless the site allows it: so does the preview, and says so. */
function omitRawHtml(md: MarkdownIt): void {
  md.renderer.rules.html_block = (tokens, idx) =>
    `<p class="raw-html-omitted"${md.renderer.renderAttrs(tokens[idx]!)}>raw HTML omitted (the site’s markup.goldmark.renderer.unsafe is off)</p>\n`;
  md.renderer.rules.html_inline = () => '';
}

/** One of each, as the profiles make them by default (for tests that visit every renderer). */
export const SAMPLE_FLAVOURS: readonly MarkdownFlavour[] = [
  {
    name: 'goldmark',
    typographer: true,
    breaks: false,
    html: false,
    attributes: 'goldmark',
    definitionLists: true,
    abbreviations: false,
    headingIds: 'github',
  },
  {
    name: 'kramdown',
    typographer: true,
    breaks: false,
    html: true,
    attributes: 'kramdown',
    definitionLists: true,
    abbreviations: true,
    headingIds: 'kramdown',
  },
  {
    name: 'marked',
    typographer: true,
    breaks: true,
    html: true,
    attributes: null,
    definitionLists: false,
    abbreviations: false,
    headingIds: 'hexo',
  },
];
