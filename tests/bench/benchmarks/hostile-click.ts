import type { Page } from '@playwright/test';
import { openBenchPage, type BrowserBench } from '../browser.ts';
import { defineBenchmark } from '../measure.ts';
import { log } from '../shared.ts';

const MB = 1024 * 1024;

/**
 * Posts that once stalled the window for seconds: their title in the list, and their text.
 * Each is what a hostile (or broken) blog can carry.
 */
const HOSTILE: Record<string, { title: RegExp; text: string }> = {
  'source/_posts/unclosed.md': {
    // An opening `---` never closed: 5 MB of would-be front matter.
    title: /unclosed/i,
    text: `---\ntitle: Unclosed\n${'key: value\n'.repeat((5 * MB) / 11)}`,
  },
  'source/_posts/math-storm.md': {
    title: /^Math Storm/,
    text: `---\ntitle: Math Storm\n---\n${'$x^2$ '.repeat(100_000)}\n`,
  },
  'source/_posts/emphasis-storm.md': {
    title: /^Emphasis Storm/,
    text: `---\ntitle: Emphasis Storm\n---\n${'*a **a'.repeat(50_000)}\n`,
  },
  'source/_posts/one-long-line.md': {
    title: /^One Long Line/,
    text: `---\ntitle: One Long Line\n---\n${'word '.repeat((9.5 * MB) / 5)}\n`,
  },
};
const NAMES = Object.keys(HOSTILE);
const CALM = /^A Paper Notebook/;

interface Watch {
  events: { name: string; duration: number }[];
  longest: number;
  observers: PerformanceObserver[];
}

async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { watch: Watch };
    const state: Watch = { events: [], longest: 0, observers: [] };
    w.watch = state;
    const events = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.events.push({ name: e.name, duration: e.duration });
    });
    // durationThreshold: 16 is the smallest the Event Timing API reports.
    events.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    const tasks = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longest = Math.max(state.longest, e.duration);
    });
    tasks.observe({ type: 'longtask' });
    state.observers.push(events, tasks);
  });
}

async function collect(page: Page): Promise<{ click: number; task: number; slowest: string }> {
  return page.evaluate(() => {
    const state = (window as unknown as { watch: Watch }).watch;
    for (const observer of state.observers) observer.disconnect();
    const slowest = state.events.reduce((a, b) => (b.duration > a.duration ? b : a), {
      name: 'none',
      duration: 0,
    });
    return { click: slowest.duration, task: state.longest, slowest: slowest.name };
  });
}

/**
 * How long the window takes to answer a click (input delay + handling + the next paint, the
 * Event Timing API's `duration`) while one of four hostile posts is opened, shown, and left
 * for another post: the longest of those clicks per run. Each post has two runs in turn, so
 * the median and p95 span all four. The goal is 100 ms. Per-post figures go to stderr.
 */
export default defineBenchmark<{ bench: BrowserBench; run: number }>({
  name: 'hostile-click',
  runs: NAMES.length * 2,
  warmup: 0,
  setup: async () => {
    const posts = Object.fromEntries(NAMES.map((name) => [name, HOSTILE[name]!.text]));
    return { bench: await openBenchPage(posts), run: 0 };
  },
  run: async (state) => {
    const { page } = state.bench;
    const name = NAMES[state.run++ % NAMES.length]!;
    const list = page.getByRole('navigation', { name: 'Posts' });
    await list.getByRole('button', { name: CALM }).click();
    await page.locator('.cm-content').waitFor();
    await page.waitForTimeout(500);
    await watch(page);
    await list.getByRole('button', { name: HOSTILE[name]!.title }).click();
    // Leave it while its preview and editor are still busy with it, then wait until it is left.
    await page.waitForTimeout(300);
    // A mouse click, not a locator's: the editor of a huge post keeps refining its height,
    // and a locator waits for it to be stable.
    const box = (await page.locator('.cm-scroller').boundingBox())!;
    await page.mouse.click(box.x + 60, box.y + box.height - 40);
    await page.waitForTimeout(300);
    await list.getByRole('button', { name: CALM }).click();
    await page.locator('.cm-content', { hasText: 'notebook' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    const { click, task, slowest } = await collect(page);
    log(`  ${name}: slowest ${slowest} ${click} ms, longest task ${Math.round(task)} ms`);
    return { measuredMs: click };
  },
  teardown: ({ bench }) => bench.dispose(),
});
