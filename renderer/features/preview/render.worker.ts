/**
 * Renders Markdown off the main thread: typing never waits for markdown-it, highlight.js or
 * KaTeX, however long the post. The page only sanitizes and patches the blocks that changed.
 * Counting words and finding headings read the whole post too, so they happen here as well.
 *
 * Long posts render incrementally (shared/markdown-chunks.ts): a keystroke re-renders the
 * chunk it touched, and a full render follows once typing pauses, sent as an `update`.
 */
import { IncrementalRenderer } from '../../../shared/markdown-chunks.ts';
import { renderMarkdownBlocks, type RenderedBlock } from '../../../shared/markdown.ts';
import { outline } from '../../editor/outline.ts';
import { countWords } from '../../editor/stats.ts';

export interface RenderRequest {
  id: number;
  body: string;
  lineOffset: number;
}

/** Below this many characters a full render is quick enough for every keystroke. */
const INCREMENTAL_FROM = 20_000;
const FULL_RENDER_AFTER_MS = 700;

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<RenderRequest>) => void): void;
  postMessage(message: unknown): void;
};

const incremental = new IncrementalRenderer();
let fullTimer: ReturnType<typeof setTimeout> | undefined;
let primed = false;

function reply(kind: 'reply' | 'update', request: RenderRequest, blocks: RenderedBlock[]): void {
  const stats = {
    words: countWords(request.body),
    headings: outline(request.body, 1, request.lineOffset),
  };
  scope.postMessage({ kind, id: request.id, blocks, stats });
}

scope.addEventListener('message', ({ data }) => {
  clearTimeout(fullTimer);
  if (data.body.length < INCREMENTAL_FROM) {
    primed = false;
    reply('reply', data, renderMarkdownBlocks(data.body, { lineOffset: data.lineOffset }));
    return;
  }
  if (!primed) {
    primed = true;
    reply('reply', data, incremental.renderFull(data.body, data.lineOffset));
    return;
  }
  const { blocks, complete } = incremental.render(data.body, data.lineOffset);
  reply('reply', data, blocks);
  if (!complete) {
    fullTimer = setTimeout(
      () => reply('update', data, incremental.renderFull(data.body, data.lineOffset)),
      FULL_RENDER_AFTER_MS,
    );
  }
});
