/**
 * Snippets of a post's body around where the query matched, with the matched words'
 * offsets in the snippet text. Highlights are found again in the final snippet text
 * (after Markdown syntax is stripped and blanks collapsed), so they are always right.
 */
import type { SearchSnippet } from '../../../shared/models.ts';
import { plainText } from '../library/excerpt.ts';
import { lowerSameLength, nextMatch, type QueryTerm } from './text.ts';

const BEFORE = 60;
const WIDTH = 180;

/** [start, end) of each query word's matches in `text`, sorted, merged. */
export function highlightsIn(text: string, terms: readonly QueryTerm[]): Array<[number, number]> {
  const lower = lowerSameLength(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let from = 0; ;) {
      const match = nextMatch(lower, term, from);
      if (match < 0) break;
      const at = match >>> 1;
      ranges.push([at, at + term.text.length]);
      from = at + term.text.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The first match of any query word at or after `from`, or -1. */
function firstMatch(lower: string, terms: readonly QueryTerm[], from: number): number {
  let best = -1;
  for (const term of terms) {
    const match = nextMatch(lower, term, from);
    if (match >= 0 && (best === -1 || match >>> 1 < best)) best = match >>> 1;
  }
  return best;
}

/** Whether `code` is white space as a regular expression's `\s` (and `trim`) takes it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `text.replace(/\s+/g, ' ').trim()` without the regular expression (a query makes 40 snippets). */
function collapseSpaces(text: string): string {
  let out = '';
  let from = -1; // start of the run of non-space characters being copied
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (!space) {
      if (from === -1) from = i;
      continue;
    }
    if (from !== -1) {
      out += (out ? ' ' : '') + text.slice(from, i);
      from = -1;
    }
  }
  return out;
}

/**
 * About WIDTH characters around `at`, starting at a word (and in the match's paragraph).
 * The scans look only as far back as they may move the window's edges.
 */
function windowAround(body: string, at: number): [number, number] {
  let start = Math.max(0, at - BEFORE);
  if (start > 0) {
    for (let i = start; i < at; i++) {
      if (isSpace(body.charCodeAt(i))) {
        start = i + 1;
        break;
      }
    }
  }
  for (let i = at - 1; i >= start; i--) {
    if (body.charCodeAt(i) === 0x0a) {
      start = i + 1;
      break;
    }
  }
  let end = Math.min(body.length, start + WIDTH);
  if (end < body.length) {
    for (let i = end; i > at; i--) {
      if (body.charCodeAt(i) === 0x20) {
        end = i;
        break;
      }
    }
  }
  return [start, end];
}

function snippetFrom(
  body: string,
  start: number,
  end: number,
  terms: readonly QueryTerm[],
): SearchSnippet {
  const raw = body.slice(start, end);
  let text = plainText(raw);
  let highlights = highlightsIn(text, terms);
  if (highlights.length === 0) {
    // The match was in Markdown syntax (a link's address, say): show the raw text.
    text = collapseSpaces(raw);
    highlights = highlightsIn(text, terms);
  }
  // An ellipsis says the text goes on: not at a paragraph's edge.
  const lead = start > 0 && body[start - 1] !== '\n' ? '…' : '';
  const tail = end < body.length && body[end] !== '\n' && body[end] !== '\r' ? '…' : '';
  return {
    text: lead + text + tail,
    highlights: highlights.map(([a, b]) => [a + lead.length, b + lead.length]),
  };
}

/** Up to `count` snippets of `body` where the query's words match; none when only the title or front matter did. */
export function snippetsOf(
  body: string,
  terms: readonly QueryTerm[],
  count = 2,
  lower = lowerSameLength(body),
): SearchSnippet[] {
  const snippets: SearchSnippet[] = [];
  let from = 0;
  while (snippets.length < count) {
    const at = firstMatch(lower, terms, from);
    if (at === -1) break;
    const [start, end] = windowAround(body, at);
    snippets.push(snippetFrom(body, start, end, terms));
    from = Math.max(end, at + 1);
  }
  return snippets;
}
