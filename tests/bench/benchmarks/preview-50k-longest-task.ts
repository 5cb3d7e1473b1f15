import { openLongPostBench, type BrowserBench } from '../browser.ts';
import { longestTask, traceMainThread } from '../main-thread-trace.ts';
import { defineBenchmark, type Benchmark } from '../measure.ts';
import { log } from '../shared.ts';

/** 200 characters, typed at 10 a second, as a writer types. */
const TYPED = 'and so the writer goes on, sentence after sentence, '.repeat(4).slice(0, 200);

/**
 * The longest main-thread task (from a trace: every task, not only those over 50 ms) while
 * typing 200 characters at 10 a second into a 50,000-word post with real key presses, with
 * the preview, scroll sync, the word count and the outline on. Its cause goes to the log.
 */
export function longestTaskTyping(
  name: string,
  open: () => Promise<BrowserBench>,
  floor?: string,
): Benchmark {
  return defineBenchmark<{ bench: BrowserBench }>({
    name,
    floor,
    runs: 3,
    warmup: 0,
    setup: async () => {
      const bench = await open();
      await bench.page.locator('.cm-line').nth(12).click();
      return { bench };
    },
    run: async ({ bench }) => {
      const { page } = bench;
      const tasks = await traceMainThread(page, async () => {
        await page.keyboard.type(TYPED, { delay: 100 });
        await page.waitForTimeout(1000); // the last render lands inside the trace
      });
      const longest = longestTask(tasks);
      const over = tasks.filter((t) => t.durationMs > 16).length;
      log(
        `  longest task ${longest.durationMs.toFixed(1)} ms (${longest.cause}); ${over} of ${tasks.length} tasks over 16 ms`,
      );
      return { measuredMs: longest.durationMs };
    },
    teardown: ({ bench }) => bench.dispose(),
  });
}

export default longestTaskTyping(
  'preview-50k-longest-task',
  async () => {
    const bench = await openLongPostBench(50_000);
    await bench.page.getByRole('tab', { name: 'Outline' }).click();
    return bench;
  },
  'longest-task-codemirror-50k',
);
