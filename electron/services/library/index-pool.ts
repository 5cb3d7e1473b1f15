/**
 * Length: the pool and its failure handling (a worker that cannot start, one a post stops) belong together.
 *
 * A small pool of index workers (index-worker.ts), shared by every Library of the process.
 *
 * Why: a cold index of 10,000 posts is about a second of CPU (reading, UTF-8 checks, word
 * counts, front matter). In workers it leaves the main process free for IPC and
 * runs on every core: with two, it measured about half the wall time, which is what brings
 * a cold open within 1.5x of a single-threaded read of the files (the read floor is
 * single-threaded; the bench says so). Files go out in chunks, two per worker in flight so
 * none waits for the main thread, and replies are merged in file order.
 *
 * Workers start on first use and then stay (idle ones do not keep the process alive). A
 * worker that cannot start hands its chunks back to the main thread, which reads them
 * itself: the pool only ever changes where the work runs, never its result.
 *
 * A worker that dies while reading (a post that exhausts its heap limit, or anything else
 * that stops it) is replaced, and the chunk it was on is read again one file per task, so
 * the one post that stopped it is found (it stops a fresh worker a second time): that post
 * is listed as skipped, with why, and every other post is listed as usual. Such a chunk is
 * never handed to the main thread, where the same post would take the whole app down.
 *
 * Not piscina or tinypool: run side by side on the same chunks of the 10,000-post corpus
 * (two cores, two workers, two rounds of seven), they read it in 324-352 and 302-328 ms,
 * this pool in 316-318 ms: no faster. Neither finds the one post that stops a worker (they
 * reject the whole task), shares a stat pass through a counter the calling thread helps
 * with, or falls back to reading in process when workers cannot start, which is most of
 * what this file is.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BlogLayout } from '../generators/detect-blog.ts';
import {
  fromColumns,
  mergeColumns,
  READY,
  runChunk,
  skippedColumns,
  WORKER_FLAG,
  type ChunkReply,
  type ChunkRequest,
  type PendingData,
  type ReadColumns,
  statShared,
} from './index-worker.ts';
import type { ReadResult } from './post-entry.ts';
import { workerSource as sourceOf } from '../processes/worker-source.ts';

/** Files per message: big enough that messaging is noise, small enough to balance load. */
const CHUNK = 200;
const IN_FLIGHT = 2;
/**
 * A worker's heap limit. Indexing a post needs a few times its size (10 MB posts are the
 * largest Folio opens); past this a post is hostile, and the limit stops only its worker.
 */
const WORKER_HEAP_MB = 1024;
/** Workers that die before they are ready, in a row, before the pool reads in process. */
const MAX_FAILED_STARTS = 3;

type Result = ReadColumns | Float64Array;

/** Stats under way in the workers; `help` lends this thread to them (see statAll). */
export interface StatJob {
  result: Promise<Float64Array>;
  help: () => void;
}

interface Task {
  request: ChunkRequest;
  resolve: (results: Result) => void;
  /** A single file's task that a worker already died on: one more death skips the file. */
  retried?: boolean;
}

interface Slot {
  worker: Worker;
  inFlight: Task[];
  /** Whether its module loaded (it said so): one that dies before never read a post. */
  ready: boolean;
  /** Why it stopped, when it said (the error before its exit). */
  stopped?: string;
}

export interface PoolOptions {
  /** The heap limit of each worker, in MB. */
  heapMb?: number;
}

/** How to start an index worker (from the bundle, or from source through tsx). */
const workerSource = () => sourceOf(import.meta.url, 'index-worker.cjs', 'index-worker.ts');

