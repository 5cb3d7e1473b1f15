/**
 * Renders Markdown off the main thread: typing never waits for markdown-it, highlight.js or
 * KaTeX, however long the post. The page only builds and sanitizes the blocks that changed.
 */
import { RenderCore, type WorkerRequest } from './render-core.ts';

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: unknown): void;
};

const core = new RenderCore((message) => scope.postMessage(message));
scope.addEventListener('message', ({ data }) => core.receive(data));
