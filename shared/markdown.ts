/**
 * Markdown -> HTML for the preview, the way a blog's readers will see the post: CommonMark
 * (markdown-it) plus GFM tables, strikethrough, task lists, autolinks (`https://…`, `www.…`,
 * emails), footnotes, GitHub's heading ids, KaTeX math and highlight.js code.
 *
 * Every top-level block carries `data-source-line` (its 1-based line in the file) so the
 * preview can follow the editor; a fenced code block carries it on its `<pre>`.
 *
 * Pure: no DOM, no Node. The output is NOT safe: raw HTML passes through, and the renderer
 * sanitizes it with DOMPurify before it reaches the DOM.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Md, StateCore, Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import {
  headingIdPlugin,
  linkifyPretestPlugin,
  taskListPlugin,
  wwwAutolinkPlugin,
} from './markdown-gfm.ts';
import { highlightCode } from './markdown-highlight.ts';
import { mathPlugin, renderTex } from './markdown-math.ts';

export interface RenderOptions {
  /** Added to every `data-source-line`: the line in the file where the body starts (0-based). */
  lineOffset?: number;
}

const SOURCE_LINE = 'data-source-line';

/** Block tokens carry their source line so the preview can follow the editor. */
function sourceLines(state: StateCore): void {
  const offset = (state.env as { lineOffset?: number }).lineOffset ?? 0;
  let lastLine = -1;
  for (let i = 0; i < state.tokens.length; i++) {
    const token = state.tokens[i]!;
    if (token.level !== 0 || token.nesting === -1) continue;
    if (token.map) {
      token.attrSet(SOURCE_LINE, String(token.map[0] + offset + 1));
      lastLine = Math.max(lastLine, token.map[0]);
    } else if (token.type === 'footnote_block_open') {
      // The notes are gathered at the end of the post: mark them with the line of the first
      // definition, unless that would put a line number out of order (definitions mid-post).
      const first = firstMappedLine(state.tokens, i);
      if (first !== null && first > lastLine) {
        token.attrSet(SOURCE_LINE, String(first + offset + 1));
        lastLine = first;
      }
    }
  }
}

function firstMappedLine(tokens: Token[], from: number): number | null {
  let first: number | null = null;
  for (let j = from + 1; j < tokens.length && tokens[j]!.type !== 'footnote_block_close'; j++) {
    const map = tokens[j]!.map;
    if (map && (first === null || map[0] < first)) first = map[0];
  }
  return first;
}

function createRenderer(): Md {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(footnote);
  md.use(mathPlugin);
  md.use(taskListPlugin);
  md.use(headingIdPlugin);
  md.use(wwwAutolinkPlugin);
  md.use(linkifyPretestPlugin);
  md.core.ruler.push('source_lines', sourceLines);

  const { escapeHtml, unescapeAll } = md.utils;
  // Fenced code: the token's attributes (the source line) go on <pre>, not on <code> as
  // markdown-it's own rule does; known languages are highlighted, others escaped as they are.
  md.renderer.rules.fence = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const info = token.info ? unescapeAll(token.info).trim() : '';
    const lang = info.split(/\s+/, 1)[0] ?? '';
    if (lang.toLowerCase() === 'math') {
      return `<div class="math-display"${self.renderAttrs(token)}>${renderTex(token.content, true)}</div>\n`;
    }
    const code = (lang ? highlightCode(token.content, lang) : null) ?? escapeHtml(token.content);
    const cls = lang ? ` class="${escapeHtml(options.langPrefix + lang)}"` : '';
    return `<pre${self.renderAttrs(token)}><code${cls}>${code}</code></pre>\n`;
  };
  // The footnotes section shows its source line too (markdown-it-footnote drops attributes).
  const footnoteOpen = md.renderer.rules.footnote_block_open!;
  md.renderer.rules.footnote_block_open = (tokens, idx, options, env, self) =>
    footnoteOpen(tokens, idx, options, env, self).replace(
      '<section class="footnotes"',
      `<section class="footnotes"${self.renderAttrs(tokens[idx]!)}`,
    );
  return md;
}

let renderer: Md | null = null;

export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  renderer ??= createRenderer();
  return renderer.render(markdown, { lineOffset: options.lineOffset ?? 0 });
}

/** The first `#`/`##` heading's text, for a title fallback. */
export { firstHeading } from './heading.ts';

export interface RenderedBlock {
  /** 1-based line in the file where the block starts. */
  line: number;
  /**
   * True when the block holds only markup the renderer wrote itself, every bit of the post's
   * text escaped: no raw HTML, no math (KaTeX's output carries inline styles), no token type
   * this list does not know. The preview may skip DOMPurify for such a block after checking
   * it (renderer/features/preview/plain-markup.ts); any other block is sanitized in full.
   */
  plain: boolean;
  /**
   * The block's HTML, its `data-source-line`s counted from the block's own first line (1),
   * so an edit above it leaves its HTML unchanged and the preview can keep its DOM.
   */
  html: string;
}

/** Token types whose output is markdown-it's own markup around escaped text. */
const PLAIN_TOKENS = new Set([
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
  'code_block',
  'fence',
  'inline',
  'text',
  'text_special',
  'softbreak',
  'hardbreak',
  'code_inline',
  'em_open',
  'em_close',
  'strong_open',
  'strong_close',
  's_open',
  's_close',
  'link_open',
  'link_close',
  'image',
  'task_checkbox',
  'footnote_ref',
  'footnote_block_open',
  'footnote_block_close',
  'footnote_open',
  'footnote_close',
  'footnote_anchor',
]);

function isPlainToken(token: Token): boolean {
  // A fence tagged `math` is KaTeX output.
  if (token.type === 'fence' && /^\s*math(\s|$)/i.test(token.info)) return false;
  return PLAIN_TOKENS.has(token.type) && (token.children ?? []).every(isPlainToken);
}

/**
 * The post as a list of top-level blocks: the same HTML as renderMarkdown, cut where the
 * preview can patch. The footnotes section is its own last block.
 */
export function renderMarkdownBlocks(
  markdown: string,
  options: RenderOptions = {},
): RenderedBlock[] {
  renderer ??= createRenderer();
  const md = renderer;
  const env = { lineOffset: options.lineOffset ?? 0 };
  const tokens = md.parse(markdown, env);
  const blocks: RenderedBlock[] = [];
  let start = 0;
  let lastLine = env.lineOffset + 1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // markdown-it-footnote's section tokens all sit at level 0: keep the section together.
    if (token.type === 'footnote_block_open') {
      while (i < tokens.length - 1 && tokens[i]!.type !== 'footnote_block_close') i++;
    } else if (token.level !== 0 || token.nesting === 1) {
      continue;
    }
    const group = tokens.slice(start, i + 1);
    const first = group[0]!;
    const line = Number(first.attrGet(SOURCE_LINE) ?? lastLine);
    for (const t of group) {
      const own = t.attrGet(SOURCE_LINE);
      if (own !== null) t.attrSet(SOURCE_LINE, String(Number(own) - line + 1));
    }
    blocks.push({
      line,
      plain: group.every(isPlainToken),
      html: md.renderer.render(group, md.options, env),
    });
    lastLine = line;
    start = i + 1;
  }
  return blocks;
}
