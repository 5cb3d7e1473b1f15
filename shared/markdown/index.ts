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
import { headingIdPlugin, linkifyPretestPlugin, taskListPlugin, wwwAutolinkPlugin } from './gfm.ts';
import { highlightCode } from './highlight.ts';
import { blockNodes, highlightedNodes, type PlainElement } from './nodes.ts';
import { alertsPlugin } from './alerts.ts';
import {
  flavourPlugin,
  headingSlugger,
  SAMPLE_FLAVOURS,
  type MarkdownFlavour,
} from './flavours.ts';
import { mathPlugin, renderTex } from './math.ts';
import { dialectNames, templateDialect, type TemplateContext } from './templates/index.ts';
import { templatePlugin, type TemplateEnv } from './templates/plugin.ts';

export interface RenderOptions {
  /** Added to every `data-source-line`: the line in the file where the body starts (0-based). */
  lineOffset?: number;
  /**
   * The generator's template dialect (its profile's `dialect`): each has its own renderer
   * instance, with that dialect's rules; none is plain Markdown.
   */
  dialect?: string;
  /** What the dialect's constructs may know: the site's config, the post's front matter, … */
  context?: TemplateContext;
  /** The generator's Markdown (Goldmark, kramdown, marked); none: CommonMark with GFM. */
  flavour?: MarkdownFlavour | null;
  /**
   * What a brace kept literal (inside `{% raw %}`, a Hugo comment) shows as: `{`. The leak
   * counter (tests/tools/template-leaks.ts) asks for another, to tell it from a leak.
   */
  literalBrace?: string;
}

const SOURCE_LINE = 'data-source-line';

/** Block tokens carry their source line so the preview can follow the editor. */
function sourceLines(state: StateCore): void {
  const env = state.env as TemplateEnv;
  // HTML rendered inside a template construct (an include) is not the post's own lines.
  if (env.templateDepth) return;
  const offset = env.lineOffset ?? 0;
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

/** The first word of a fence's info string: its language. */
function fenceLanguage(md: Md, token: Token): string {
  const info = token.info ? md.utils.unescapeAll(token.info).trim() : '';
  return info.split(/\s+/, 1)[0] ?? '';
}

/** A fence as createRenderer's fence rule writes it, as nodes; null for math (KaTeX's HTML). */
function fenceNodes(md: Md, token: Token): PlainElement | null {
  const lang = fenceLanguage(md, token);
  if (lang.toLowerCase() === 'math') return null;
  const html = lang ? highlightCode(token.content, lang) : null;
  const children = html === null ? [token.content] : highlightedNodes(html);
  if (!children) return null;
  const code: PlainElement = ['code', lang ? ['class', md.options.langPrefix + lang] : []];
  for (const child of children) if (child !== '') code.push(child);
  return code;
}

function createRenderer(dialect: string, flavour: MarkdownFlavour | null): Md {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  const templates = templateDialect(dialect);
  if (templates) md.use(templatePlugin, templates);
  md.use(footnote);
  md.use(mathPlugin);
  md.use(taskListPlugin);
  md.use(headingIdPlugin, () => headingSlugger(flavour?.headingIds ?? null));
  md.use(alertsPlugin);
  if (flavour) md.use(flavourPlugin, flavour);
  md.use(wwwAutolinkPlugin);
  md.use(linkifyPretestPlugin);
  md.core.ruler.push('source_lines', sourceLines);

  const { escapeHtml } = md.utils;
  // Fenced code: the token's attributes (the source line) go on <pre>, not on <code> as
  // markdown-it's own rule does; known languages are highlighted, others escaped as they are.
  md.renderer.rules.fence = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const lang = fenceLanguage(md, token);
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

/** One markdown-it instance per dialect and flavour (none: plain Markdown), made on first use. */
const renderers = new Map<string, Md>();

function rendererFor(dialect = '', flavour: MarkdownFlavour | null = null): Md {
  const key = flavour ? `${dialect} ${JSON.stringify(flavour)}` : dialect;
  let md = renderers.get(key);
  if (!md) {
    if (renderers.size > 16) renderers.clear(); // sites opened one after another
    renderers.set(key, (md = createRenderer(dialect, flavour)));
  }
  return md;
}

const envOf = (options: RenderOptions): TemplateEnv => ({
  lineOffset: options.lineOffset ?? 0,
  template: options.context,
  literalBrace: options.literalBrace,
});

export type { MarkdownFlavour } from './flavours.ts';

export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  return rendererFor(options.dialect, options.flavour ?? null).render(markdown, envOf(options));
}

/** The first `#`/`##` heading's text, for a title fallback. */
export { firstHeading } from '../heading.ts';

/** The token types the renderer has a rule of its own for (markdown-it's and the plugins'). */
export function rendererRuleNames(): string[] {
  const names = new Set<string>();
  for (const dialect of ['', ...dialectNames()])
    for (const flavour of [null, ...SAMPLE_FLAVOURS])
      for (const name of Object.keys(rendererFor(dialect, flavour).renderer.rules)) names.add(name);
  return [...names];
}

export interface RenderedBlock {
  /** 1-based line in the file where the block starts. */
  line: number;
  /**
   * True when the block is plain Markdown markup (shared/markdown/nodes.ts): `content` is then
   * its nodes as JSON, which the preview builds with DOM calls, every bit of the post's text
   * a text node. False for anything else (raw HTML, math, an unusual link scheme): `content`
   * is then HTML, which the preview sanitizes in full.
   */
  plain: boolean;
  /**
   * The block's nodes (JSON) or HTML, its `data-source-line`s counted from the block's own
   * first line (1), so an edit above it leaves it unchanged and the preview can keep its DOM.
   */
  content: string;
}

/**
 * The post as a list of top-level blocks: what renderMarkdown writes, cut where the preview
 * can patch, each block as nodes or HTML (see RenderedBlock). The footnotes section is its own
 * last block.
 */
export function renderMarkdownBlocks(
  markdown: string,
  options: RenderOptions = {},
): RenderedBlock[] {
  const md = rendererFor(options.dialect, options.flavour ?? null);
  const env = envOf(options);
  const tokens = md.parse(markdown, env);
  const nodeRules = { md, env, fence: (token: Token) => fenceNodes(md, token) };
  const blocks: RenderedBlock[] = [];
  let start = 0;
  let lastLine = (env.lineOffset ?? 0) + 1;
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
    const nodes = blockNodes(group, nodeRules);
    blocks.push(
      nodes
        ? { line, plain: true, content: JSON.stringify(nodes) }
        : { line, plain: false, content: md.renderer.render(group, md.options, env) },
    );
    lastLine = line;
    start = i + 1;
  }
  return blocks;
}
