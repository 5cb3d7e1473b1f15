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

/** About WIDTH characters around `at`, starting at a word (and in the match's paragraph). */
function windowAround(body: string, at: number): [number, number] {
  let start = Math.max(0, at - BEFORE);
  if (start > 0) {
    const blank = body.slice(start, at).search(/\s/);
    if (blank !== -1) start += blank + 1;
  }
  const newline = body.lastIndexOf('\n', at - 1);
  if (newline >= start) start = newline + 1;
  let end = Math.min(body.length, start + WIDTH);
  if (end < body.length) {
    const blank = body.lastIndexOf(' ', end);
    if (blank > at) end = blank;
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
    text = raw.replace(/\s+/g, ' ').trim();
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
