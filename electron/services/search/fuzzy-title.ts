/**
 * The post switcher's matcher (Ctrl/Cmd+P): the query's characters must appear in the
 * title in order, not necessarily together (`rwk` finds "A Rainy Weekend in Kyoto").
 * Among the ways they can line up, the best scores highest: matches at the start of words
 * and runs of consecutive characters earn bonuses, gaps cost a little, and a match at the
 * very start of the title earns most. Case and accents are ignored. Pure: tested directly.
 */
import type { TitleMatch } from '../../../shared/models.ts';

const MATCH = 16;
const WORD_START = 24;
const FIRST_CHAR = 16;
const CONSECUTIVE = 20;
const GAP_START = -3;
const GAP_EXTEND = -1;

/** Lowercase without accents, one character per character of the input (offsets stay valid). */
export function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    const base = ch.normalize('NFD')[0]!.toLowerCase();
    out += base.length === 1 ? base : ch;
  }
  return out;
}

let scratchBest = new Float64Array(4096);
let scratchFrom = new Int32Array(4096);

const SEPARATORS = new Set([...' \t\n-_/.,:;!?()[]{}"\'“”‘’«»—–|+&#@*~`<>=']);
const isDigit = (c: string) => c >= '0' && c <= '9';
const isLetter = (c: string) => c.toLowerCase() !== c.toUpperCase();

function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text[i - 1]!;
  const cur = text[i]!;
  if (SEPARATORS.has(prev)) return !SEPARATORS.has(cur);
  // camelCase, and letter/digit boundaries ("fixed35mm").
  if (isLetter(prev) && isLetter(cur))
    return prev === prev.toLowerCase() && cur !== cur.toLowerCase();
  return isDigit(prev) !== isDigit(cur) && (isDigit(prev) || isLetter(prev));
}

/**
 * The best alignment of `query` (folded, blanks removed) in `title`: its score and the
 * matched character offsets, or null when the characters do not all appear in order.
 */
export function matchTitle(
  query: string,
  title: string,
): { score: number; positions: number[] } | null {
  return matchFolded(fold(query).replace(/\s+/g, ''), title);
}

function matchFolded(q: string, title: string): { score: number; positions: number[] } | null {
  if (!q) return null;
  const t = fold(title);
  const n = t.length;
  const m = q.length;
  if (m > n) return null;
  // Quick rejection: a greedy left-to-right pass finds a match if there is one.
  for (let i = 0, j = 0; ; i++) {
    if (j === m) break;
    if (i === n) return null;
    if (t[i] === q[j]) j++;
  }
  // best[j*n + i]: best score with q[0..j] matched and q[j] at t[i]; from[...]: where q[j-1] sat.
  // Scratch arrays are shared between calls (a keystroke runs this for every title).
  if (scratchBest.length < n * m) {
    scratchBest = new Float64Array(n * m * 2);
    scratchFrom = new Int32Array(n * m * 2);
  }
  const best = scratchBest;
  const from = scratchFrom;
  const NONE = -Infinity;
  best.fill(NONE, 0, n * m);
  for (let j = 0; j < m; j++) {
    const row = j * n;
    const prev = (j - 1) * n;
    // runBest/runAt: best of previous-row cells k < i - 1 with the gap's cost, carried along i.
    let runBest = NONE;
    let runAt = -1;
    for (let i = j; i < n; i++) {
      if (j > 0 && i >= 2) {
        const candidate = best[prev + i - 2]! + GAP_START;
        const carried = runBest + GAP_EXTEND;
        if (candidate >= carried) {
          runBest = candidate;
          runAt = i - 2;
        } else {
          runBest = carried;
        }
      }
      if (t.charCodeAt(i) !== q.charCodeAt(j)) continue;
      const base = MATCH + (isWordStart(title, i) ? WORD_START : 0) + (i === 0 ? FIRST_CHAR : 0);
      if (j === 0) {
        best[row + i] = base + (i > 0 ? Math.max(-8, GAP_START + GAP_EXTEND * (i - 1)) : 0);
        continue;
      }
      const consecutive = i > 0 ? best[prev + i - 1]! + CONSECUTIVE : NONE;
      if (consecutive > NONE && consecutive >= runBest) {
        best[row + i] = base + consecutive;
        from[row + i] = i - 1;
      } else if (runBest > NONE) {
        best[row + i] = base + runBest;
        from[row + i] = runAt;
      }
    }
  }
  let end = -1;
  let score = NONE;
  const last = (m - 1) * n;
  for (let i = 0; i < n; i++) {
    if (best[last + i]! > score) {
      score = best[last + i]!;
      end = i;
    }
  }
  if (end === -1) return null;
  const positions: number[] = new Array<number>(m);
  for (let j = m - 1, i = end; j >= 0; j--) {
    positions[j] = i;
    i = from[j * n + i]!;
  }
  // Shorter titles win ties: "Lens" over "Learning to love a fixed 35mm lens".
  return { score: score - n * 0.1, positions };
}

/** Offsets of matched characters as [start, end) runs. */
export function toRanges(positions: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const p of positions) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === p) last[1] = p + 1;
    else ranges.push([p, p + 1]);
  }
  return ranges;
}

/**
 * Posts whose title matches `query`, best first (ties keep the order given, so pass the
 * list newest first). An empty query gives the first `limit` posts as they are.
 */
export function findPostsByTitle(
  posts: ReadonlyArray<{ path: string; title: string }>,
  query: string,
  limit = 50,
): TitleMatch[] {
  if (!query.trim()) {
    return posts
      .slice(0, limit)
      .map((p) => ({ path: p.path, title: p.title, score: 0, highlights: [] }));
  }
  const matches: Array<TitleMatch & { order: number }> = [];
  const q = fold(query).replace(/\s+/g, '');
  posts.forEach((post, order) => {
    const match = matchFolded(q, post.title);
    if (match) {
      matches.push({
        path: post.path,
        title: post.title,
        score: Math.round(match.score * 10) / 10,
        highlights: toRanges(match.positions),
        order,
      });
    }
  });
  matches.sort((a, b) => b.score - a.score || a.order - b.order);
  return matches.slice(0, limit).map(({ order: _order, ...match }) => match);
}
