import type { BlockPatch } from '../../../shared/markdown-diff.ts';
import type { PostStats, RenderCore, RenderMessage, RenderRequest } from './render-core.ts';

export type { PostStats } from './render-core.ts';

export interface RenderClient {
  render(body: string, lineOffset: number): void;
  /** The page emptied its preview: the next patch starts from no blocks. */
  reset(): void;
  dispose(): void;
}

/**
 * One render worker for the preview. Latest wins: while a render is running, only the most
 * recent request waits, so a burst of keystrokes costs one render after the current one.
 * Every patch is applied, in order (each builds on the one before); patches from before a
 * `reset` are dropped.
 */
export function createRenderClient(handlers: {
  onPatch(patch: BlockPatch): void;
  onStats(stats: PostStats): void;
}): RenderClient {
  let generation = 0;
  let busy = false;
  let pending: RenderRequest | null = null;
  const receive = (message: RenderMessage) => {
    if (message.kind === 'blocks' && message.reply) {
      busy = false;
      if (pending) {
        const next = pending;
        pending = null;
        send(next);
      }
    }
    if (message.generation !== generation) return;
    if (message.kind === 'blocks') handlers.onPatch(message.patch);
    else handlers.onStats(message.stats);
  };

  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<RenderMessage>) => receive(event.data));
  } catch {
    worker = null; // no workers (an odd host): render on this thread instead
  }
  // markdown-it and friends load on this thread only in that case.
  let local: Promise<RenderCore> | null = null;
  const send = (request: RenderRequest) => {
    busy = true;
    if (worker) return worker.postMessage(request);
    local ??= import('./render-core.ts').then(({ RenderCore }) => new RenderCore(receive));
    void local.then((core) => core.request(request));
  };

  return {
    render(body, lineOffset) {
      const request = { body, lineOffset, generation };
      if (busy) pending = request;
      else send(request);
    },
    reset() {
      generation++;
      if (pending) pending.generation = generation;
    },
    dispose() {
      worker?.terminate();
    },
  };
}
