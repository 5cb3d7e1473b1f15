import type { RenderedBlock } from '../../../shared/markdown.ts';
import type { RenderRequest } from './render.worker.ts';

type Listener = (blocks: RenderedBlock[]) => void;

/**
 * One render worker for the preview. Latest wins: while a render is running, only the most
 * recent request waits, so a burst of keystrokes costs one render after the current one.
 */
export function createRenderClient(onBlocks: Listener): {
  render(body: string, lineOffset: number): void;
  dispose(): void;
} {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null; // no workers (a test page, an odd host): render on this thread instead
  }
  let nextId = 0;
  let busy = false;
  let pending: RenderRequest | null = null;
  const send = (request: RenderRequest) => {
    busy = true;
    worker!.postMessage(request);
  };
  worker?.addEventListener(
    'message',
    (event: MessageEvent<{ id: number; blocks: RenderedBlock[] }>) => {
      busy = false;
      if (pending) {
        const next = pending;
        pending = null;
        send(next);
        return; // this result is already stale
      }
      onBlocks(event.data.blocks);
    },
  );
  return {
    render(body, lineOffset) {
      const request = { id: nextId++, body, lineOffset };
      if (!worker) {
        void import('../../../shared/markdown.ts').then((m) =>
          onBlocks(m.renderMarkdownBlocks(body, { lineOffset })),
        );
        return;
      }
      if (busy) pending = request;
      else send(request);
    },
    dispose() {
      worker?.terminate();
    },
  };
}
