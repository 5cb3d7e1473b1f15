/**
 * The plain-text start of a post's body, for the list's tooltip (post-entry.ts's
 * readExcerpt) and the search's snippets: Markdown syntax stripped cheaply, never a
 * Markdown parse (it was once made for 10,000 posts at a time). Lines are taken
 * one by one (fenced code, HTML blocks, tables' rules and link definitions skipped, block
 * markers like `#`, `>`, `-`, `1.` dropped) only until there is enough text; the inline
 * syntax is then stripped from those few hundred characters with regular expressions.
 * Stripping a whole 2 KB head with the same expressions cost twice the file reads.
 */

export const EXCERPT_CHARS = 200;

const BLOCK_MARKER =
  /^(?:[ \t]*(?:#{1,6}(?=[ \t]|$)|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+[ \t]*/;
const CHECKBOX = /^\[[ xX]\][ \t]+/;
const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;
const THEMATIC_BREAK = /^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/;
const REFERENCE_DEF = /^ {0,3}\[[^\]\n]+\]:/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/;
const TRAILING_HASHES = /[ \t]+#+[ \t]*$/;
const TRAILING_PUNCTUATION = ' \t,;:.–—-';

function isWordChar(code: number): boolean {
  const l = code | 0x20;
  return (l >= 0x61 && l <= 0x7a) || (code >= 0x30 && code <= 0x39) || code >= 0x80;
}

/** The index just after the first `close` at or after `from` (not past a line end), or -1. */
function after(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at === -1 ? -1 : at + close.length;
}

const AUTOLINK = /^<(?:https?|mailto):[^>\s]*>/;

/** The characters stripInline acts on; every other one is copied as it is. */
const INLINE_MARK = new Uint8Array(128);
for (const c of '*`~_|![<{') INLINE_MARK[c.charCodeAt(0)] = 1;

/**
 * Inline Markdown to plain text, in one pass (regular expressions, one per construct, cost
 * three times as much): emphasis and code marks dropped, links keep their text, images,
 * footnote references, HTML tags and template tags dropped, table pipes made spaces.
 */
function stripInline(text: string): string {
  let out = '';
  let from = 0;
  let linkClose = -1;
  let linkEnd = -1;
  for (let i = 0; i < text.length;) {
    if (i === linkClose) {
      out += text.slice(from, i) + '';
      i = from = linkEnd;
      linkClose = -1;
      continue;
    }
    const c = text.charCodeAt(i);
    // Most characters are text: one table look-up, not the chain of tests below.
    if (c >= 128 || INLINE_MARK[c] === 0) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (c === 0x2a || c === 0x60) {
      out += text.slice(from, i) + '';
      i = from = i + 1; // * `
      continue;
    }
    if (c === 0x7e && next === 0x7e) {
      out += text.slice(from, i) + '';
      i = from = i + 2; // ~~
      continue;
    }
    if (c === 0x5f) {
      // _ marks emphasis at a word's edge; inside a word (snake_case) it is text.
      if (!isWordChar(i > 0 ? text.charCodeAt(i - 1) : 0x20) || !isWordChar(next)) {
        out += text.slice(from, i) + '';
        i = from = i + 1;
        continue;
      }
    } else if (c === 0x7c) {
      out += text.slice(from, i) + ' ';
      i = from = i + 1; // |
      continue;
    } else if (c === 0x21 && next === 0x5b) {
      // ![alt](src) or ![alt][ref]: an image says nothing in an excerpt.
      const close = text.indexOf(']', i + 2);
      const opener = text.charCodeAt(close + 1);
      const end =
        close === -1
          ? -1
          : opener === 0x28
            ? after(text, ')', close)
            : opener === 0x5b
              ? after(text, ']', close + 2)
              : close + 1;
      if (end !== -1) {
        out += text.slice(from, i) + ' ';
        i = from = end;
        continue;
      }
    } else if (c === 0x5b) {
      const close = text.indexOf(']', i + 1);
      if (close !== -1 && next === 0x5e) {
        out += text.slice(from, i) + '';
        i = from = close + 1; // [^1]
        continue;
      }
      const opener = close === -1 ? 0 : text.charCodeAt(close + 1);
      const end =
        opener === 0x28
          ? after(text, ')', close)
          : opener === 0x5b
            ? after(text, ']', close + 2)
            : -1;
      if (end !== -1 && linkClose === -1) {
        // [text](url): keep the text, drop the rest when the walk reaches `]`.
        out += text.slice(from, i) + '';
        i = from = i + 1;
        linkClose = close;
        linkEnd = end;
        continue;
      }
    } else if (c === 0x3c) {
      if (text.startsWith('<!--', i)) {
        const end = after(text, '-->', i + 4);
        out += text.slice(from, i) + ' ';
        i = from = end === -1 ? text.length : end;
        continue;
      }
      const auto = AUTOLINK.exec(text.slice(i, i + 200));
      if (auto) {
        out += text.slice(from, i) + auto[0].slice(1, -1);
        i = from = i + auto[0].length;
        continue;
      }
      if (next === 0x2f || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a)) {
        const end = after(text, '>', i);
        if (end !== -1) {
          out += text.slice(from, i) + ' ';
          i = from = end;
          continue;
        }
      }
    } else if (c === 0x7b && (next === 0x25 || next === 0x7b)) {
      // {% tag %} or {{ shortcode }}
      const end = after(text, next === 0x25 ? '%}' : '}}', i + 2);
      if (end !== -1) {
        out += text.slice(from, i) + ' ';
        i = from = end;
        continue;
      }
    }
    i++;
  }
  out += text.slice(from);
  return out.replace(/\s{2,}|[\t\n\r]/g, ' ').trim();
}

