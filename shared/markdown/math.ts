/**
 * TeX math for markdown-it, rendered by KaTeX to HTML at render time (HTML only: MathML would
 * not survive the preview's sanitizer, and the HTML output needs only KaTeX's stylesheet).
 *
 * Syntax, as on GitHub and in Pandoc:
 * - `$…$` inline. The opening `$` must not be followed by a space and the closing `$` must not
 *   follow a space nor be followed by a digit, so "from $5 to $10" stays text. `\$` is a dollar.
 * - `$$…$$` inside a paragraph: display math in the flow of the text.
 * - a block that starts with a line beginning `$$` and ends with a line ending `$$` (or
 *   `$$…$$` alone on one line); an unclosed `$$` stays text, so typing one does not swallow the
 *   rest of the post.
 * - a fenced code block whose info string is `math`.
 *
 * A formula KaTeX cannot render becomes `<span class="katex-error">` holding its source, with
 * the error as the title: rendering never throws.
 */
import katex from 'katex';
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';
import { memo, memoCache } from './cache.ts';

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

const isSpace = (code: number) =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || Number.isNaN(code);
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Whether the character at `pos` is escaped by an odd number of backslashes. */
function isEscaped(src: string, pos: number): boolean {
  let n = 0;
  for (let i = pos - 1; i >= 0 && src.charCodeAt(i) === BACKSLASH; i--) n++;
  return n % 2 === 1;
}

const cache = memoCache<string>();

/** KaTeX HTML for one formula, or a visible error span. Never throws. */
export function renderTex(tex: string, displayMode: boolean): string {
  return memo(cache, (displayMode ? 'D' : 'I') + tex, 500, () => {
    try {
      return katex.renderToString(tex, {
        displayMode,
        output: 'html',
        throwOnError: true,
        strict: 'ignore',
        trust: false,
        maxSize: 100,
        maxExpand: 1000,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return `<span class="katex-error" title="${escapeHtml(message)}">${escapeHtml(tex)}</span>`;
    }
  });
}

/** `$…$` and `$$…$$` inside a paragraph. */
function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos: start, posMax: max } = state;
  if (src.charCodeAt(start) !== DOLLAR) return false;
  const display = src.charCodeAt(start + 1) === DOLLAR;
  const from = start + (display ? 2 : 1);
  let end = -1;
  if (display) {
    for (let i = src.indexOf('$$', from); i !== -1 && i + 1 < max; i = src.indexOf('$$', i + 1)) {
      if (!isEscaped(src, i)) {
        end = i;
        break;
      }
    }
    if (end === -1 || src.slice(from, end).trim() === '') return false;
  } else {
    // Not after a letter or digit ("US$5") and not before a space.
    if (from >= max || isSpace(src.charCodeAt(from)) || isWordChar(src[start - 1])) return false;
    for (let i = src.indexOf('$', from); i !== -1 && i < max; i = src.indexOf('$', i + 1)) {
      if (isEscaped(src, i)) continue;
      // The first bare `$` decides: a closer, or (a space before it, a digit or `$` after it)
      // not math at all, since a formula never holds a bare `$`: "$5 to $10 and $x$".
      const next = i + 1 < max ? src.charCodeAt(i + 1) : NaN;
      if (i > from && !isSpace(src.charCodeAt(i - 1)) && !isDigit(next) && next !== DOLLAR) {
        end = i;
      }
      break;
    }
    if (end === -1) return false;
  }
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    const tex = src.slice(from, end);
    // GitHub's $`…`$ form: the backticks only protect the TeX from Markdown.
    token.content = /^`[\s\S]+`$/.test(tex) ? tex.slice(1, -1) : tex;
    token.markup = display ? '$$' : '$';
  }
  state.pos = end + (display ? 2 : 1);
  return true;
}

let unclosed = { src: '', from: 0, end: 0 };

/** A `$$` block: `$$ x $$` on one line, or from a line starting `$$` to one ending `$$`. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean) {
  const src = state.src;
  const pos = state.bMarks[startLine]! + state.tShift[startLine]!;
  const max = state.eMarks[startLine]!;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false; // indented code
  if (pos + 2 > max || src.charCodeAt(pos) !== DOLLAR || src.charCodeAt(pos + 1) !== DOLLAR) {
    return false;
  }
  const first = src.slice(pos + 2, max).trim();
  const inner = first.indexOf('$$');
  let content: string;
  let last = startLine;
  if (inner !== -1) {
    // `$$ x $$` alone on its line is a block; `$$x$$ and text` is inline display math.
    if (inner !== first.length - 2 || first.length === 2) return false;
    content = first.slice(0, -2);
  } else {
    // Lines from `unclosed.from` to `endLine` hold no closing `$$`: a post full of unclosed
    // openers stays linear.
    if (unclosed.src === src && unclosed.end === endLine && startLine > unclosed.from) return false;
    let closing: string | null = null;
    for (last = startLine + 1; last < endLine; last++) {
      const start = state.bMarks[last]! + state.tShift[last]!;
      const end = state.eMarks[last]!;
      if (start < end && state.sCount[last]! < state.blkIndent) return false; // left the list
      const line = src.slice(start, end).trimEnd();
      if (line.endsWith('$$') && !isEscaped(line, line.length - 2)) {
        closing = line.slice(0, -2);
        break;
      }
    }
    if (closing === null) {
      unclosed = { src, from: startLine, end: endLine };
      return false;
    }
    const body = state.getLines(startLine + 1, last, state.sCount[startLine]!, false);
    content = [first, body, closing.trim()].filter((part) => part.trim() !== '').join('\n');
  }
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = content;
  token.markup = '$$';
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', mathInline);
  md.block.ruler.after('blockquote', 'math_block', mathBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.renderer.rules.math_inline = (tokens, idx) => {
    const token = tokens[idx]!;
    return renderTex(token.content, token.markup === '$$');
  };
  md.renderer.rules.math_block = (tokens, idx, _options, _env, self) => {
    const token = tokens[idx]!;
    return `<div class="math-display"${self.renderAttrs(token)}>${renderTex(token.content, true)}</div>\n`;
  };
}
