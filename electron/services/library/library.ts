/**
 * Length: the index's one owner (load, stat pass, cache, one-post updates, sorted list); its parts with logic of their own are modules beside it.
 *
 * The open blog's post index, kept in memory by the main process (the renderer never
 * indexes): built from the files on open (or from the on-disk cache, checking each file's
 * mtime and size), refreshed by a stat pass, and updated one post at a time after a save.
 *
 * Indexing runs on the main thread in slices of ~20 ms with the event loop let through
 * between them (measured: a cold 10,000-post index holds the CPU about one second on this
 * machine, so unsliced it would stall every IPC call for that long; slices cost nothing
 * measurable). Progress is reported at most every 100 ms, and only for indexes that take
 * longer than that.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FileVersion, PostSummary, SkippedFile } from '../../../shared/models.ts';
import type { FieldObservations } from '../../../shared/schema.ts';
import type { BlogLayout } from '../generators/detect-blog.ts';
import {
  cacheFileFor,
  openCache,
  readFields,
  writeCache,
  type OpenedCache,
} from './index-cache.ts';
import {
  comparePosts,
  entryOptions,
  isPostPath,
  listPostFiles,
  observeEntries,
} from './list-posts.ts';
import { indexPool, type IndexPool } from './index-pool.ts';
import { applyPendingData, statChunk, type PendingData } from './index-worker.ts';
import {
  readEntry,
  readExcerpt,
  resultOfBytes,
  type PostEntry,
  type ReadResult,
} from './post-entry.ts';
import { RACY_MS, recordedSkips, recordHolds, recordWalk } from './walk-record.ts';

export interface IndexProgress {
  done: number;
  total: number;
}

/** What changed in the index: `reset` after a (re)load, when listeners should re-read everything. */
export interface LibraryChange {
  reset: boolean;
  updated: string[];
  removed: string[];
}

export interface LibraryOptions {
  root: string;
  layout: BlogLayout;
  /** Where the index is cached between runs (the app's data folder); none: no cache. */
  cacheFolder?: string | null;
  onProgress?: (progress: IndexProgress) => void;
  /** Longest stretch of synchronous work before the event loop gets a turn. */
  sliceMs?: number;
  progressEveryMs?: number;
  /**
   * Workers that read the files of a big (re)index: the process's shared pool unless given;
   * null reads every file on this thread, in slices.
   */
  pool?: IndexPool | null;
  /** Fewer files to read than this are read on this thread (a worker's start costs more). */
  poolMinFiles?: number;
  /** After single-post updates, the cache is rewritten this long after the last one. */
  saveDelayMs?: number;
  /** After an open that took the file list from the cache, the folders are walked this much later. */
  verifyDelayMs?: number;
  /** How recent a folder change makes a walk untrustworthy (walk-record.ts); tests only. */
  racyMs?: number;
}

export interface SyncStats {
  files: number;
  /** Entries taken from the cache or memory because mtime and size matched. */
  reused: number;
  read: number;
  removed: number;
  skipped: number;
  /** Whether the folders were read (false: their stamps matched the cache's, see walk-record.ts). */
  walked: boolean;
  ms: number;
}

