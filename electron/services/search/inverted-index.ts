/**
 * The full-text index: for each term, the posts that contain it (in the front matter's
 * values or the body) with a weight (3 per front-matter occurrence + 1 per body
 * occurrence), and the posts whose title contains it. A query word expands to every term
 * it is a prefix of.
 *
 * Written here rather than taken from MiniSearch or FlexSearch: on 2,000 of the benchmark
 * posts MiniSearch took 12 s to build and FlexSearch 13 s (forward tokenizer) or 4.6 s
 * (strict), so 25-65 s for 10,000 on this machine; this one builds the 10,000 in a few
 * seconds, in slices off the critical path, and ranks exactly as the plain scan (score.ts),
 * which answers until it is ready.
 *
 * Posts are added to a pending part, then sealed into a segment (segments.ts): terms
 * sorted, postings in flat typed arrays in term order, so the terms a query word is a
 * prefix of (`the` → 2,700 terms, 76,000 postings on the benchmark corpus) are one range
 * found by two binary searches and read in one loop over contiguous memory. A changed
 * post gets a new id (ids only grow) and a segment of its own, merged with its neighbours
 * as they add up; its old postings stay, dead, and are skipped when ranked.
 */
import type { SearchDoc } from './documents.ts';
import { PREFIX_WEIGHT, TopK, contributionNormed, lengthNorm, type Ranked } from './score.ts';
import { PendingPostings } from './pending.ts';
import { mergeSegments, prefixEnd, sealPending, lowerBound, type Segment } from './segments.ts';
import { CJK, MAX_TERM, WORD, kindOf, type QueryTerm } from './text.ts';

export class InvertedIndex {
  /** Sealed, oldest first; a later segment holds only higher post ids. */
  private segments: Segment[] = [];
  /** Terms of the posts added since the last seal. */
  private pending = new PendingPostings();
  /** Word count per post id (BM25's length), read in a query without touching the posts. */
  private lengths = new Float64Array(1024);
  /**
   * Scratch per post id while a query runs: the word's weight (sums of bytes and halves,
   * exact in a float) and title match, the score so far, and the last word the post
   * matched (every word must match).
   */
  private w = new Float32Array(0);
  private title = new Float32Array(0);
  private score = new Float64Array(0);
  private survived = new Int32Array(0);
  private generation = 0;
  /** lengthNorm per post id for `normsAvg`, worked out for ids below `normsFor`. */
  private norms = new Float64Array(0);
  private normsAvg = NaN;
  private normsFor = 0;
  /** A small heap (the best scores so far) and the posts that made it, for best(). */
  private heap = new Float64Array(0);
  private candidates = new Int32Array(0);

  /** Distinct terms over the segments (a term in two segments counts twice). */
  get termCount(): number {
    let n = this.pending.terms.length;
    for (const segment of this.segments) n += segment.terms.length;
    return n;
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  /** Calls `visit(term)` for each term of lowercased `text`. */
  private tokens(text: string, visit: (term: string) => void): void {
    let start = -1;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const kind = i < n ? kindOf(text.charCodeAt(i)) : 0;
      if (kind === WORD) {
        if (start === -1) start = i;
        continue;
      }
      if (start !== -1) {
        const length = i - start;
        if (length >= 2 && length <= MAX_TERM) visit(text.slice(start, i));
        start = -1;
      }
      if (kind === CJK) visit(text[i]!);
    }
  }

