/**
 * The index worker (a worker_threads entry, started by index-pool.ts): reads and indexes
 * the posts it is sent, or stats them, so a big (re)index runs off the main process's
 * thread and on every core. Each message is one chunk of a folder's files; the reply holds
 * one result per file, in order. A chunk that fails comes back as `failed`, and the pool
 * then does that chunk on the main thread: a worker problem never loses a post.
 *
 * A chunk of read results crosses back as columns (ReadColumns), not as one object per
 * post: structured clone spent about as long rebuilding 10,000 result objects on the main
 * thread (and collecting their garbage) as the workers spent reading, and on two cores
 * that time is taken from the workers. The front matter, which only the schema and the
 * cache file need, stays serialized until one of them asks (see PendingData): as JSON text,
 * the form the cache keeps it in. v8.serialize's bytes, moved to the main thread, made a
 * cold index of 10,000 posts 7-11 ms slower than the same front matter as JSON.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { PostError, PostSummary } from '../../../shared/models.ts';
import type { BlogLayout } from '../generators/detect-blog.ts';
import { entryOptions } from './list-posts.ts';
import {
  applySiteFields,
  frontMatterJson,
  readEntry,
  siteFieldsOf,
  type PostEntry,
  type ReadResult,
  type SiteFields,
} from './post-entry.ts';

export type ChunkRequest =
  | { id: number; kind: 'read'; root: string; layout: BlogLayout; files: string[] }
  /**
   * Stats into `shared` (see statShared): after an Int32 counter (8 bytes, for alignment),
   * two Float64s per file.
   */
  | { id: number; kind: 'stat'; root: string; files: string[]; shared: SharedArrayBuffer };

/** A chunk's read results, one slot per file in every column. */
export interface ReadColumns {
  /** LISTED, GONE, or SKIPPED (then `texts` holds the reason in the title slot). */
  status: Uint8Array;
  /** mtimeMs, size, dateValue (NaN for none), wordCount, draft (0 or 1): five per file. */
  numbers: Float64Array;
  titles: string[];
  dates: (string | null)[];
  tags: string[][];
  categories: string[][];
  errors: (PostError | null)[];
  /** Each post's URL ('' for none). */
  urls: string[];
  /** The generator's rarer fields (section page, schedule), where a post has any. */
  extras: (SiteFields | null)[];
  /** The front matter of every file (null for the ones not listed), as JSON (see jsonOf). */
  data: string;
}

export type ChunkReply =
  { id: number; results: ReadColumns | Float64Array } | { id: number; failed: string };

const LISTED = 0;
const GONE = 1;
const SKIPPED = 2;
const NUMBERS = 5;

/** Reads one chunk (also the in-process path, so both give the same entries). */
export function readChunk(
  root: string,
  layout: BlogLayout,
  files: readonly string[],
): ReadResult[] {
  return files.map((rel) => readEntry(root, rel, entryOptions(layout, rel)));
}

/**
 * Reads one chunk into columns. In a worker (`posted`), strings are not copied out of the
 * decoded file heads: posting the columns copies them anyway.
 */
export function readColumns(
  root: string,
  layout: BlogLayout,
  files: readonly string[],
  posted = false,
): ReadColumns {
  const n = files.length;
  const status = new Uint8Array(n);
  const numbers = new Float64Array(n * NUMBERS);
  const titles = new Array<string>(n);
  const dates = new Array<string | null>(n);
  const tags = new Array<string[]>(n);
  const categories = new Array<string[]>(n);
  const errors = new Array<PostError | null>(n);
  const extras = new Array<SiteFields | null>(n);
  const urls = new Array<string>(n);
  const data = new Array<Record<string, unknown> | null>(n);
  for (let i = 0; i < n; i++) {
    const rel = files[i]!;
    const result = readEntry(root, rel, entryOptions(layout, rel), posted);
    if (!result.ok) {
      status[i] = result.gone ? GONE : SKIPPED;
      titles[i] = result.skipped.reason;
      dates[i] = null;
      tags[i] = categories[i] = [];
      errors[i] = data[i] = extras[i] = null;
      urls[i] = '';
      continue;
    }
    const { summary } = result.entry;
    const at = i * NUMBERS;
    numbers[at] = summary.mtimeMs;
    numbers[at + 1] = summary.size;
    numbers[at + 2] = summary.dateValue ?? NaN;
    numbers[at + 3] = summary.wordCount;
    numbers[at + 4] = summary.draft ? 1 : 0;
    titles[i] = summary.title;
    dates[i] = summary.date;
    tags[i] = summary.tags;
    categories[i] = summary.categories;
    errors[i] = summary.error ?? null;
    extras[i] = siteFieldsOf(summary);
    urls[i] = summary.url ?? '';
    data[i] = result.entry.data ?? null;
  }
  return {
    status,
    numbers,
    titles,
    dates,
    tags,
    categories,
    errors,
    urls,
    extras,
    data: jsonOf(data),
  };
}

