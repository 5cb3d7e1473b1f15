/**
 * Full-text search over the open blog, usable right after the folder opens.
 *
 * Once the library index is ready, the posts' texts are loaded (lowercased) in slices of a
 * few milliseconds with the event loop let through between them, and from then on a
 * search answers by a plain scan over them (scan.ts). The full-text index (inverted-
 * index.ts) is then built the same way in the background, and searches switch to it
 * when it is ready; the texts are dropped then (the index holds what it needs; snippets
 * re-read the few posts they show). Both rank the same way (score.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchHit } from '../../../shared/models.ts';
import { yieldToLoop, type Library, type LibraryChange } from '../library/library.ts';
import { bodyOf, makeDoc, type SearchDoc } from './documents.ts';
import { InvertedIndex } from './inverted-index.ts';
import { scanSearch } from './scan.ts';
import type { Ranked } from './score.ts';
import { snippetsOf } from './snippets.ts';
import { lowerSameLength, parseQuery, type QueryTerm } from './text.ts';

export type SearchPhase = 'preparing' | 'scan' | 'index';

export interface SearchOptions {
  /** Longest stretch of background work before the event loop gets a turn. */
  sliceMs?: number;
  /** False keeps the scan (benchmarks of the scan, tests comparing the two). */
  buildIndex?: boolean;
}

