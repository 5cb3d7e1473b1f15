/**
 * A generator's template constructs as markdown-it rules of their own, so Markdown never
 * sees their braces and the text around them keeps its shape:
 *
 * 1. Before Markdown reads the post (core rule `template_prepare`), as the generators do:
 *    constructs that produce text (`ref`, `param`, `{{ site.title }}`, `{% post_url %}`)
 *    are replaced by it, so they work inside links; comments go; `{% raw %}` and Hugo's
 *    `{{</*` … `*\/>}}` are kept literal (their braces swapped for a private character that
 *    no rule reads and `template_restore` turns back).
 * 2. Block rule `template_block`: a construct on lines of its own. A paired one (its close
 *    found) wraps its inner content, parsed as Markdown (a note, `details`) or kept as text
 *    (`highlight`, `codeblock`); the rest is one block.
 * 3. Inline rule `template_inline`: a construct inside a paragraph, paired or not.
 *
 * What each construct becomes is its dialect's business (types.ts). Everything is bounded:
 * a construct is at most MAX_CONSTRUCT characters, closes are matched in one scan (scan.ts),
 * nesting stops at MAX_NESTING and nested renders (includes, `markdownify`) at MAX_DEPTH.
 */
import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import { chip, escapeHtml, shortArgs } from './html.ts';
import { closeWithin, nextOpener, scanOf, scanText, type Scan } from './scan.ts';
import { lineOf, type Construct } from './syntax.ts';
import type { Pairing, Rendered, TemplateContext, TemplateDialect } from './types.ts';

/** What renderMarkdown's env carries for the dialect. */
export type TemplateEnv = {
  lineOffset?: number;
  template?: TemplateContext;
  /** Nested renders so far (an include inside an include …). */
  templateDepth?: number;
  /** What a literal brace is turned back into (`{`; the leak counter asks for another). */
  literalBrace?: string;
};

/** Stands for a `{` that must stay literal (inside `{% raw %}`, a Hugo comment). */
export const LITERAL_BRACE = '\uE000';
const LITERAL_BRACES = /\uE000/g;

export const MAX_DEPTH = 8;
/** Paired constructs inside paired constructs, at most: deeper ones are shown as chips. */
export const MAX_NESTING = 32;

type TemplateMeta = {
  construct: Construct;
  inner?: string;
  pairing?: Pairing;
  /** 1-based line in the file, when known. */
  line: number;
  /** Why it is shown as an error chip. */
  error?: string;
  /** Offset in the inline token's content, to find its line after parsing. */
  offset?: number;
};

const contextOf = (env: TemplateEnv): TemplateContext => env.template ?? {};