/** One file's columns for a file that is skipped for `reason`. */
export function skippedColumns(reason: string): ReadColumns {
  return {
    status: Uint8Array.of(SKIPPED),
    numbers: new Float64Array(NUMBERS),
    titles: [reason],
    dates: [null],
    tags: [[]],
    categories: [[]],
    errors: [null],
    urls: [''],
    extras: [null],
    data: '[null]',
  };
}

/** One chunk's columns from the columns of its parts, in order. */
export function mergeColumns(parts: readonly ReadColumns[]): ReadColumns {
  const numbers = new Float64Array(parts.reduce((n, part) => n + part.numbers.length, 0));
  let at = 0;
  for (const part of parts) {
    numbers.set(part.numbers, at);
    at += part.numbers.length;
  }
  const all = <K extends keyof ReadColumns>(key: K) =>
    parts.flatMap((part) => part[key] as unknown as unknown[]);
  return {
    // flatMap does not spread typed arrays.
    status: Uint8Array.from(parts.flatMap((part) => [...part.status])),
    numbers,
    titles: all('titles') as string[],
    dates: all('dates') as (string | null)[],
    tags: all('tags') as string[][],
    categories: all('categories') as string[][],
    errors: all('errors') as (PostError | null)[],
    urls: all('urls') as string[],
    extras: all('extras') as (SiteFields | null)[],
    data: `[${parts.map((part) => part.data.slice(1, -1)).join(',')}]`,
  };
}

/**
 * Front matter still serialized (a worker's reply), for the entries it belongs to. Entries
 * replaced since (a post saved again) only get a copy nobody reads.
 */
export interface PendingData {
  entries: (PostEntry | null)[];
  json: string;
}

/**
 * The front matter of a chunk as JSON: what a re-open reads from the cache too, so a post's
 * front matter has one shape whichever way it came (YAML is read with the core schema: no
 * dates, only TOML's, which become their ISO text). One that JSON cannot hold is null
 * (frontMatterJson), as for front matter that does not parse.
 */
function jsonOf(values: (Record<string, unknown> | null)[]): string {
  try {
    return JSON.stringify(values);
  } catch {
    return `[${values.map(frontMatterJson).join(',')}]`;
  }
}

export function applyPendingData(pending: PendingData): void {
  const values = JSON.parse(pending.json) as (Record<string, unknown> | null)[];
  for (let i = 0; i < pending.entries.length; i++) {
    const entry = pending.entries[i];
    if (entry && entry.data === undefined) entry.data = values[i] ?? null;
  }
}

