import type { RenderedBlock } from '../../../shared/markdown.ts';
import { outline, type Heading } from '../../editor/outline.ts';
import { countWords } from '../../editor/stats.ts';
import type { RenderRequest } from './render.worker.ts';

export interface PostStats {
  words: number;
  headings: Heading[];
}

export interface RenderResult {
  blocks: RenderedBlock[];
  stats: PostStats;
}

/**
 * One render worker for the preview. Latest wins: while a render is running, only the most
 * recent request waits, so a burst of keystrokes costs one render after the current one.
 */
export function createRenderClient(onResult: (result: RenderResult) => void): {
  render(body: string, lineOffset: number): void;
  dispose(): void;
} {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null; // no workers (an odd host): render on this thread instead
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
    (event: MessageEvent<RenderResult & { id: number; kind: 'reply' | 'update' }>) => {
      // An update is the exact full render that follows a quick one; a newer request wins.
      if (event.data.kind === 'update') {
        if (!busy && !pending) onResult(event.data);
        return;
      }
      busy = false;
      if (pending) {
        const next = pending;
        pending = null;
        send(next);
        return; // this result is already stale
      }
      onResult(event.data);
    },
  );
  return {
    render(body, lineOffset) {
      const request = { id: nextId++, body, lineOffset };
      if (!worker) {
        // Small modules are already here; markdown-it and friends load only in this case.
        void import('../../../shared/markdown.ts').then((markdown) =>
          onResult({
            blocks: markdown.renderMarkdownBlocks(body, { lineOffset }),
            stats: { words: countWords(body), headings: outline(body, 1, lineOffset) },
          }),
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
