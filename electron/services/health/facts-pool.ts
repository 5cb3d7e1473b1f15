/**
 * A worker that reads posts' facts for the health check while the main thread reads others
 * (2 cores: about half the wall time of the check's reading on the 10,000-post corpus).
 * Started on first use, idle it does not keep the process alive; if it cannot start or
 * stops, its share is read on the main thread: the worker only changes where the work runs.
 */
import { Worker } from 'node:worker_threads';
import { workerSource } from '../processes/worker-source.ts';
import { FACTS_WORKER_FLAG, type FactsMessage, type FactsReply } from './facts-worker.ts';
import { readFacts, type FactsRequest, type ReadFacts } from './read-facts.ts';

/** Heap for the worker: a hostile post stops the worker, not the app. */
const WORKER_HEAP_MB = 1024;

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const waiting = new Map<
  number,
  { request: FactsRequest; resolve(r: Array<ReadFacts | null>): void }
>();

function started(): Worker | null {
  if (worker || broken) return worker;
  try {
    const { source, eval: isEval } = workerSource(
      import.meta.url,
      'health-worker.cjs',
      'facts-worker.ts',
    );
    worker = new Worker(source, {
      eval: isEval,
      workerData: { [FACTS_WORKER_FLAG]: true },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
  } catch {
    broken = true;
    return null;
  }
  const own = worker;
  own.unref();
  own.on('message', (reply: FactsReply) => {
    const job = waiting.get(reply.id);
    if (!job) return;
    waiting.delete(reply.id);
    job.resolve('results' in reply ? reply.results : readFacts(job.request, true));
    if (!waiting.size) own.unref();
  });
  const lost = () => {
    if (worker === own) worker = null;
    // What it was reading is read here instead; the next check starts a new worker.
    for (const [id, job] of waiting) {
      waiting.delete(id);
      job.resolve(readFacts(job.request, true));
    }
  };
  own.on('error', lost);
  own.on('exit', lost);
  return own;
}

/** Reads `request` in the worker (on this thread when there is none). */
export function readFactsInWorker(request: FactsRequest): Promise<Array<ReadFacts | null>> {
  const target = started();
  if (!target) return Promise.resolve(readFacts(request, true));
  return new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, { request, resolve });
    target.ref();
    target.postMessage({ id, ...request } satisfies FactsMessage);
  });
}

/** Stops the worker (tests, and the app's quit). */
export async function closeFactsWorker(): Promise<void> {
  const own = worker;
  worker = null;
  await own?.terminate();
}
