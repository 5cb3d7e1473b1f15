/**
 * The postings of the posts added to the full-text index since its last seal, kept in a
 * few flat typed arrays in the order they come (post by post) rather than in an array per
 * term: building 10,000 posts then leaves no 145,000 arrays of 4 million numbers behind
 * for the collector to go through right when the index starts answering. Sealing
 * (segments.ts) sorts them by term with one counting pass.
 */
import { MAX_WEIGHT } from './score.ts';

function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T, need: number): T {
  if (array.length >= need) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(need, array.length * 2));
  bigger.set(array);
  return bigger;
}

export class PendingPostings {
  private readonly ids = new Map<string, number>();
  /** Terms by pending id, in the order first seen. */
  readonly terms: string[] = [];
  /** Scratch per term id while a post is added: its weight in the post. */
  private weight = new Float64Array(1024);
  /** Per term id: the last post (id + 1) whose title had it. */
  private lastTitle = new Int32Array(1024);
  private touched: number[] = [];
  /** Posting k: term id, post id, weight. */
  postTerm = new Int32Array(4096);
  postDoc = new Int32Array(4096);
  postWeight = new Uint8Array(4096);
  size = 0;
  /** Title posting k: term id, post id. */
  titleTerm = new Int32Array(1024);
  titleDoc = new Int32Array(1024);
  titleSize = 0;

  get empty(): boolean {
    return this.size === 0 && this.titleSize === 0;
  }

  private id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.weight = grown(this.weight, id + 1);
      this.lastTitle = grown(this.lastTitle, id + 1);
    }
    return id;
  }

  /** Counts one occurrence of `term` in the post being added. */
  count(term: string, by: number): void {
    const id = this.id(term);
    if (this.weight[id] === 0) this.touched.push(id);
    this.weight[id]! += by;
  }

  /** Ends the post being added: one posting per term it had (post ids grow from post to post). */
  endPost(doc: number): void {
    const { touched } = this;
    const need = this.size + touched.length;
    this.postTerm = grown(this.postTerm, need);
    this.postDoc = grown(this.postDoc, need);
    this.postWeight = grown(this.postWeight, need);
    for (const id of touched) {
      const k = this.size++;
      this.postTerm[k] = id;
      this.postDoc[k] = doc;
      this.postWeight[k] = Math.min(MAX_WEIGHT, this.weight[id]!);
      this.weight[id] = 0;
    }
    touched.length = 0;
  }

  /** Notes that post `doc`'s title has `term` (once per post). */
  title(term: string, doc: number): void {
    const id = this.id(term);
    if (this.lastTitle[id] === doc + 1) return;
    this.lastTitle[id] = doc + 1;
    const k = this.titleSize++;
    this.titleTerm = grown(this.titleTerm, k + 1);
    this.titleDoc = grown(this.titleDoc, k + 1);
    this.titleTerm[k] = id;
    this.titleDoc[k] = doc;
  }
}
