import { openLongPostBench, type BrowserBench } from '../browser.ts';
import { defineBenchmark, type Benchmark } from '../measure.ts';

/** Keys typed: letters and spaces, as prose has them. */
const KEYS = 'a writer types on ';

interface LatencyProbe {
  /** The last key's time stamp and the time from it to after the next frame was painted. */
  last: { start: number; painted: number } | null;
  /** Event Timing's keydown entries (reported from 16 ms on), by the event's time stamp. */
  timed: Map<number, number>;
}

/**
 * Keystroke → the character painted in the editor of a 50,000-word post, one real key press
 * per run at 10 a second. The figure is the key's Event Timing duration (PerformanceEventTiming:
 * from the key's time stamp to the next paint after its handlers); Event Timing reports only
 * keys from 16 ms on, so a faster key is timed from its time stamp to a task queued after the
 * next frame's paint.
 */
export function inputLatency(
  name: string,
  open: () => Promise<BrowserBench>,
  floor?: string,
): Benchmark {
  return defineBenchmark<{ bench: BrowserBench; count: number }>({
    name,
    floor,
    runs: 100,
    warmup: 5,
    setup: async () => {
      const bench = await open();
      await bench.page.locator('.cm-line').nth(12).click();
      await bench.page.evaluate(() => {
        const probe: LatencyProbe = { last: null, timed: new Map() };
        (window as unknown as { latency: LatencyProbe }).latency = probe;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.name === 'keydown') probe.timed.set(entry.startTime, entry.duration);
          }
        }).observe({
          type: 'event',
          durationThreshold: 16,
          buffered: true,
        } as PerformanceObserverInit);
        document.addEventListener(
          'keydown',
          (event) => {
            const start = event.timeStamp;
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () =>
                (probe.last = { start, painted: performance.now() - start });
              channel.port2.postMessage(null);
            });
          },
          { capture: true },
        );
      });
      return { bench, count: 0 };
    },
    run: async (state) => {
      const { page } = state.bench;
      const key = KEYS[state.count++ % KEYS.length]!;
      await page.evaluate(
        () => ((window as unknown as { latency: LatencyProbe }).latency.last = null),
      );
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.waitForFunction(
        () => (window as unknown as { latency: LatencyProbe }).latency.last,
      );
      // Event Timing entries are delivered after the paint; then the next key, 100 ms on.
      await page.waitForTimeout(100);
      const measuredMs = await page.evaluate(() => {
        const { last, timed } = (window as unknown as { latency: LatencyProbe }).latency;
        return timed.get(last!.start) ?? last!.painted;
      });
      return { measuredMs };
    },
    teardown: ({ bench }) => bench.dispose(),
  });
}

export default inputLatency(
  'input-latency-50k',
  () => openLongPostBench(50_000),
  'input-latency-codemirror-50k',
);