export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Library {
  readonly root: string;
  readonly layout: BlogLayout;
  private readonly options: LibraryOptions;
  private readonly cacheFile: string | null;
  private entries = new Map<string, PostEntry>();
  private sorted: PostSummary[] = [];
  private fileSkips: SkippedFile[] = [];
  private leftoverFiles: string[] = [];
  private observations: FieldObservations | null = null;
  /** Front matter the workers sent serialized, set on the entries when first needed. */
  private pendingData: PendingData[] = [];
  private running: Promise<SyncStats> | null = null;
  /** Single-post updates made while a sync runs, applied over its result. */
  private touched: Map<string, PostEntry | null> | null = null;
  private syncedAt = -Infinity;
  private listeners = new Set<(change: LibraryChange) => void>();
  private saveTimer: NodeJS.Timeout | null = null;
  private verifyTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  private loadedOnce = false;
  private closed = false;

  constructor(options: LibraryOptions) {
    this.options = options;
    this.root = options.root;
    this.layout = options.layout;
    this.cacheFile = options.cacheFolder ? cacheFileFor(options.cacheFolder, options.root) : null;
  }

  /** True while a load or refresh runs. */
  get indexing(): boolean {
    return this.running !== null;
  }

  get loaded(): boolean {
    return this.loadedOnce;
  }

  /** Every post, newest first (the list the renderer shows). */
  posts(): PostSummary[] {
    return this.sorted;
  }

  /** The opening of an indexed post's body as plain text, read now; null for no such post. */
  excerpt(relativePath: string): string | null {
    return this.entries.has(relativePath) ? readExcerpt(this.root, relativePath) : null;
  }

  entry(relativePath: string): PostEntry | undefined {
    return this.entries.get(relativePath);
  }

  allEntries(): IterableIterator<PostEntry> {
    return this.entries.values();
  }

  /** Markdown files (or folders) of the post folders that could not be indexed, and why. */
  /** Temp files of saves killed before their rename, found by the last walk, handed over once. */
  takeLeftovers(): string[] {
    return this.leftoverFiles.splice(0);
  }

  skipped(): SkippedFile[] {
    return this.fileSkips;
  }

  /** What the posts' front matter holds, for the schema; computed when first asked after a change. */
  fields(): FieldObservations {
    if (this.observations) return this.observations;
    this.applyPendingData();
    let missing = [...this.entries.values()].filter((e) => e.data === undefined);
    if (missing.length && this.cacheFile) {
      const paths = new Set(readFields(this.cacheFile, this.entries));
      missing = missing.filter((e) => paths.has(e.summary.path));
    }
    for (const entry of missing) {
      const rel = entry.summary.path;
      const result = readEntry(this.root, rel, entryOptions(this.layout, rel));
      entry.data = result.ok ? result.entry.data : null;
    }
    return (this.observations = observeEntries(this.entries.values()));
  }

  private applyPendingData(): void {
    for (const pending of this.pendingData.splice(0)) applyPendingData(pending);
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Indexes the folder: from the cache where files did not change, else from the files. */
  load(): Promise<SyncStats> {
    return this.exclusive(() => {
      const file = this.cacheFile;
      const cache = file && existsSync(file) ? openCache(file, this.root, this.layout) : null;
      // Whatever goes wrong with the cache, the folder opens from its files.
      return cache ? this.sync({ cache }).catch(() => this.sync(null)) : this.sync(null);
    });
  }

  /** Re-checks every file's mtime and size against the index; reads the ones that changed. */
  refresh(): Promise<SyncStats> {
    return this.exclusive(() => this.sync({ current: new Map(this.entries) }));
  }

  /** The list, refreshed first when the last full check is older than `maxAgeMs`. */
  async list(maxAgeMs = 1000): Promise<PostSummary[]> {
    if (this.running) await this.running;
    if (!this.loadedOnce) await this.load();
    else if (performance.now() - this.syncedAt > maxAgeMs) await this.refresh();
    return this.sorted;
  }

  /** Waits for a load or refresh in progress. */
  async ready(): Promise<void> {
    if (this.running) await this.running;
  }

  private exclusive(work: () => Promise<SyncStats>): Promise<SyncStats> {
    const run = (this.running ?? Promise.resolve()).then(work, work).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  /**
   * Brings the index in line with the folder. `previous` gives the entries to reuse when a
   * file's mtime and size still match: the current ones, or the cache's (saved in list
   * order, with the walk that found them: when the folders' stamps still match it, the
   * folders are not read). The stats run in the workers when there are many files, while
   * the cache's entries are decoded here. The files left to read go to the workers when
   * there are many, else are read here in slices.
   */
  private async sync(
    previousFrom: { cache: OpenedCache } | { current: Map<string, PostEntry> } | null,
  ): Promise<SyncStats> {
    const { root, layout } = this;
    const sliceMs = this.options.sliceMs ?? 20;
    const every = this.options.progressEveryMs ?? 100;
    const poolMin = this.options.poolMinFiles ?? 500;
    const pool = this.options.pool === undefined ? indexPool() : this.options.pool;
    const started = performance.now();
    this.touched = new Map();
    const cache = previousFrom && 'cache' in previousFrom ? previousFrom.cache : null;
    const trusted = cache?.walk && recordHolds(root, layout, cache.walk) ? cache : null;
    // A trusted walk record means no folder changed, so no save was cut short since.
    const { files, skipped, leftovers } = trusted
      ? { files: trusted.files, skipped: recordedSkips(root, trusted.walk!, layout), leftovers: [] }
      : listPostFiles(root, layout);
    this.leftoverFiles = leftovers;
    const total = files.length;
    let sliceStart = started;
    let reportedAt = -Infinity;
    const slice = async (): Promise<void> => {
      if (performance.now() - sliceStart <= sliceMs) return;
      await yieldToLoop();
      sliceStart = performance.now();
    };
    const usePool = pool !== null && pool.usable && total >= poolMin;
    const statting = previousFrom && usePool ? pool.statAll(root, files) : null;
    const cached = cache?.entries() ?? null;
    const previous = cached
      ? cached.byPath
      : previousFrom && 'current' in previousFrom
        ? previousFrom.current
        : null;
    // The files are the cache's own list: its entries line up with them, no look-up by path.
    const aligned = trusted ? (cached?.byFile ?? null) : null;
    const previousInListOrder = cache !== null;
    const cacheMissed = previous === null;
    let statted: Float64Array | null = null;
    if (previous?.size) {
      if (statting) {
        statting.help();
        statted = await statting.result;
      } else {
        statted = new Float64Array(total * 2);
        for (let i = 0; i < total; i += 64) {
          await slice();
          statted.set(statChunk(root, files.slice(i, i + 64)), i * 2);
        }
      }
    }
    const report = (done: number) => {
      const now = performance.now();
      if (!this.options.onProgress || now - started < every) return;
      if (done < total && now - reportedAt < every) return;
      reportedAt = now;
      this.options.onProgress({ done, total });
    };
    // Entries still valid (same mtime and size), and the files to read.
    const kept = new Array<PostEntry | undefined>(total);
    const toRead: number[] = [];
    for (let i = 0; i < total; i++) {
      const old = !statted ? undefined : aligned ? aligned[i] : previous!.get(files[i]!);
      if (
        old &&
        statted![2 * i] === old.summary.mtimeMs &&
        statted![2 * i + 1] === old.summary.size
      ) {
        kept[i] = old;
      } else {
        toRead.push(i);
      }
    }
    const reused = total - toRead.length;
    let results: ReadResult[];
    if (usePool && toRead.length >= poolMin) {
      const paths = toRead.map((i) => files[i]!);
      const read = await pool.readAll(root, layout, paths, (done) => report(reused + done));
      results = read.results;
      this.pendingData.push(...read.pending);
    } else {
      results = new Array<ReadResult>(toRead.length);
      for (let k = 0; k < toRead.length; k++) {
        if ((k & 7) === 0 && performance.now() - sliceStart > sliceMs) {
          report(reused + k);
          await slice();
        }
        const rel = files[toRead[k]!]!;
        results[k] = readEntry(root, rel, entryOptions(layout, rel));
      }
    }
    const updated: string[] = [];
    for (let k = 0; k < toRead.length; k++) {
      const result = results[k]!;
      const i = toRead[k]!;
      if (result.ok) {
        kept[i] = result.entry;
        updated.push(files[i]!);
      } else if (!result.gone) {
        skipped.push(result.skipped);
      }
    }
    if (reportedAt > -Infinity) report(total);
    const touchedAny = this.touched.size > 0;
    // Every entry was kept and nothing new was read (a page read again is not listed): the
    // same posts, so the previous map is the index (building another cost a tenth of a
    // cached open).
    const same = previous !== null && updated.length === 0 && reused === previous.size;
    const next = same ? previous : new Map<string, PostEntry>();
    if (!same) for (let i = 0; i < total; i++) if (kept[i]) next.set(files[i]!, kept[i]!);
    for (const [rel, entry] of this.touched) {
      if (entry) next.set(rel, entry);
      else next.delete(rel);
    }
    this.touched = null;
    const removed = previous && !same ? [...previous.keys()].filter((rel) => !next.has(rel)) : [];
    const first = !this.loadedOnce;
    this.entries = next;
    this.fileSkips = skipped;
    // Nothing changed: the list is the one we had (the cache's, or the current one), in
    // order; sorting 10,000 posts again cost a tenth of a cached open.
    const unchanged = same && !touchedAny;
    if (unchanged && previousInListOrder) {
      this.sorted = Array.from(previous.values(), (e) => e.summary);
    } else if (!unchanged || this.sorted.length !== next.size) {
      this.sorted = [...next.values()].map((e) => e.summary).sort(comparePosts);
    }
    this.observations = null;
    this.syncedAt = performance.now();
    this.loadedOnce = true;
    // Written a moment later, off the open's busiest seconds (and flushable).
    // A cache whose walk did not hold is written again, so the next open can trust its walk.
    const staleWalk = cache !== null && !trusted;
    if (cacheMissed || staleWalk || updated.length || removed.length) this.scheduleSave();
    if (trusted) this.scheduleVerify(trusted.files);
    this.notify({ reset: first, updated, removed });
    return {
      files: total,
      reused,
      read: updated.length,
      removed: removed.length,
      skipped: skipped.length,
      walked: !trusted,
      ms: performance.now() - started,
    };
  }

  /**
   * Re-reads one post (after a save, or a change seen on disk) and updates the list in
   * place. Returns its new list entry, or null when it is gone or could not be read.
   */
  reindexOne(
    relativePath: string,
    written?: { text: string; version: FileVersion },
  ): PostSummary | null {
    const rel = relativePath.split(path.sep).join('/');
    if (!isPostPath(this.layout, rel)) return null;
    const options = entryOptions(this.layout, rel);
    // What Folio itself just wrote is indexed from that text: the post is summarized once.
    const result = written
      ? resultOfBytes(rel, Buffer.from(written.text, 'utf8'), written.version, options)
      : readEntry(this.root, rel, options);
    const entry = result.ok ? result.entry : null;
    const wasSkipped = this.fileSkips.some((s) => s.path === rel);
    this.fileSkips = this.fileSkips.filter((s) => s.path !== rel);
    if (!result.ok && !result.gone) this.fileSkips.push(result.skipped);
    const skipsChanged = wasSkipped || (!result.ok && !result.gone);
    this.touched?.set(rel, entry);
    const old = this.entries.get(rel);
    if (old) {
      this.entries.delete(rel);
      this.removeSorted(old.summary);
    }
    if (entry) {
      this.entries.set(rel, entry);
      this.insertSorted(entry.summary);
    }
    this.observations = null;
    this.scheduleSave();
    if (entry) this.notify({ reset: false, updated: [rel], removed: [] });
    else if (old) this.notify({ reset: false, updated: [], removed: [rel] });
    // The list is the same but what it leaves out changed (the renderer shows that too).
    else if (skipsChanged) this.notify({ reset: false, updated: [], removed: [] });
    return entry?.summary ?? null;
  }

  /** Index of the first summary that sorts at or after `summary`. */
  private lowerBound(summary: PostSummary): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (comparePosts(this.sorted[mid]!, summary) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private removeSorted(summary: PostSummary): void {
    let at = this.lowerBound(summary);
    if (this.sorted[at] !== summary) at = this.sorted.indexOf(summary);
    if (at !== -1) this.sorted.splice(at, 1);
  }

  private insertSorted(summary: PostSummary): void {
    this.sorted.splice(this.lowerBound(summary), 0, summary);
  }

  private notify(change: LibraryChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private scheduleSave(): void {
    if (!this.cacheFile) return;
    // Closed while a load ran on: no one will flush a timer, so the write starts now.
    if (this.closed) return void this.save();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    // Later than a racy stamp (walk-record.ts), so the walk written with it can be trusted.
    this.saveTimer = setTimeout(
      () => {
        this.saveTimer = null;
        void this.save();
      },
      this.options.saveDelayMs ?? RACY_MS + 500,
    );
    this.saveTimer.unref?.();
  }

  /**
   * After an open that trusted the cache's walk: walks the folders once, off the open's
   * busiest seconds, and refreshes if they hold other files (a file system that does not
   * keep folder times the way walk-record.ts relies on).
   */
  private scheduleVerify(files: readonly string[]): void {
    if (this.verifyTimer) clearTimeout(this.verifyTimer);
    this.verifyTimer = setTimeout(() => {
      this.verifyTimer = null;
      if (this.closed) return;
      const now = listPostFiles(this.root, this.layout).files;
      if (now.length !== files.length || now.some((file, i) => file !== files[i])) {
        void this.refresh().catch(() => undefined);
      }
    }, this.options.verifyDelayMs ?? 3000);
    this.verifyTimer.unref?.();
  }

  /** Writes the cache now (after any write in progress). Failures are ignored: it is a cache. */
  save(): Promise<void> {
    const file = this.cacheFile;
    if (!file) return this.saving;
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    // In list order: the next open's sort then finds the entries already sorted (one pass).
    const entries = this.sorted.map((summary) => this.entries.get(summary.path)!);
    this.saving = this.saving
      .then(async () => {
        for (const pending of this.pendingData.splice(0)) {
          applyPendingData(pending);
          await yieldToLoop();
        }
        // The walk is taken now, seconds after the last change, so its stamps are not racy.
        const walk = recordWalk(this.root, this.layout, Date.now(), this.options.racyMs);
        await writeCache(file, this.root, this.layout, entries, walk, yieldToLoop);
      })
      .catch(() => undefined);
    return this.saving;
  }

  /** Writes what is pending and waits for it (before quitting, in tests and benchmarks). */
  async flush(): Promise<void> {
    // A load or refresh in progress schedules its own write when it ends: wait for it first.
    await this.ready().catch(() => undefined);
    if (this.saveTimer) await this.save();
    await this.saving;
  }

  /**
   * Writes a pending cache update and stops listening; the next open builds a new Library.
   * Resolves when every write is done (a load still running writes when it ends), for
   * whoever removes the cache folder next.
   */
  close(): Promise<void> {
    this.closed = true;
    if (this.verifyTimer) clearTimeout(this.verifyTimer);
    if (this.saveTimer) void this.save();
    this.listeners.clear();
    return this.flush();
  }
}