export class IndexPool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 0;
  private broken = false;
  /** Workers in a row that died before they were ready (none ready yet counts too). */
  private failedStarts = 0;

  private readonly heapMb: number;

  constructor(
    readonly size: number,
    options: PoolOptions = {},
  ) {
    this.heapMb = options.heapMb ?? WORKER_HEAP_MB;
  }

  /** Whether chunks go to workers (false once workers failed: then all runs in process). */
  get usable(): boolean {
    return this.size > 0 && !this.broken;
  }

  /**
   * Indexes `files` (relative paths) and returns one result per file, in order, with their
   * front matter still serialized in `pending` (applyPendingData sets it when needed).
   * `onProgress` gets the number of files done after each chunk.
   */
  async readAll(
    root: string,
    layout: BlogLayout,
    files: readonly string[],
    onProgress?: (done: number) => void,
  ): Promise<{ results: ReadResult[]; pending: PendingData[] }> {
    let done = 0;
    const chunks = await Promise.all(
      chunksOf(files).map((chunk) =>
        this.run({ id: this.nextId++, kind: 'read', root, layout, files: chunk }).then(
          (columns) => {
            done += chunk.length;
            onProgress?.(done);
            return fromColumns(chunk, columns as ReadColumns);
          },
        ),
      ),
    );
    return {
      results: chunks.flatMap((chunk) => chunk.results),
      pending: chunks.map((chunk) => chunk.pending),
    };
  }

  /**
   * mtimeMs and size of every file (two numbers each, NaN when gone), in order.
   *
   * Every worker gets the whole list and takes chunks from a shared counter, writing into a
   * shared array: no message per chunk. With messages, a worker waited for the main thread
   * to send its next chunk, and on a re-open the main thread is busy reading the cache at
   * that very time (the stats then mostly ran after it, not beside it). `help` has the
   * calling thread take chunks from the same counter until none is left (once it is done
   * with the cache), so no core waits while files remain.
   */
  statAll(root: string, files: readonly string[]): StatJob {
    const shared = new SharedArrayBuffer(8 + files.length * 16);
    const request: ChunkRequest = { id: 0, kind: 'stat', root, files: files as string[], shared };
    const stats = new Float64Array(shared, 8, files.length * 2);
    this.warm();
    if (!this.usable || this.slots.length === 0) {
      runChunk(request);
      return { result: Promise.resolve(stats), help: () => undefined };
    }
    const workers = Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<Result>((resolve) => {
            this.send(slot, { request: { ...request, id: this.nextId++ }, resolve });
          }),
      ),
    );
    return {
      result: workers.then(() => stats),
      help: () => statShared(root, files, shared, false),
    };
  }

  /** Starts the workers ahead of use (when a folder opens), so their start overlaps other work. */
  warm(): void {
    while (this.usable && this.slots.length < this.size) this.start();
  }

  private run(request: ChunkRequest): Promise<Result> {
    if (!this.usable) return Promise.resolve(runChunk(request));
    return new Promise((resolve) => {
      this.queue.push({ request, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.slots.length < this.size && this.queue.length > this.slots.length * IN_FLIGHT) {
      this.start();
    }
    for (const slot of this.slots) {
      while (slot.inFlight.length < IN_FLIGHT && this.queue.length)
        this.send(slot, this.queue.shift()!);
    }
    // With no worker left (none could start), the main thread reads what is queued.
    if (this.slots.length === 0) this.drainInProcess();
  }

  private send(slot: Slot, task: Task): void {
    slot.inFlight.push(task);
    slot.worker.ref();
    slot.worker.postMessage(task.request);
  }

  private start(): void {
    let worker: Worker;
    try {
      const { source, eval: isEval } = workerSource();
      worker = new Worker(source, {
        eval: isEval,
        workerData: { [WORKER_FLAG]: true },
        resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
      });
    } catch {
      // No worker here (no tsx from source, no index-worker.cjs beside a bundle): read in process.
      this.broken = true;
      return;
    }
    const slot: Slot = { worker, inFlight: [], ready: false };
    this.slots.push(slot);
    worker.unref();
    worker.on('message', (reply: ChunkReply | typeof READY) => {
      if (reply === READY) {
        slot.ready = true;
        this.failedStarts = 0;
        return;
      }
      const task = slot.inFlight.shift();
      if (!task || task.request.id !== reply.id) return this.fail(slot);
      task.resolve('results' in reply ? reply.results : runChunk(task.request));
      if (slot.inFlight.length === 0) worker.unref();
      this.pump();
    });
    worker.on('error', (error) => {
      slot.stopped ??= stopReason(error);
      this.fail(slot);
    });
    worker.on('exit', () => this.fail(slot));
  }

  /**
   * A worker stopped. One that never started means workers cannot run here: everything is
   * read on the main thread. One that stopped while reading is replaced (pump starts a new
   * one): the chunk it was on is split into one task per file, and a single file that
   * stops a worker is listed as skipped.
   */
  private fail(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots.splice(at, 1);
    void slot.worker.terminate();
    const [stats, chunks] = partition(slot.inFlight.splice(0), (t) => t.request.kind === 'stat');
    // A shared stat may have lost a chunk the worker had taken: this thread stats them all.
    for (const task of stats) task.resolve(runChunk(task.request));
    if (!slot.ready) {
      // It never read a post: its chunks go back as they were. Workers that cannot start
      // here (a bundle without index-worker.cjs, a host without workers) leave the reading
      // to this thread.
      if (++this.failedStarts >= MAX_FAILED_STARTS) this.broken = true;
      this.queue.unshift(...chunks);
      if (this.broken && this.slots.length === 0) this.drainInProcess();
      else this.pump();
      return;
    }
    // The first chunk in flight is the one it was reading; the others had not started.
    const [current, ...waiting] = chunks;
    this.queue.unshift(...(current ? this.isolate(current, slot.stopped) : []), ...waiting);
    this.pump();
  }

  /** The tasks that read `task`'s files one by one; a lone file is skipped instead. */
  private isolate(task: Task, stopped = 'the indexer stopped'): Task[] {
    const { request } = task;
    if (request.kind !== 'read') return [task];
    if (request.files.length === 1) {
      // Once more in a fresh worker first: a worker can die for a reason of its own (the
      // machine short of memory), and a good post is not blamed for it.
      if (!task.retried)
        return [{ ...task, request: { ...request, id: this.nextId++ }, retried: true }];
      task.resolve(skippedColumns(`could not be indexed: ${stopped}`));
      return [];
    }
    const parts = new Array<ReadColumns>(request.files.length);
    let left = parts.length;
    return request.files.map((file, i) => ({
      request: { ...request, id: this.nextId++, files: [file] },
      resolve: (columns: Result) => {
        parts[i] = columns as ReadColumns;
        if (--left === 0) task.resolve(mergeColumns(parts));
      },
    }));
  }

  private drainInProcess(): void {
    for (const task of this.queue.splice(0)) task.resolve(runChunk(task.request));
  }

  /** Stops the workers (tests); the next use starts new ones. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.worker.removeAllListeners('exit');
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    this.broken = false;
  }
}

function stopReason(error: Error): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return 'reading it needs more memory than any post may use';
  }
  return error.message.slice(0, 200);
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

function chunksOf(files: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < files.length; start += CHUNK) {
    chunks.push(files.slice(start, start + CHUNK));
  }
  return chunks;
}

let shared: IndexPool | null = null;

/** The process's pool: one worker per core, at most four. */
export function indexPool(): IndexPool {
  return (shared ??= new IndexPool(Math.min(4, availableParallelism())));
}
