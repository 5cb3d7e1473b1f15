/**
 * Renders Markdown off the main thread: typing never waits for markdown-it, highlight.js or
 * KaTeX, however long the post. The page only sanitizes and patches the blocks that changed.
 */
import { renderMarkdownBlocks } from '../../../shared/markdown.ts';

export interface RenderRequest {
  id: number;
  body: string;
  lineOffset: number;
}

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<RenderRequest>) => void): void;
  postMessage(message: unknown): void;
};

scope.addEventListener('message', ({ data }) => {
  scope.postMessage({
    id: data.id,
    blocks: renderMarkdownBlocks(data.body, { lineOffset: data.lineOffset }),
  });
});
