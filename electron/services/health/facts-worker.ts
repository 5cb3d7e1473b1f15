/**
 * The health check's worker: reads posts' facts (read-facts.ts) off the main thread, so a
 * big blog's check uses a second core and the main process stays free for requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFacts, type FactsRequest } from './read-facts.ts';

/** Set in workerData by facts-pool.ts: importing this module elsewhere does nothing. */
export const FACTS_WORKER_FLAG = 'folioFactsWorker';

export type FactsMessage = { id: number } & FactsRequest;
export type FactsReply =
  { id: number; results: ReturnType<typeof readFacts> } | { id: number; failed: string };

const port = parentPort;
if (port && (workerData as Record<string, unknown> | null)?.[FACTS_WORKER_FLAG] === true) {
  port.on('message', ({ id, ...request }: FactsMessage) => {
    try {
      port.postMessage({ id, results: readFacts(request) } satisfies FactsReply);
    } catch (error) {
      port.postMessage({ id, failed: String(error) } satisfies FactsReply);
    }
  });
}