  /** Adds a post (ids must grow from call to call). Searches see it once sealed (a search seals first). */
  add(doc: SearchDoc, body: string): void {
    const id = doc.id;
    if (id >= this.lengths.length) {
      const grown = new Float64Array(Math.max(id + 1, this.lengths.length * 2));
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[id] = doc.length;
    if (id < this.normsFor) this.normsFor = id;
    const { pending } = this;
    this.tokens(doc.meta, (term) => pending.count(term, 3));
    this.tokens(body, (term) => pending.count(term, 1));
    pending.endPost(id);
    this.tokens(doc.titleLower, (term) => pending.title(term, id));
  }

  /** One step at a time: seals the pending terms into a segment, then merges segments of like size. */
  private *seal(): Generator<void, void, void> {
    if (this.pending.empty) return;
    const pending = this.pending;
    this.pending = new PendingPostings();
    const sealed = yield* sealPending(pending);
    this.segments = [...this.segments, sealed];
    // Like a binary counter: a few segments of growing size, each post copied O(log n) times.
    for (;;) {
      const { segments } = this;
      const n = segments.length;
      if (n < 2 || segments[n - 1]!.docs.length * 2 < segments[n - 2]!.docs.length) break;
      const merged = yield* mergeSegments(segments[n - 2]!, segments[n - 1]!);
      this.segments = [...segments.slice(0, n - 2), merged];
    }
  }

  /**
   * Seals what was added since the last call. Calls `pause` between pieces of work (the
   * caller yields to the event loop there when its time slice is used up); no other call
   * may run on the index until it resolves.
   */
  async finalize(pause: () => Promise<void> = async () => undefined): Promise<void> {
    const steps = this.seal();
    while (!steps.next().done) await pause();
  }

  /** Seals what was added since the last seal, right away. */
  private sealNow(): void {
    const steps = this.seal();
    while (!steps.next().done);
  }

  private ensureScratch(size: number): void {
    if (this.w.length >= size) return;
    const n = Math.max(size, this.w.length * 2, 1024);
    this.w = new Float32Array(n);
    this.title = new Float32Array(n);
    this.score = new Float64Array(n);
    this.survived = new Int32Array(n);
    this.generation = 0;
    this.candidates = new Int32Array(n);
  }

  /** lengthNorm of every post below `n` for this average length (it changes only when posts do). */
  private normsOf(n: number, avgLength: number): Float64Array {
    if (this.normsAvg !== avgLength) {
      this.normsAvg = avgLength;
      this.normsFor = 0;
    }
    if (this.norms.length < n) {
      const grown = new Float64Array(Math.max(n, this.norms.length * 2, 1024));
      grown.set(this.norms.subarray(0, this.normsFor));
      this.norms = grown;
    }
    const { norms, lengths } = this;
    for (let d = this.normsFor; d < n; d++) norms[d] = lengthNorm(lengths[d] ?? 0, avgLength);
    this.normsFor = Math.max(this.normsFor, n);
    return norms;
  }

  /**
   * The best `limit` posts for the query, ranked as the scan ranks them. Per word, the
   * postings of the terms it is a prefix of are added into `w` and `title` (one range per
   * segment, no branch per posting), then one pass over the post ids scores the posts
   * that have matched every word so far. The posts themselves are looked at (dead or
   * alive, date, path) only for a score that makes the list so far.
   */
  search(
    docs: readonly SearchDoc[],
    terms: readonly QueryTerm[],
    avgLength: number,
    limit: number,
  ): Ranked[] {
    if (terms.length === 0 || limit <= 0) return [];
    if (!this.pending.empty) this.sealNow();
    const n = docs.length;
    this.ensureScratch(n);
    const { w, title } = this;
    const norms = this.normsOf(n, avgLength);
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const text = term.text;
      w.fill(0, 0, n);
      title.fill(0, 0, n);
      for (const segment of this.segments) {
        const sorted = segment.terms;
        const lo = lowerBound(sorted, text);
        if (lo === sorted.length) continue;
        const exact = sorted[lo] === text ? lo + 1 : lo;
        // A kana or ideograph matches only itself (no longer term starts with one anyway).
        const hi = term.cjk ? exact : prefixEnd(sorted, text, exact);
        if (hi === lo) continue;
        const { postStart, titleStart } = segment;
        addWeights(w, segment.docs, segment.weights, postStart[lo]!, postStart[exact]!, 1);
        addWeights(
          w,
          segment.docs,
          segment.weights,
          postStart[exact]!,
          postStart[hi]!,
          PREFIX_WEIGHT,
        );
        addTitles(title, segment.titleDocs, titleStart[lo]!, titleStart[exact]!, 1);
        addTitles(title, segment.titleDocs, titleStart[exact]!, titleStart[hi]!, PREFIX_WEIGHT);
      }
      const generation = ++this.generation;
      const matched = scoreWord(this.score, this.survived, w, title, norms, n, t === 0, generation);
      if (matched === 0) return [];
    }
    if (this.heap.length < limit) this.heap = new Float64Array(limit);
    return best(
      docs,
      this.score,
      this.survived,
      this.generation,
      this.heap,
      this.candidates,
      limit,
    );
  }
}

