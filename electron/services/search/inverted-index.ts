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
import { PREFIX_WEIGHT, TopK, contribution, type Ranked } from './score.ts';
import {
  MAX_WEIGHT,
  mergeSegments,
  prefixEnd,
  sealPending,
  lowerBound,
  type PendingTerm,
  type Segment,
} from './segments.ts';
import { CJK, MAX_TERM, WORD, kindOf, type QueryTerm } from './text.ts';

export class InvertedIndex {
  /** Sealed, oldest first; a later segment holds only higher post ids. */
  private segments: Segment[] = [];
  /** Terms of the posts added since the last seal. */
  private pending = new Map<string, PendingTerm>();
  /** Word count per post id (BM25's length), read in a query without touching the posts. */
  private lengths = new Float64Array(1024);
  /** Scratch per post while a query runs. */
  private stamp = new Int32Array(0);
  private w = new Float64Array(0);
  private title = new Float64Array(0);
  private score = new Float64Array(0);
  private survived = new Int32Array(0);
  /** Posts touched by a query word, and those that survive it (swapped word to word). */
  private touchedA = new Int32Array(0);
  private touchedB = new Int32Array(0);
  private generation = 0;

  /** Distinct terms over the segments (a term in two segments counts twice). */
  get termCount(): number {
    let n = this.pending.size;
    for (const segment of this.segments) n += segment.terms.length;
    return n;
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  private entry(term: string): PendingTerm {
    let entry = this.pending.get(term);
    if (entry === undefined) {
      entry = { docs: [], weights: [], titles: null };
      this.pending.set(term, entry);
    }
    return entry;
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
    // Ids grow, so a term's last posting is this post's once the post has the term.
    const count = (by: number) => (term: string) => {
      const { docs, weights } = this.entry(term);
      const last = docs.length - 1;
      if (last >= 0 && docs[last] === id) {
        if (weights[last]! < MAX_WEIGHT) weights[last] = Math.min(MAX_WEIGHT, weights[last]! + by);
      } else {
        docs.push(id);
        weights.push(by);
      }
    };
    this.tokens(doc.meta, count(3));
    this.tokens(body, count(1));
    this.tokens(doc.titleLower, (term) => {
      const entry = this.entry(term);
      const titles = (entry.titles ??= []);
      if (titles[titles.length - 1] !== id) titles.push(id);
    });
  }

  /** One step at a time: seals the pending terms into a segment, then merges segments of like size. */
  private *seal(): Generator<void, void, void> {
    if (this.pending.size === 0) return;
    const pending = this.pending;
    this.pending = new Map();
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
    if (this.stamp.length >= size) return;
    const n = Math.max(size, this.stamp.length * 2, 1024);
    this.stamp = new Int32Array(n);
    this.w = new Float64Array(n);
    this.title = new Float64Array(n);
    this.score = new Float64Array(n);
    this.survived = new Int32Array(n);
    this.touchedA = new Int32Array(n);
    this.touchedB = new Int32Array(n);
    this.generation = 0;
  }

  /**
   * Adds postings [from, to) with weight factor `ex` to the query word's scratch; a post
   * seen first gets its slot in `touched` at `count`. After the first word, only the posts
   * that matched every word before (`survived` = the previous generation) count.
   */
  private accumulate(
    docs: Int32Array,
    weights: Uint8Array,
    from: number,
    to: number,
    ex: number,
    first: boolean,
    count: number,
  ): number {
    const { stamp, w, title, survived } = this;
    const touched = this.current;
    const generation = this.generation;
    for (let k = from; k < to; k++) {
      const d = docs[k]!;
      if (stamp[d] !== generation) {
        if (!first && survived[d] !== generation - 1) continue;
        stamp[d] = generation;
        w[d] = 0;
        title[d] = 0;
        touched[count++] = d;
      }
      w[d]! += weights[k]! * ex;
    }
    return count;
  }

  /** As accumulate, for title postings: the post's title match is the best of its terms. */
  private accumulateTitles(
    docs: Int32Array,
    from: number,
    to: number,
    ex: number,
    first: boolean,
    count: number,
  ): number {
    const { stamp, w, title, survived } = this;
    const touched = this.current;
    const generation = this.generation;
    for (let k = from; k < to; k++) {
      const d = docs[k]!;
      if (stamp[d] !== generation) {
        if (!first && survived[d] !== generation - 1) continue;
        stamp[d] = generation;
        w[d] = 0;
        title[d] = 0;
        touched[count++] = d;
      }
      if (title[d]! < ex) title[d] = ex;
    }
    return count;
  }

  /** The list the current query word fills (`touchedA` or `touchedB`). */
  private current = new Int32Array(0);

  /**
   * The best `limit` posts for the query, ranked as the scan ranks them. The loops over
   * posting lists touch only typed arrays (scratch per post id, `lengths`); the posts
   * themselves are looked at (dead or alive, date, path) only for a score that makes the
   * list so far.
   */
  search(
    docs: readonly SearchDoc[],
    terms: readonly QueryTerm[],
    avgLength: number,
    limit: number,
  ): Ranked[] {
    if (terms.length === 0) return [];
    if (this.pending.size) this.sealNow();
    this.ensureScratch(docs.length);
    const { score, survived, lengths } = this;
    let count = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const text = term.text;
      const first = t === 0;
      const generation = ++this.generation;
      this.current = this.current === this.touchedA ? this.touchedB : this.touchedA;
      count = 0;
      for (const segment of this.segments) {
        const sorted = segment.terms;
        const lo = lowerBound(sorted, text);
        if (lo === sorted.length) continue;
        const exact = sorted[lo] === text ? lo + 1 : lo;
        // A kana or ideograph matches only itself (no longer term starts with one anyway).
        const hi = term.cjk ? exact : prefixEnd(sorted, text, exact);
        if (hi === lo) continue;
        const { postStart, titleStart } = segment;
        count = this.accumulate(
          segment.docs,
          segment.weights,
          postStart[lo]!,
          postStart[exact]!,
          1,
          first,
          count,
        );
        count = this.accumulate(
          segment.docs,
          segment.weights,
          postStart[exact]!,
          postStart[hi]!,
          PREFIX_WEIGHT,
          first,
          count,
        );
        count = this.accumulateTitles(
          segment.titleDocs,
          titleStart[lo]!,
          titleStart[exact]!,
          1,
          first,
          count,
        );
        count = this.accumulateTitles(
          segment.titleDocs,
          titleStart[exact]!,
          titleStart[hi]!,
          PREFIX_WEIGHT,
          first,
          count,
        );
      }
      // Every word must match: the posts counted are those that matched all the words before.
      const touched = this.current;
      const { w, title } = this;
      for (let k = 0; k < count; k++) {
        const d = touched[k]!;
        score[d] = (first ? 0 : score[d]!) + contribution(w[d]!, title[d]!, lengths[d]!, avgLength);
        survived[d] = generation;
      }
      if (count === 0) return [];
    }
    const touched = this.current;
    const top = new TopK(limit);
    for (let k = 0; k < count; k++) {
      const d = touched[k]!;
      const s = score[d]!;
      if (top.items.length === limit && s < top.items[limit - 1]!.score) continue;
      const doc = docs[d]!;
      if (doc.live) top.offer(d, s, doc.dateValue, doc.path);
    }
    return top.items;
  }
}