/** State of a walk over the body's lines, so it can go on where it stopped. */
interface Walk {
  at: number;
  fence: string | null;
  inComment: boolean;
  raw: string;
}

/** Adds the text of the next lines to `walk.raw` until it holds about `want` characters. */
function collect(body: string, walk: Walk, want: number): void {
  while (walk.at < body.length && walk.raw.length < want) {
    let end = body.indexOf('\n', walk.at);
    if (end === -1) end = body.length;
    const line = body.slice(walk.at, body.charCodeAt(end - 1) === 13 ? end - 1 : end);
    walk.at = end + 1;
    if (walk.fence !== null) {
      const close = FENCE_CLOSE.exec(line);
      const marker = close?.[1];
      if (marker && marker[0] === walk.fence[0] && marker.length >= walk.fence.length) {
        walk.fence = null;
      }
      continue;
    }
    if (walk.inComment) {
      if (line.includes('-->')) walk.inComment = false;
      continue;
    }
    let first = 0;
    while (first < line.length && (line[first] === ' ' || line[first] === '\t')) first++;
    if (first === line.length) continue;
    const c = line[first]!;
    // Only lines that start with a mark need the expressions below.
    if (c === '`' || c === '~') {
      const fence = FENCE_OPEN.exec(line);
      if (fence) {
        walk.fence = fence[1]!;
        continue;
      }
    } else if (c === '<') {
      if (line.startsWith('<!--', first)) {
        if (!line.includes('-->', first)) walk.inComment = true;
        continue;
      }
      if (/^<\/?[A-Za-z]/.test(line.slice(first))) continue; // an HTML block line
    } else if (c === '{') {
      if (/^\{[%{].*[%}]\}\s*$/.test(line.slice(first))) continue; // a template tag line
    } else if (c === '[') {
      if (REFERENCE_DEF.test(line)) continue;
    } else if (c === '|' || c === '-' || c === '*' || c === '_' || c === ':') {
      if (TABLE_RULE.test(line) || THEMATIC_BREAK.test(line)) continue;
    }
    let text = line;
    if (c === '#' || c === '>' || c === '-' || c === '*' || c === '+' || (c >= '0' && c <= '9')) {
      text = text.replace(BLOCK_MARKER, '').replace(CHECKBOX, '');
      if (c === '#') text = text.replace(TRAILING_HASHES, '');
    }
    text = text.trim();
    if (text) walk.raw += (walk.raw ? ' ' : '') + text;
  }
}

/** Drops a link, tag or template tag left open at the end of a cut text (looks back 120 characters). */
function withoutOpenConstruct(text: string): string {
  const stop = Math.max(0, text.length - 120);
  for (let i = text.length - 1; i >= stop; i--) {
    const c = text[i];
    if (c === ')' || c === ']' || c === '>' || c === '}') return text;
    if (c === '[' || c === '<' || c === '{') return text.slice(0, i);
  }
  return text;
}

/** Cuts plain text to about `max` characters at a word boundary, with an ellipsis when cut. */
export function cutText(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  let end = text.lastIndexOf(' ', max);
  if (end < max * 0.6) end = max;
  // Never split a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  while (end > 0 && TRAILING_PUNCTUATION.includes(text[end - 1]!)) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * The excerpt of a body: its first `max` characters of plain text. `complete` is false when
 * the body ran out before there was enough text (the caller may have given only its start).
 */
export function excerptOf(body: string, max = EXCERPT_CHARS): { text: string; complete: boolean } {
  const walk: Walk = { at: 0, fence: null, inComment: false, raw: '' };
  let want = max + 80;
  for (;;) {
    collect(body, walk, want);
    // Stripping only removes characters, so the start of a long paragraph is enough.
    const cut = walk.raw.length > want;
    const plain = stripInline(cut ? withoutOpenConstruct(walk.raw.slice(0, want)) : walk.raw);
    if (plain.length > max) return { text: cutText(plain, max), complete: true };
    if (!cut && walk.at >= body.length) return { text: plain, complete: false };
    want *= 2;
  }
}

/** The whole of a Markdown text as plain text (tests, and short texts like snippets). */
export function plainText(markdown: string): string {
  const walk: Walk = { at: 0, fence: null, inComment: false, raw: '' };
  collect(markdown, walk, Infinity);
  return stripInline(walk.raw);
}
