/**
 * Renders Markdown off the main thread: typing never waits for markdown-it, highlight.js or
 * KaTeX, however long the post. The page only sanitizes and patches the blocks that changed.
 * Counting words and finding headings read the whole post too, so they happen here as well.
 */
import { renderMarkdownBlocks } from '../../../shared/markdown.ts';
import { outline } from '../../editor/outline.ts';
import { countWords } from '../../editor/stats.ts';

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
  const blocks = renderMarkdownBlocks(data.body, { lineOffset: data.lineOffset });
  const stats = { words: countWords(data.body), headings: outline(data.body, 1, data.lineOffset) };
  scope.postMessage({ id: data.id, blocks, stats });
});
