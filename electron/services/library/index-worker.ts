/**
 * The index worker (a worker_threads entry, started by index-pool.ts): reads and indexes
 * the posts it is sent, or stats them, so a big (re)index runs off the main process's
 * thread and on every core. Each message is one chunk of a folder's files; the reply holds
 * one result per file, in order. A chunk that fails comes back as `failed`, and the pool
 * then does that chunk on the main thread: a worker problem never loses a post.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { BlogLayout } from './detect-blog.ts';
import { entryOptions } from './list-posts.ts';
import { readEntry, type ReadResult } from './post-entry.ts';

export type ChunkRequest =
  | { id: number; kind: 'read'; root: string; layout: BlogLayout; files: string[] }
  | { id: number; kind: 'stat'; root: string; files: string[] };

export type ChunkReply =
  { id: number; results: ReadResult[] | Float64Array } | { id: number; failed: string };

/** Reads one chunk (also the in-process path, so both give the same entries). */
export function readChunk(
  root: string,
  layout: BlogLayout,
  files: readonly string[],
): ReadResult[] {
  return files.map((rel) => readEntry(root, rel, entryOptions(layout, rel)));
}

/** mtimeMs and size of each file, two numbers per file; NaN for a file that is gone. */
export function statChunk(root: string, files: readonly string[]): Float64Array {
  const out = new Float64Array(files.length * 2).fill(NaN);
  for (let i = 0; i < files.length; i++) {
    const stats = statSync(`${root}${path.sep}${files[i]!}`, { throwIfNoEntry: false });
    if (stats) {
      out[2 * i] = stats.mtimeMs;
      out[2 * i + 1] = stats.size;
    }
  }
  return out;
}

export function runChunk(request: ChunkRequest): ReadResult[] | Float64Array {
  return request.kind === 'read'
    ? readChunk(request.root, request.layout, request.files)
    : statChunk(request.root, request.files);
}

/** Set in workerData by the pool: importing this module elsewhere (even in a worker) does nothing. */
export const WORKER_FLAG = 'folioIndexWorker';

function serve(port: NonNullable<typeof parentPort>): void {
  port.on('message', (request: ChunkRequest) => {
    let reply: ChunkReply;
    try {
      reply = { id: request.id, results: runChunk(request) };
    } catch (error) {
      reply = { id: request.id, failed: error instanceof Error ? error.message : String(error) };
    }
    try {
      const results = 'results' in reply ? reply.results : null;
      const transfer = results instanceof Float64Array ? [results.buffer as ArrayBuffer] : [];
      port.postMessage(reply, transfer);
    } catch (error) {
      // A value structured clone refuses (none is expected from YAML): the main thread does it.
      port.postMessage({ id: request.id, failed: String(error) } satisfies ChunkReply);
    }
  });
}

if (parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  serve(parentPort);
}
