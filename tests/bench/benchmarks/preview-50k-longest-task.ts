import { openLongPostBench, type BrowserBench } from '../browser.ts';
import { defineBenchmark } from '../measure.ts';

/**
 * The longest main-thread task (PerformanceObserver 'longtask', > 50 ms) while typing 60
 * characters into a 50,000-word post with real key presses; 0 when there was none.
 */
export default defineBenchmark<{ bench: BrowserBench }>({
  name: 'preview-50k-longest-task',
  runs: 3,
  warmup: 0,
  setup: async () => {
    const bench = await openLongPostBench(50_000);
    await bench.page.locator('.cm-line').nth(12).click();
    return { bench };
  },
  run: async ({ bench }) => {
    const { page } = bench;
    await page.evaluate(() => {
      const w = window as unknown as { longest: number; observer?: PerformanceObserver };
      w.longest = 0;
      w.observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      });
      w.observer.observe({ type: 'longtask' });
    });
    await page.keyboard.type('typing along in a very long post, word by word, at speed', {
      delay: 25,
    });
    await page.waitForTimeout(1500); // let the last render land inside the window
    const measuredMs = await page.evaluate(() => {
      const w = window as unknown as { longest: number; observer?: PerformanceObserver };
      w.observer?.disconnect();
      return w.longest;
    });
    return { measuredMs };
  },
  teardown: ({ bench }) => bench.dispose(),
});