export function templatePlugin(md: MarkdownIt, dialect: TemplateDialect): void {
  const renderHtml = (meta: TemplateMeta, env: TemplateEnv, inline = true): Rendered => {
    if (meta.error) {
      const c = meta.construct;
      // A broken opener's arguments are the text after it, which the preview shows anyway.
      const args = c.kind === 'broken' ? '' : shortArgs(c);
      return { html: chip('error', label(c), args, meta.error) };
    }
    const depth = env.templateDepth ?? 0;
    return dialect.render({
      inline,
      paired: meta.pairing === 'markdown' && meta.inner === undefined,
      construct: meta.construct,
      inner: meta.inner,
      context: contextOf(env),
      line: meta.line,
      markdown: (text, inline, context) => {
        if (depth >= MAX_DEPTH)
          return chip(
            'error',
            'nested too deep',
            '',
            `more than ${MAX_DEPTH} levels of templates (an include that includes itself?)`,
          );
        const nested: TemplateEnv = {
          ...env,
          template: context ?? env.template,
          lineOffset: 0,
          templateDepth: depth + 1,
        };
        return inline ? md.renderInline(text, nested) : md.render(text, nested);
      },
    });
  };

  md.core.ruler.before('block', 'template_prepare', (state: StateCore) => {
    state.src = prepare(state.src, dialect, state.env as TemplateEnv, renderHtml);
  });
  md.block.ruler.before(
    'fence',
    'template_block',
    (state, startLine, endLine, silent) => blockRule(dialect, state, startLine, endLine, silent),
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
  const hidden = dialect.hiddenLines;
  if (hidden) {
    md.block.ruler.before('fence', 'template_hidden', (state, startLine, endLine, silent) => {
      if (state.level !== 0 || state.sCount[startLine]! !== 0) return false;
      const first = state.src.slice(state.bMarks[startLine], state.eMarks[startLine]);
      if (!hidden.test(first)) return false;
      if (silent) return true;
      let next = startLine + 1;
      while (next < endLine && !state.isEmpty(next)) next++;
      const token = state.push('template_hidden', '', 0);
      token.map = [startLine, next];
      state.line = next;
      return true;
    });
  }
  md.inline.ruler.after('text', 'template_inline', (state, silent) =>
    inlineRule(dialect, state, silent),
  );
  md.core.ruler.after('inline', 'template_lines', inlineLines);
  // Raw HTML blocks are not read by the rules above: their constructs are shown in place.
  md.core.ruler.after('block', 'template_html', (state: StateCore) => {
    for (const token of state.tokens) {
      if (
        token.type !== 'html_block' ||
        !dialect.openers.split('').some((ch) => token.content.includes(ch))
      )
        continue;
      const line = ((state.env as TemplateEnv).lineOffset ?? 0) + (token.map?.[0] ?? 0) + 1;
      token.content = inHtml(dialect, token.content, (construct) => {
        const rendered = renderHtml({ construct, line }, state.env as TemplateEnv);
        return 'html' in rendered
          ? rendered.html
          : 'text' in rendered
            ? escapeHtml(rendered.text)
            : rendered.open + rendered.close;
      });
    }
  });
  md.core.ruler.push('template_restore', restoreBraces);

  const rules = md.renderer.rules;
  const wrap = (tokens: Token[], idx: number, env: TemplateEnv, block: boolean): string => {
    const token = tokens[idx]!;
    const meta = token.meta as unknown as TemplateMeta;
    const tag = block ? 'div' : 'span';
    const attrs = md.renderer.renderAttrs(token);
    const name = escapeHtml(meta.construct.name);
    const rendered = renderHtml(meta, env, !block);
    const { open, close } =
      'open' in rendered
        ? rendered
        : { open: 'html' in rendered ? rendered.html : escapeHtml(rendered.text), close: '' };
    const start = `<${tag} class="tpl" data-tpl="${name}"${attrs}>`;
    if (token.nesting === 1) {
      // Kept for the close token: it renders after the inner content.
      (tokens[idx + closeDistance(tokens, idx)]!.meta as { close?: string }).close = close;
      return start + open;
    }
    return `${start}${open}${close}</${tag}>${block ? '\n' : ''}`;
  };
  rules.template_block = (tokens, idx, _o, env) => wrap(tokens, idx, env as TemplateEnv, true);
  rules.template_open = (tokens, idx, _o, env) => wrap(tokens, idx, env as TemplateEnv, true);
  rules.template_close = (tokens, idx) =>
    `${(tokens[idx]!.meta as { close?: string }).close ?? ''}</div>\n`;
  rules.template_inline = (tokens, idx, _o, env) => wrap(tokens, idx, env as TemplateEnv, false);
  rules.template_inline_open = (tokens, idx, _o, env) =>
    wrap(tokens, idx, env as TemplateEnv, false);
  rules.template_inline_close = (tokens, idx) =>
    `${(tokens[idx]!.meta as { close?: string }).close ?? ''}</span>`;
  rules.template_hidden = () => '';
}

/**
 * An HTML block's constructs replaced: in text by what `show` makes of them (a chip, a
 * value); inside a tag (an attribute) by nothing, so the tag stays whole. Closes go: their
 * opener's chip stands for the pair.
 */
function inHtml(dialect: TemplateDialect, html: string, show: (c: Construct) => string): string {
  if (dialect.openers === '<') return html; // MDX: its components are HTML-like already
  let out = '';
  let last = 0;
  for (let i = nextOpener(dialect.openers, html, 0); i < html.length;) {
    const c = dialect.read(html, i);
    if (!c || c.kind === 'comment') {
      i = nextOpener(dialect.openers, html, i + 1);
      continue;
    }
    const inTag = html.lastIndexOf('<', c.start) > html.lastIndexOf('>', c.start);
    out += html.slice(last, c.start) + (inTag || c.kind === 'close' ? '' : show(c));
    last = c.end;
    i = nextOpener(dialect.openers, html, c.end);
  }
  return out + html.slice(last);
}

/** Token types the plugin adds (the preview sends them as HTML, through DOMPurify). */
export const TEMPLATE_TOKENS = [
  'template_block',
  'template_open',
  'template_close',
  'template_inline',
  'template_inline_open',
  'template_inline_close',
  'template_hidden',
];

const label = (c: Construct): string =>
  c.kind === 'close'
    ? `/${c.name}`
    : c.kind === 'broken'
      ? `unclosed ${c.name}`
      : c.name || (c.kind === 'output' ? 'value' : 'template');

/** How far from an open token its close is (same level). */
function closeDistance(tokens: Token[], idx: number): number {
  const open = tokens[idx]!;
  const closeType = open.type.replace(/_open$/, '_close');
  let depth = 0;
  for (let j = idx + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.type === open.type) depth++;
    else if (t.type === closeType) {
      if (depth === 0) return j - idx;
      depth--;
    }
  }
  return 0;
}