export const DEFAULT_LIMIT = 20;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export class SearchService {
  private docs: SearchDoc[] = [];
  private byPath = new Map<string, number>();
  private index: InvertedIndex | null = null;
  private phaseNow: SearchPhase = 'preparing';
  private generation = 0;
  private prepared = deferred();
  private indexed = deferred();
  private lengthSum = 0;
  private liveCount = 0;
  /** Posts changed while texts were loading: applied once they are. */
  private pending = new Set<string>();
  /** Original (and lowercased) bodies of recently shown posts, for snippets. */
  private bodies = new Map<number, { body: string; lower: string }>();
  private unsubscribe: (() => void) | null = null;
  private readonly sliceMs: number;

  constructor(
    private readonly library: Library,
    private readonly options: SearchOptions = {},
  ) {
    this.sliceMs = options.sliceMs ?? 10;
  }

  get phase(): SearchPhase {
    return this.phaseNow;
  }

  private begun = false;

  /**
   * Follows the library: texts load once it has loaded and `after` has settled, or as soon
   * as a search asks; changes are applied as they come. Loading the texts of 10,000 posts is
   * over a second of the main process's time: the app lets the window start first.
   */
  start(after?: Promise<unknown>): void {
    this.unsubscribe = this.library.onChange((change) => this.onChange(change));
    if (after) void after.then(() => this.begin());
    else this.begin();
  }

  private begin(): void {
    if (this.begun) return;
    this.begun = true;
    if (this.library.loaded) this.reset();
  }

  close(): void {
    this.unsubscribe?.();
    this.generation++;
  }

  /** Resolves when searches can be answered (by the scan, at least). */
  whenReady(): Promise<void> {
    this.begin();
    return this.prepared.promise;
  }

  /** Resolves when the full-text index answers. */
  whenIndexed(): Promise<void> {
    this.begin();
    return this.indexed.promise;
  }

  private onChange(change: LibraryChange): void {
    if (!this.begun) return; // begin() reads every post then
    if (change.reset) {
      this.reset();
      return;
    }
    for (const rel of [...change.updated, ...change.removed]) this.pending.add(rel);
    if (this.phaseNow !== 'preparing') this.applyPending();
  }

  private reset(): void {
    const generation = ++this.generation;
    this.docs = [];
    this.byPath.clear();
    this.bodies.clear();
    this.pending.clear();
    this.index = null;
    this.lengthSum = 0;
    this.liveCount = 0;
    if (this.phaseNow !== 'preparing') {
      this.prepared = deferred();
      this.indexed = deferred();
    }
    this.phaseNow = 'preparing';
    void this.prepare(generation);
  }

  private readText(rel: string): string | null {
    try {
      return readFileSync(`${this.library.root}${path.sep}${rel}`, 'utf8');
    } catch {
      return null;
    }
  }

  /** Adds (or replaces) the post at `rel` from the library's entry and the file's text. */
  private addDoc(rel: string, text: string | null): SearchDoc | null {
    const old = this.byPath.get(rel);
    if (old !== undefined) {
      const doc = this.docs[old]!;
      doc.live = false;
      doc.body = null;
      doc.filter = null;
      this.lengthSum -= doc.length;
      this.liveCount--;
      this.byPath.delete(rel);
      this.bodies.delete(old);
    }
    const entry = this.library.entry(rel);
    if (!entry || text === null) return null;
    const doc = makeDoc(this.docs.length, entry, text);
    this.docs.push(doc);
    this.byPath.set(rel, doc.id);
    this.lengthSum += doc.length;
    this.liveCount++;
    return doc;
  }

  private applyPending(): void {
    for (const rel of this.pending) {
      const text = this.library.entry(rel) ? this.readText(rel) : null;
      const doc = this.addDoc(rel, text);
      if (doc && this.index) {
        this.index.add(doc, doc.body!);
        doc.body = null;
        doc.filter = null;
      }
    }
    this.pending.clear();
  }

  private async prepare(generation: number): Promise<void> {
    let slice = performance.now();
    for (const entry of [...this.library.allEntries()]) {
      if (performance.now() - slice > this.sliceMs) {
        await yieldToLoop();
        if (generation !== this.generation) return;
        slice = performance.now();
      }
      const rel = entry.summary.path;
      if (this.library.entry(rel) !== entry) this.pending.add(rel);
      else this.addDoc(rel, this.readText(rel));
    }
    this.phaseNow = 'scan';
    this.applyPending();
    this.prepared.resolve();
    if (this.options.buildIndex !== false) await this.build(generation);
  }

  private async build(generation: number): Promise<void> {
    const index = new InvertedIndex();
    let slice = performance.now();
    let next = 0;
    const pause = async () => {
      if (performance.now() - slice <= this.sliceMs) return;
      await yieldToLoop();
      if (generation !== this.generation) throw new Error('superseded');
      slice = performance.now();
    };
    try {
      // Posts changed during the build are appended to `docs` and picked up here too.
      while (next < this.docs.length) {
        for (; next < this.docs.length; next++) {
          if (performance.now() - slice > this.sliceMs) await pause();
          const doc = this.docs[next]!;
          if (doc.live && doc.body !== null) index.add(doc, doc.body);
        }
        await index.finalize(pause);
      }
    } catch {
      return; // a newer folder (or reload) took over
    }
    this.index = index;
    for (const doc of this.docs) {
      doc.body = null;
      doc.filter = null;
    }
    this.phaseNow = 'index';
    this.indexed.resolve();
  }

  private originalBody(doc: SearchDoc): { body: string; lower: string } {
    let cached = this.bodies.get(doc.id);
    if (cached === undefined) {
      const text = this.readText(doc.path);
      const body = text === null ? '' : bodyOf(text);
      cached = { body, lower: lowerSameLength(body) };
      if (this.bodies.size >= 1000) this.bodies.delete(this.bodies.keys().next().value!);
      this.bodies.set(doc.id, cached);
    }
    return cached;
  }

  /** The ranked posts without snippets (what the benchmarks and ranking tests look at). */
  async rank(
    query: string,
    limit = DEFAULT_LIMIT,
  ): Promise<{ terms: QueryTerm[]; ranked: Ranked[] }> {
    await this.library.list(Infinity); // loads the library first if need be (errors surface here)
    await this.whenReady();
    if (this.pending.size) this.applyPending();
    const terms = parseQuery(query);
    const avg = this.liveCount ? this.lengthSum / this.liveCount : 1;
    const ranked = this.index
      ? this.index.search(this.docs, terms, avg, limit)
      : scanSearch(this.docs, terms, avg, limit);
    return { terms, ranked };
  }

  async search(query: string, limit = DEFAULT_LIMIT): Promise<SearchHit[]> {
    const { terms, ranked } = await this.rank(query, limit);
    return ranked.map((r) => {
      const doc = this.docs[r.id]!;
      const { body, lower } = this.originalBody(doc);
      return {
        path: doc.path,
        title: doc.title,
        score: Math.round(r.score * 1000) / 1000,
        snippets: snippetsOf(body, terms, 2, lower),
      };
    });
  }
}
