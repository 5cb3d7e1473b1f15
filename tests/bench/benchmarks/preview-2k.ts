import type { Page } from '@playwright/test';
import { bodyOfWords, openBenchPage, type BrowserBench } from '../browser.ts';
import { defineBenchmark } from '../measure.ts';

/** Markdown -> sanitized HTML in the real page (markdown-it, highlight.js, KaTeX, DOMPurify), a 2,000-word post. */
export default defineBenchmark<{ bench: BrowserBench; page: Page; markdown: string }>({
  name: 'preview-2k',
  runs: 30,
  warmup: 5,
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