/**
 * Step 1: text-producing constructs replaced by their text, comments dropped, raw content
 * made literal. Line breaks are kept (a removed construct leaves its newlines), so every line
 * of the post keeps its number.
 */
function prepare(
  src: string,
  dialect: TemplateDialect,
  env: TemplateEnv,
  render: (meta: TemplateMeta, env: TemplateEnv) => Rendered,
): string {
  if (!src.includes(dialect.openers[0]!) && dialect.openers.length === 1) return src;
  const code = dialect.readsCode ? null : codeRanges(src);
  let out = '';
  let last = 0;
  let codeIndex = 0;
  let scan: Scan | null = null;
  // Lines counted as the scan goes (for chips' messages), not from the top for each construct.
  let line = (env.lineOffset ?? 0) + 1;
  let counted = 0;
  const lineAtOffset = (offset: number) => {
    for (let n = src.indexOf('\n', counted); n !== -1 && n < offset; n = src.indexOf('\n', n + 1))
      line++;
    counted = Math.max(counted, offset);
    return line;
  };
  for (let i = nextOpener(dialect.openers, src, 0); i < src.length;) {
    if (code) {
      while (codeIndex < code.length && code[codeIndex]![1] <= i) codeIndex++;
      const range = code[codeIndex];
      if (range && range[0] <= i) {
        i = nextOpener(dialect.openers, src, range[1]);
        continue;
      }
    }
    const c = dialect.read(src, i);
    if (!c) {
      i = nextOpener(dialect.openers, src, i + 1);
      continue;
    }
    let replacement: string | null = null;
    let end = c.end;
    if (c.kind === 'comment') {
      replacement = literal(c.argText) + newlines(src, c.start, c.end);
    } else if (c.kind === 'tag' && isRaw(c)) {
      scan ??= scanText(dialect, src);
      const close = closeWithin(scan, c, src.length);
      if (close) {
        replacement =
          literal(src.slice(c.end, close.start)) + newlines(src, close.start, close.end);
        end = close.end;
      }
    } else if (c.kind === 'output' || (c.kind === 'tag' && dialect.producesText(c))) {
      const rendered = render({ construct: c, line: lineAtOffset(c.start) }, env);
      if ('text' in rendered)
        // As the generators do: the text goes in as it is, and Markdown reads it (a URL in a
        // link, a value with `*stars*`); whatever HTML it makes is sanitized like the rest.
        replacement = rendered.text + newlines(src, c.start, c.end);
    }
    if (replacement !== null) {
      out += src.slice(last, c.start) + replacement;
      last = end;
    }
    i = nextOpener(dialect.openers, src, Math.max(end, i + 1));
  }
  return last === 0 ? src : out + src.slice(last);
}

