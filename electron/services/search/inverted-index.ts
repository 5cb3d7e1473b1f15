/**
 * The full-text index: for each term, the posts that contain it (in the front matter's
 * values or the body) with a weight (3 per front-matter occurrence + 1 per body
 * occurrence), and the posts whose title contains it. A query word expands to every term
 * it is a prefix of, found by binary search in the terms sorted per first character.
 *
 * Written here rather than taken from MiniSearch or FlexSearch: on 2,000 of the benchmark
 * posts MiniSearch took 12 s to build and FlexSearch 13 s (forward tokenizer) or 4.6 s
 * (strict), so 25-65 s for 10,000 on this machine; this one builds the 10,000 in a few
 * seconds, in slices off the critical path, and ranks exactly as the plain scan (score.ts),
 * which answers until it is ready. Posts are added in id order, so posting lists stay
 * sorted; a changed post gets a new id and its old postings are skipped as dead.
 */
import type { SearchDoc } from './documents.ts';
import { PREFIX_WEIGHT, TopK, contribution, type Ranked } from './score.ts';
import { CJK, MAX_TERM, WORD, kindOf, type QueryTerm } from './text.ts';

type Postings = { docs: number[] | Int32Array; weights: number[] | Uint16Array };

export class InvertedIndex {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postings: Postings[] = [];
  private readonly titles: Array<number[] | undefined> = [];
  /** Term ids by first character, sorted by term; terms added since sit in `unsorted`. */
  private buckets = new Map<number, number[]>();
  private unsorted: number[] = [];
  private unpacked: number[] = [];
  /** Scratch per term while a post is added. */
  private weight = new Float64Array(1024);
  /** Word count per post id (BM25's length), read in a query without touching the posts. */
  private lengths = new Float64Array(1024);
  private touched: number[] = [];
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

  get termCount(): number {
    return this.terms.length;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.postings.push({ docs: [], weights: [] });
      this.titles.push(undefined);
      this.unsorted.push(id);
      if (id >= this.weight.length) {
        const grown = new Float64Array(this.weight.length * 2);
        grown.set(this.weight);
        this.weight = grown;
      }
    }
    return id;
  }

  /** Calls `visit(termId)` for each term of lowercased `text`. */
  private tokens(text: string, visit: (id: number) => void): void {
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
        if (length >= 2 && length <= MAX_TERM) visit(this.termId(text.slice(start, i)));
        start = -1;
      }
      if (kind === CJK) visit(this.termId(text[i]!));
    }
  }

  /** Adds a post (ids must grow from call to call). */
  add(doc: SearchDoc, body: string): void {
    if (doc.id >= this.lengths.length) {
      const grown = new Float64Array(Math.max(doc.id + 1, this.lengths.length * 2));
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[doc.id] = doc.length;
    const { touched } = this;
    const count = (by: number) => (id: number) => {
      if (this.weight[id] === 0) touched.push(id);
      this.weight[id]! += by;
    };
    this.tokens(doc.meta, count(3));
    this.tokens(body, count(1));
    for (const id of touched) {
      const postings = this.postings[id]!;
      if (!Array.isArray(postings.docs)) {
        // Packed by finalize(): back to arrays until the next one packs it again.
        postings.docs = Array.from(postings.docs);
        postings.weights = Array.from(postings.weights);
        this.unpacked.push(id);
      }
      (postings.docs as number[]).push(doc.id);
      (postings.weights as number[]).push(Math.min(65535, this.weight[id]!));
      this.weight[id] = 0;
    }
    touched.length = 0;
    const seen = new Set<number>();
    this.tokens(doc.titleLower, (id) => {
      if (seen.has(id)) return;
      seen.add(id);
      (this.titles[id] ??= []).push(doc.id);
    });
  }

  /**
   * Sorts the terms added since the last call into their buckets and packs posting lists
   * into typed arrays (a third of the memory). Calls `pause` between pieces of work (the
   * caller yields to the event loop there when its time slice is used up).
   */
  async finalize(pause: () => Promise<void> = async () => undefined): Promise<void> {
    const added = this.unsorted;
    this.unsorted = [];
    const byFirst = new Map<number, number[]>();
    for (const id of added) {
      const first = this.terms[id]!.charCodeAt(0);
      let list = byFirst.get(first);
      if (!list) byFirst.set(first, (list = []));
      list.push(id);
    }
    const compare = (a: number, b: number) => {
      const x = this.terms[a]!;
      const y = this.terms[b]!;
      return x < y ? -1 : x > y ? 1 : 0;
    };
    for (const id of this.unpacked.splice(0)) this.pack(id);
    for (const [first, ids] of byFirst) {
      const merged = [...(this.buckets.get(first) ?? []), ...ids].sort(compare);
      this.buckets.set(first, merged);
      await pause();
      for (let i = 0; i < ids.length; i++) {
        this.pack(ids[i]!);
        if ((i & 1023) === 1023) await pause();
      }
    }
  }

  private pack(id: number): void {
    const postings = this.postings[id]!;
    if (Array.isArray(postings.docs)) {
      postings.docs = Int32Array.from(postings.docs);
      postings.weights = Uint16Array.from(postings.weights as number[]);
    }
  }

  /** Ids of the terms that `term` is a prefix of (or equal to, for kana and ideographs). */
  expand(term: QueryTerm): number[] {
    const exact = this.termIds.get(term.text);
    if (term.cjk) return exact === undefined ? [] : [exact];
    const out: number[] = [];
    const bucket = this.buckets.get(term.text.charCodeAt(0));
    if (bucket) {
      let lo = 0;
      let hi = bucket.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.terms[bucket[mid]!]! < term.text) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < bucket.length && this.terms[bucket[i]!]!.startsWith(term.text); i++) {
        out.push(bucket[i]!);
      }
    }
    for (const id of this.unsorted) if (this.terms[id]!.startsWith(term.text)) out.push(id);
    return out;
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
    this.ensureScratch(docs.length);
    const { stamp, w, title, score, survived, lengths } = this;
    let touched = this.touchedA;
    let count = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const generation = ++this.generation;
      count = 0;
      for (const id of this.expand(term)) {
        const ex = this.terms[id] === term.text ? 1 : PREFIX_WEIGHT;
        const { docs: postingDocs, weights } = this.postings[id]!;
        for (let k = 0; k < postingDocs.length; k++) {
          const d = postingDocs[k]!;
          if (stamp[d] !== generation) {
            stamp[d] = generation;
            w[d] = 0;
            title[d] = 0;
            touched[count++] = d;
          }
          w[d]! += weights[k]! * ex;
        }
        const titled = this.titles[id];
        if (titled === undefined) continue;
        for (let k = 0; k < titled.length; k++) {
          const d = titled[k]!;
          if (stamp[d] !== generation) {
            stamp[d] = generation;
            w[d] = 0;
            title[d] = 0;
            touched[count++] = d;
          }
          if (title[d]! < ex) title[d] = ex;
        }
      }
      // Every word must match: keep the posts that matched all the words before.
      const kept = touched === this.touchedA ? this.touchedB : this.touchedA;
      let n = 0;
      for (let k = 0; k < count; k++) {
        const d = touched[k]!;
        if (t > 0 && survived[d] !== generation - 1) continue;
        score[d] =
          (t === 0 ? 0 : score[d]!) + contribution(w[d]!, title[d]!, lengths[d]!, avgLength);
        survived[d] = generation;
        kept[n++] = d;
      }
      touched = kept;
      count = n;
      if (count === 0) return [];
    }
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