/** The results of a chunk's columns, with the front matter left serialized (`pending`). */
export function fromColumns(
  files: readonly string[],
  columns: ReadColumns,
): { results: ReadResult[]; pending: PendingData } {
  const { status, numbers, titles, dates, tags, categories, errors, urls, extras } = columns;
  const results = new Array<ReadResult>(files.length);
  const entries = new Array<PostEntry | null>(files.length);
  for (let i = 0; i < files.length; i++) {
    const path = files[i]!;
    if (status[i] !== LISTED) {
      const skipped = { path, reason: titles[i]! };
      results[i] = { ok: false, skipped, gone: status[i] === GONE };
      entries[i] = null;
      continue;
    }
    const at = i * NUMBERS;
    const dateValue = numbers[at + 2]!;
    const summary: PostSummary = {
      path,
      title: titles[i]!,
      date: dates[i]!,
      dateValue: Number.isNaN(dateValue) ? null : dateValue,
      draft: numbers[at + 4] === 1,
      tags: tags[i]!,
      categories: categories[i]!,
      wordCount: numbers[at + 3]!,
      mtimeMs: numbers[at]!,
      size: numbers[at + 1]!,
      // Always present, as in index-cache.ts: one shape for every summary.
      url: urls[i] || undefined,
    };
    const error = errors[i];
    if (error) summary.error = error;
    applySiteFields(summary, extras[i]);
    const entry: PostEntry = { summary, data: undefined };
    entries[i] = entry;
    results[i] = { ok: true, entry };
  }
  return { results, pending: { entries, json: columns.data } };
}

/**
 * mtimeMs and size of each file, two numbers per file; NaN for a file that is gone or
 * cannot be stat-ed (denied, a folder in its path turned into a file): it is then read,
 * and the read says what is wrong with it.
 */
export function statChunk(root: string, files: readonly string[]): Float64Array {
  const out = new Float64Array(files.length * 2).fill(NaN);
  for (let i = 0; i < files.length; i++) {
    let stats;
    try {
      stats = statSync(`${root}${path.sep}${files[i]!}`, { throwIfNoEntry: false });
    } catch {
      continue;
    }
    if (stats) {
      out[2 * i] = stats.mtimeMs;
      out[2 * i + 1] = stats.size;
    }
  }
  return out;
}

/** Files a worker takes from the shared counter at a time. */
const STAT_CHUNK = 128;

/**
 * The stats of `files` into `shared` (see ChunkRequest): in a worker, the chunks it takes
 * from the shared counter; on this thread (`all`: a worker failed, or there is none), every
 * file, whatever the workers did.
 */
export function statShared(
  root: string,
  files: readonly string[],
  shared: SharedArrayBuffer,
  all: boolean,
): void {
  const next = new Int32Array(shared, 0, 1);
  const out = new Float64Array(shared, 8, files.length * 2);
  if (all) return out.set(statChunk(root, files));
  for (;;) {
    const start = Atomics.add(next, 0, STAT_CHUNK);
    if (start >= files.length) return;
    const end = Math.min(start + STAT_CHUNK, files.length);
    out.set(statChunk(root, files.slice(start, end)), start * 2);
  }
}

export function runChunk(request: ChunkRequest, posted = false): ReadColumns | Float64Array {
  if (request.kind === 'read')
    return readColumns(request.root, request.layout, request.files, posted);
  statShared(request.root, request.files, request.shared, !posted);
  return new Float64Array(0);
}

/** Set in workerData by the pool: importing this module elsewhere (even in a worker) does nothing. */
export const WORKER_FLAG = 'folioIndexWorker';

function transferList(results: ReadColumns | Float64Array): ArrayBuffer[] {
  if (results instanceof Float64Array) return [results.buffer as ArrayBuffer];
  return [results.status.buffer as ArrayBuffer, results.numbers.buffer as ArrayBuffer];
}

/** A worker's first message: its module loaded, and it reads what it is sent from now on. */
export const READY = 'ready';

function serve(port: NonNullable<typeof parentPort>): void {
  port.postMessage(READY);
  port.on('message', (request: ChunkRequest) => {
    let reply: ChunkReply;
    try {
      reply = { id: request.id, results: runChunk(request, true) };
    } catch (error) {
      reply = { id: request.id, failed: error instanceof Error ? error.message : String(error) };
    }
    try {
      port.postMessage(reply, 'results' in reply ? transferList(reply.results) : []);
    } catch (error) {
      // A value structured clone refuses (none is expected from YAML): the main thread does it.
      port.postMessage({ id: request.id, failed: String(error) } satisfies ChunkReply);
    }
  });
}

if (parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  serve(parentPort);
}
