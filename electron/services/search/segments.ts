/**
 * The sealed pieces of the full-text index (inverted-index.ts). A segment's terms are
 * sorted (by UTF-16 code unit, as `<` compares), and term `i`'s postings are
 * `docs[postStart[i] .. postStart[i + 1])` with their `weights`, its title postings
 * `titleDocs[titleStart[i] .. titleStart[i + 1])`: the terms a query word is a prefix of
 * are one run of terms, so their postings are one run of each array.
 *
 * Sealing and merging are generators that yield between pieces of work, so the index can
 * build 10,000 posts in slices of a few milliseconds or seal one changed post at once.
 */
import type { PendingPostings } from './pending.ts';

export interface Segment {
  terms: string[];
  postStart: Int32Array;
  docs: Int32Array;
  weights: Uint8Array;
  titleStart: Int32Array;
  titleDocs: Int32Array;
}

/** About this many postings copied (or terms sorted) between two yields. */
const STEP = 1 << 16;

/** The first index whose term is not below `text`. */
export function lowerBound(sorted: readonly string[], text: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The end of the run of terms from `from` (the first not below `text`) that start with `text`. */
export function prefixEnd(sorted: readonly string[], text: string, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.startsWith(text)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A segment of the pending postings: terms sorted, then postings placed by one counting pass. */
export function* sealPending(pending: PendingPostings): Generator<void, Segment, void> {
  // Sorted a first character at a time (a few thousand terms each, not 145,000 at once):
  // buckets in code order are then the whole order.
  const byFirst = new Map<number, string[]>();
  for (const term of pending.terms) {
    const first = term.charCodeAt(0);
    const bucket = byFirst.get(first);
    if (bucket) bucket.push(term);
    else byFirst.set(first, [term]);
  }
  const terms: string[] = [];
  for (const first of [...byFirst.keys()].sort((a, b) => a - b)) {
    const bucket = byFirst.get(first)!.sort();
    for (const term of bucket) terms.push(term);
    yield;
  }
  const n = terms.length;
  // Pending id -> place in sorted order.
  const rankOf = new Map<string, number>();
  for (let r = 0; r < n; r++) rankOf.set(terms[r]!, r);
  const rank = new Int32Array(n);
  for (let id = 0; id < n; id++) rank[id] = rankOf.get(pending.terms[id]!)!;
  yield;
  const place = (size: number, termOf: Int32Array): { start: Int32Array; order: Int32Array } => {
    const start = new Int32Array(n + 1);
    for (let k = 0; k < size; k++) start[rank[termOf[k]!]! + 1]!++;
    for (let r = 0; r < n; r++) start[r + 1]! += start[r]!;
    // order[k]: where posting k goes (postings keep their order within a term: post ids ascending).
    const next = start.slice(0, n);
    const order = new Int32Array(size);
    for (let k = 0; k < size; k++) order[k] = next[rank[termOf[k]!]!]!++;
    return { start, order };
  };
  const posts = place(pending.size, pending.postTerm);
  yield;
  const docs = new Int32Array(pending.size);
  const weights = new Uint8Array(pending.size);
  for (let k = 0; k < pending.size; k++) {
    const at = posts.order[k]!;
    docs[at] = pending.postDoc[k]!;
    weights[at] = pending.postWeight[k]!;
    if ((k & (STEP - 1)) === STEP - 1) yield;
  }
  const titles = place(pending.titleSize, pending.titleTerm);
  const titleDocs = new Int32Array(pending.titleSize);
  for (let k = 0; k < pending.titleSize; k++) titleDocs[titles.order[k]!] = pending.titleDoc[k]!;
  return {
    terms,
    postStart: posts.start,
    docs,
    weights,
    titleStart: titles.start,
    titleDocs,
  };
}

/** One segment with the terms of both; `b`'s posts come after `a`'s. */
export function* mergeSegments(a: Segment, b: Segment): Generator<void, Segment, void> {
  const na = a.terms.length;
  const nb = b.terms.length;
  const terms: string[] = [];
  // For each merged term, its index in a and in b (-1 where it is not).
  const inA = new Int32Array(na + nb);
  const inB = new Int32Array(na + nb);
  let i = 0;
  let j = 0;
  while (i < na || j < nb) {
    const x = i < na ? a.terms[i]! : null;
    const y = j < nb ? b.terms[j]! : null;
    const k = terms.length;
    if (y === null || (x !== null && x < y)) {
      terms.push(x!);
      inA[k] = i++;
      inB[k] = -1;
    } else if (x === null || y < x) {
      terms.push(y);
      inA[k] = -1;
      inB[k] = j++;
    } else {
      terms.push(x);
      inA[k] = i++;
      inB[k] = j++;
    }
    if ((k & (STEP - 1)) === STEP - 1) yield;
  }
  const n = terms.length;
  const docs = new Int32Array(a.docs.length + b.docs.length);
  const weights = new Uint8Array(docs.length);
  const titleDocs = new Int32Array(a.titleDocs.length + b.titleDocs.length);
  const postStart = new Int32Array(n + 1);
  const titleStart = new Int32Array(n + 1);
  let postings = 0;
  let titled = 0;
  let work = 0;
  const take = (segment: Segment, at: number) => {
    const start = segment.postStart[at]!;
    const end = segment.postStart[at + 1]!;
    docs.set(segment.docs.subarray(start, end), postings);
    weights.set(segment.weights.subarray(start, end), postings);
    postings += end - start;
    const titleFrom = segment.titleStart[at]!;
    const titleTo = segment.titleStart[at + 1]!;
    if (titleTo > titleFrom) titleDocs.set(segment.titleDocs.subarray(titleFrom, titleTo), titled);
    titled += titleTo - titleFrom;
    work += end - start + 8;
  };
  for (let k = 0; k < n; k++) {
    postStart[k] = postings;
    titleStart[k] = titled;
    if (inA[k]! >= 0) take(a, inA[k]!);
    if (inB[k]! >= 0) take(b, inB[k]!);
    if (work > STEP) {
      work = 0;
      yield;
    }
  }
  postStart[n] = postings;
  titleStart[n] = titled;
  return { terms, postStart, docs, weights, titleStart, titleDocs };
}