/** Adds postings [from, to) of a term range, each weight times `ex`, into `w` by post id. */
function addWeights(
  w: Float32Array,
  docs: Int32Array,
  weights: Uint8Array,
  from: number,
  to: number,
  ex: number,
): void {
  for (let k = from; k < to; k++) w[docs[k]!]! += weights[k]! * ex;
}

/** A post's title match is the best of its terms': 1 exact, PREFIX_WEIGHT as a prefix. */
function addTitles(
  title: Float32Array,
  docs: Int32Array,
  from: number,
  to: number,
  ex: number,
): void {
  for (let k = from; k < to; k++) {
    const d = docs[k]!;
    if (title[d]! < ex) title[d] = ex;
  }
}

/**
 * Adds the word's contribution to the score of each post that matched it and every word
 * before (`survived` holds the generation of the last word a post matched); returns how
 * many did. Scores add up word by word in query order, as the scan's do.
 */
function scoreWord(
  score: Float64Array,
  survived: Int32Array,
  w: Float32Array,
  title: Float32Array,
  norms: Float64Array,
  n: number,
  first: boolean,
  generation: number,
): number {
  let matched = 0;
  for (let d = 0; d < n; d++) {
    const wd = w[d]!;
    const td = title[d]!;
    if (wd === 0 && td === 0) continue;
    if (first) {
      score[d] = contributionNormed(wd, td, norms[d]!);
    } else {
      if (survived[d] !== generation - 1) continue;
      score[d] = score[d]! + contributionNormed(wd, td, norms[d]!);
    }
    survived[d] = generation;
    matched++;
  }
  return matched;
}

/**
 * The best `limit` live posts among those that matched the last word (and so every word).
 * A first pass keeps the best `limit` scores in a small heap (no allocation) and notes the
 * posts that reached it; only those with at least the final `limit`-th score are ranked
 * in full (ties included: they are broken by date and path).
 */
function best(
  docs: readonly SearchDoc[],
  score: Float64Array,
  survived: Int32Array,
  generation: number,
  heap: Float64Array,
  candidates: Int32Array,
  limit: number,
): Ranked[] {
  let size = 0;
  let found = 0;
  for (let d = 0; d < docs.length; d++) {
    if (survived[d] !== generation) continue;
    const s = score[d]!;
    if (size === limit && s < heap[0]!) continue;
    if (!docs[d]!.live) continue;
    candidates[found++] = d;
    if (size < limit) {
      // Sift up: the heap's root is its lowest score.
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heap[parent]! <= s) break;
        heap[at] = heap[parent]!;
        at = parent;
      }
      heap[at] = s;
    } else if (s > heap[0]!) {
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= size) break;
        if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
        if (heap[child]! >= s) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = s;
    }
  }
  const least = size === limit ? heap[0]! : -Infinity;
  const top = new TopK(limit);
  for (let k = 0; k < found; k++) {
    const d = candidates[k]!;
    const s = score[d]!;
    if (s < least) continue;
    const doc = docs[d]!;
    top.offer(d, s, doc.dateValue, doc.path);
  }
  return top.items;
}
