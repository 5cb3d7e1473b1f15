/**
 * Ranking, shared by the plain scan and the full-text index so that both give the same
 * order for the same query (tests/unit/search.test.ts checks it on a generated corpus).
 *
 * Every query word must match (in the title, the front matter's values or the body). Per
 * word and post: `w` = 3 per match in the front matter + 1 per match in the body, a match
 * that is only a prefix (`gard` in `garden`) counting half, capped at CAP; the word scores
 * BM25's saturation of `w` against the post's length (its word count), plus 2.5 when the
 * title has the word (half for a prefix): more than any number of matches in the text can
 * add (K1 + 1), so title matches come first. Ties go to the newer post, then to the path.
 * There is no IDF: the scan would need a full pass per word to count documents, and
 * saturation already keeps a common word from outweighing a rare one.
 */

export const META_WEIGHT = 3;
export const TITLE_WEIGHT = 2.5;
export const PREFIX_WEIGHT = 0.5;
/** Matches past this no longer change a score (and the scan stops counting). */
export const CAP = 10;
const K1 = 1.2;
const B = 0.75;

/**
 * The part of a word's score that depends on the post alone (BM25's length normalisation):
 * the index works it out once per post rather than once per post and word.
 */
export function lengthNorm(length: number, avgLength: number): number {
  return K1 * (1 - B + (B * Math.max(1, length)) / avgLength);
}

/** The score one query word adds to a post of `lengthNorm` `norm`. `title` is 1 (the title has it), 0.5 (as a prefix) or 0. */
export function contributionNormed(w: number, title: number, norm: number): number {
  if (w <= 0) return title * TITLE_WEIGHT;
  const tf = Math.min(CAP, w);
  return (tf * (K1 + 1)) / (tf + norm) + title * TITLE_WEIGHT;
}

/** The score one query word adds to a post of `length` words. */
export function contribution(w: number, title: number, length: number, avgLength: number): number {
  return contributionNormed(w, title, lengthNorm(length, avgLength));
}

export interface Ranked {
  id: number;
  score: number;
  dateValue: number | null;
  path: string;
}

/** Better first: score, then newer, then path. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    b.score - a.score ||
    (b.dateValue ?? -Infinity) - (a.dateValue ?? -Infinity) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
}

/** Keeps the best `limit` of what is offered, without sorting everything. */
export class TopK {
  readonly items: Ranked[] = [];
  constructor(private readonly limit: number) {}

  /** Offers a post; cheap to refuse (no allocation) when it cannot make the list. */
  offer(id: number, score: number, dateValue: number | null, path: string): void {
    const { items, limit } = this;
    if (items.length === limit && score < items[items.length - 1]!.score) return;
    const item: Ranked = { id, score, dateValue, path };
    if (items.length === limit && compareRanked(item, items[items.length - 1]!) >= 0) return;
    let at = items.length;
    while (at > 0 && compareRanked(item, items[at - 1]!) < 0) at--;
    items.splice(at, 0, item);
    if (items.length > limit) items.pop();
  }
}

/**
 * A posting's weight is kept to a byte. That changes no score: past CAP / PREFIX_WEIGHT a
 * single term saturates the query word's count (capped at CAP) even as a prefix.
 */
export const MAX_WEIGHT = 255;
if (MAX_WEIGHT * PREFIX_WEIGHT < CAP) throw new Error('MAX_WEIGHT would change scores');
