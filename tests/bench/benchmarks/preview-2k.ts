import type { Page } from '@playwright/test';
import { bodyOfWords, openBenchPage, type BrowserBench } from '../browser.ts';
import { defineBenchmark } from '../measure.ts';

/**
 * Markdown -> sanitized HTML in the real page (markdown-it, highlight.js, KaTeX, DOMPurify), a
 * 2,000-word post, every run from cold memos (no cached highlight or math).
 *
 * The preview renders on every pause in typing, hundreds of times an hour, so what a writer
 * waits for is the engine's steady state: 100 warm-up renders let V8 optimize the renderer
 * first. (The first few renders of a session, before V8 optimizes, take 4 to 5 times longer,
 * about 20-30 ms here; they happen once, when the first posts open.)
 */
export default defineBenchmark<{ bench: BrowserBench; page: Page; markdown: string }>({
  name: 'preview-2k',
  runs: 50,
  warmup: 100,
  setup: async () => {
    const bench = await openBenchPage();
    return { bench, page: bench.page, markdown: bodyOfWords(2000) };
  },
  run: async ({ page, markdown }) => ({
    measuredMs: await page.evaluate(
      (md) =>
        (
          window as unknown as {
            folioBench: { renderToSanitizedHtml(md: string): Promise<number> };
          }
        ).folioBench.renderToSanitizedHtml(md),
      markdown,
    ),
  }),
  teardown: ({ bench }) => bench.dispose(),
});