/** Liquid's `{% raw %}` and Nunjucks' `{% verbatim %}`: the content is not read for templates. */
const isRaw = (c: Construct): boolean => c.name === 'raw' || c.name === 'verbatim';

const literal = (text: string): string => text.replace(/\{/g, LITERAL_BRACE);

const newlines = (src: string, from: number, to: number): string => {
  let n = '';
  for (let i = src.indexOf('\n', from); i !== -1 && i < to; i = src.indexOf('\n', i + 1)) n += '\n';
  return n;
};

/** Fenced code blocks and code spans, as [start, end) offsets, in order. */
function codeRanges(src: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const fence = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\1[`~]*[ \t]*(?=\n|$)|$)/gm;
  const span = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;
  let from = 0;
  for (const match of src.matchAll(fence)) {
    addSpans(src.slice(from, match.index), from, span, ranges);
    ranges.push([match.index, match.index + match[0].length]);
    from = match.index + match[0].length;
  }
  addSpans(src.slice(from), from, span, ranges);
  return ranges;
}

function addSpans(text: string, base: number, span: RegExp, ranges: Array<[number, number]>) {
  for (const match of text.matchAll(span))
    ranges.push([base + match.index, base + match.index + match[0].length]);
}

function blockRule(
  dialect: TemplateDialect,
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine]! + state.tShift[startLine]!;
  const src = state.src;
  if (!dialect.openers.includes(src[pos]!)) return false;
  const c = dialect.read(src, pos);
  if (!c || c.kind === 'output' || c.kind === 'comment') return false;
  const env = state.env as TemplateEnv;
  const lastLine = lineAt(state, startLine, c.end, endLine);
  if (lastLine < 0) return false;
  const restBlank = isBlank(src, c.end, state.eMarks[lastLine]!);
  const line = (env.lineOffset ?? 0) + startLine + 1;

  // An opener never closed is the inline rule's: the text after it stays the post's.
  if (c.kind === 'broken') return false;
  if (c.kind === 'close') {
    if (!restBlank) return false;
    if (silent) return true;
    const error = `closes nothing (line ${line})`;
    pushBlock(state, 'template_block', startLine, lastLine + 1, { construct: c, line, error });
    return true;
  }

  const pairing = c.kind === 'tag' && !c.selfClosing ? dialect.pairing(c, contextOf(env)) : null;
  if (pairing && state.level >= MAX_NESTING) {
    if (!restBlank) return false;
    if (silent) return true;
    const error = `nested more than ${MAX_NESTING} deep: its content is shown unwrapped`;
    pushBlock(state, 'template_block', startLine, lastLine + 1, { construct: c, line, error });
    return true;
  }
  if (pairing) {
    const limit = state.eMarks[endLine - 1] ?? src.length;
    const close = closeWithin(scanOf(state, dialect, src), c, limit);
    if (close) {
      const closeLine = lineAt(state, lastLine, close.start + 1, endLine);
      const closeEndLine = lineAt(state, closeLine, close.end, endLine);
      if (
        closeLine >= 0 &&
        closeEndLine >= 0 &&
        isBlank(src, close.end, state.eMarks[closeEndLine]!)
      ) {
        if (silent) return true;
        pair(state, c, close, pairing.pairing, {
          startLine,
          lastLine,
          closeLine,
          closeEndLine,
          line,
        });
        return true;
      }
    } else if (pairing.always && restBlank) {
      if (silent) return true;
      const error = `never closed: no ${closeName(dialect, c)} after line ${line}`;
      pushBlock(state, 'template_block', startLine, lastLine + 1, { construct: c, line, error });
      return true;
    }
  }
  if (!restBlank) return false;
  if (silent) return true;
  pushBlock(state, 'template_block', startLine, lastLine + 1, { construct: c, line });
  return true;
}

const closeName = (dialect: TemplateDialect, c: Construct): string =>
  dialect.snippets.closeTag(c.name);

function pushBlock(
  state: StateBlock,
  type: string,
  startLine: number,
  nextLine: number,
  meta: TemplateMeta,
): Token {
  const token = state.push(type, 'div', 0);
  token.block = true;
  token.map = [startLine, nextLine];
  token.meta = meta;
  state.line = nextLine;
  return token;
}

interface PairLines {
  startLine: number;
  /** The line where the opener ends. */
  lastLine: number;
  closeLine: number;
  closeEndLine: number;
  line: number;
}

function pair(
  state: StateBlock,
  open: Construct,
  close: Construct,
  pairing: Pairing,
  lines: PairLines,
): void {
  const { startLine, lastLine, closeLine, closeEndLine, line } = lines;
  const src = state.src;
  if (pairing === 'literal') {
    const inner = src.slice(open.end, close.start);
    pushBlock(state, 'template_block', startLine, closeEndLine + 1, {
      construct: open,
      inner,
      line,
      pairing,
    });
    return;
  }
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  const opened = state.push('template_open', 'div', 1);
  opened.block = true;
  opened.map = [startLine, closeEndLine + 1];
  opened.meta = { construct: open, line, pairing } satisfies TemplateMeta;

  // The inner content: from the end of the opener to the start of the close, which may
  // share lines with either. Those two lines' marks are narrowed while it is parsed.
  const innerFirst = isBlank(src, open.end, state.eMarks[lastLine]!) ? lastLine + 1 : lastLine;
  const closeAtStart = isBlank(src, state.bMarks[closeLine]!, close.start);
  const innerEnd = closeAtStart ? closeLine : closeLine + 1;
  const saved = saveMarks(state, [innerFirst, closeLine]);
  if (innerFirst === lastLine) narrowStart(state, innerFirst, open.end);
  if (!closeAtStart) state.eMarks[closeLine] = close.start;
  state.parentType = 'container' as typeof state.parentType;
  state.lineMax = innerEnd;
  if (innerFirst < innerEnd) state.md.block.tokenize(state, innerFirst, innerEnd);
  restoreMarks(state, saved);
  state.parentType = oldParent;
  state.lineMax = oldLineMax;

  const closed = state.push('template_close', 'div', -1);
  closed.block = true;
  closed.meta = {};
  state.line = closeEndLine + 1;
}

type Marks = Array<[number, number, number, number, number]>;

function saveMarks(state: StateBlock, lines: number[]): Marks {
  return lines.map((l) => [
    l,
    state.bMarks[l]!,
    state.eMarks[l]!,
    state.tShift[l]!,
    state.sCount[l]!,
  ]);
}

function restoreMarks(state: StateBlock, marks: Marks): void {
  for (const [l, b, e, t, s] of marks.reverse()) {
    state.bMarks[l] = b;
    state.eMarks[l] = e;
    state.tShift[l] = t;
    state.sCount[l] = s;
  }
}

/** A line read from `offset` on, as if it started there at the block's indent. */
function narrowStart(state: StateBlock, line: number, offset: number): void {
  let spaces = 0;
  while (offset + spaces < state.eMarks[line]! && state.src[offset + spaces] === ' ') spaces++;
  state.bMarks[line] = offset;
  state.tShift[line] = spaces;
  state.sCount[line] = state.blkIndent + spaces;
}

/** The line (from `from`, before `endLine`) holding offset `end - 1`; -1 when past them. */
function lineAt(state: StateBlock, from: number, end: number, endLine: number): number {
  for (let l = from; l < endLine; l++)
    if (state.eMarks[l]! >= end - 1 && end - 1 >= state.bMarks[l]! - 1) return l;
  return -1;
}

const isBlank = (src: string, from: number, to: number): boolean => !src.slice(from, to).trim();

function inlineRule(dialect: TemplateDialect, state: StateInline, silent: boolean): boolean {
  const src = state.src;
  if (!dialect.openers.includes(src[state.pos]!)) return false;
  const c = dialect.read(src, state.pos);
  if (!c || c.end > state.posMax) return false;
  const env = state.env as TemplateEnv;
  if (c.kind === 'comment') return false; // made literal before parsing: never here
  const pairing = c.kind === 'tag' && !c.selfClosing ? dialect.pairing(c, contextOf(env)) : null;
  if (pairing && state.level < MAX_NESTING) {
    const close = closeWithin(scanOf(state, dialect, src), c, state.posMax);
    if (close) {
      if (silent) return true;
      if (pairing.pairing === 'literal') {
        const token = state.push('template_inline', 'span', 0);
        token.meta = {
          construct: c,
          inner: src.slice(c.end, close.start),
          pairing: 'literal',
          line: 0,
          offset: c.start,
        } satisfies TemplateMeta;
      } else {
        const open = state.push('template_inline_open', 'span', 1);
        open.meta = {
          construct: c,
          pairing: 'markdown',
          line: 0,
          offset: c.start,
        } satisfies TemplateMeta;
        const oldMax = state.posMax;
        state.pos = c.end;
        state.posMax = close.start;
        state.md.inline.tokenize(state);
        state.posMax = oldMax;
        state.push('template_inline_close', 'span', -1).meta = {};
      }
      state.pos = close.end;
      return true;
    }
    if (pairing.always) {
      if (!silent) {
        const token = state.push('template_inline', 'span', 0);
        token.meta = {
          construct: c,
          line: 0,
          offset: c.start,
          error: `never closed: no ${closeName(dialect, c)} follows`,
        } satisfies TemplateMeta;
      }
      state.pos = c.end;
      return true;
    }
  }
  if (!silent) {
    const token = state.push('template_inline', 'span', 0);
    const meta: TemplateMeta = { construct: c, line: 0, offset: c.start };
    if (c.kind === 'broken') meta.error = 'never closed: the text after it is shown as it is';
    if (c.kind === 'close') meta.error = 'closes nothing';
    token.meta = meta;
  }
  state.pos = c.end;
  return true;
}

/** Inline constructs learn their line from their paragraph's (for chips' messages). */
function inlineLines(state: StateCore): void {
  const offset = (state.env as TemplateEnv).lineOffset ?? 0;
  for (const token of state.tokens) {
    if (token.type !== 'inline' || !token.map || !token.children) continue;
    for (const child of token.children) {
      const meta = child.meta as TemplateMeta | null;
      if (meta?.offset === undefined || !child.type.startsWith('template')) continue;
      meta.line = offset + token.map[0] + lineOf(token.content, meta.offset);
      if (meta.error && !meta.error.includes('line')) meta.error += ` (line ${meta.line})`;
    }
  }
}

/** The literal braces turned back, in every token's text. */
function restoreBraces(state: StateCore): void {
  if (!state.src.includes(LITERAL_BRACE)) return;
  const brace = (state.env as TemplateEnv).literalBrace ?? '{';
  const fix = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.content.includes(LITERAL_BRACE))
        token.content = token.content.replace(LITERAL_BRACES, brace);
      const meta = token.meta as TemplateMeta | null;
      if (meta?.inner?.includes(LITERAL_BRACE))
        meta.inner = meta.inner.replace(LITERAL_BRACES, brace);
      if (token.children) fix(token.children);
    }
  };
  fix(state.tokens);
}
