import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bootBlog, reboot, type BootedBlog } from '../boot.ts';
import { defineBenchmark } from '../measure.ts';
import { log } from '../shared.ts';

/**
 * The renderer's JS heap (after a garbage collection) with the 10,000-post blog open, a post
 * in the editor and one full-text search made; reported in MB as `measuredMs` (the runner's
 * one number). The main process's memory goes to the log, measured in a process of its own
 * running the services alone (main-memory.ts): in the Chromium host the services share this
 * process with Playwright's driver.
 */
export default defineBenchmark<{ blog: BootedBlog; count: number }>({
  name: 'memory-10k',
  unit: 'MB',
  runs: 3,
  warmup: 0,
  setup: async () => {
    const script = fileURLToPath(new URL('../main-memory.ts', import.meta.url));
    const main = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' }),
    ) as { rssMb: number; heapMb: number };
    log(
      `  main process alone: RSS ${main.rssMb.toFixed(0)} MB, JS heap ${main.heapMb.toFixed(0)} MB`,
    );
    const blog = await bootBlog('10k');
    await reboot(blog);
    return { blog, count: 0 };
  },
  run: async (state) => {
    const { page } = state.blog;
    const query = ['soup', 'theme', 'family'][state.count++ % 3]!;
    await page.keyboard.press('ControlOrMeta+Shift+f');
    const search = page.getByRole('dialog', { name: 'Search all posts' });
    await search.getByRole('searchbox').fill(query);
    await search.getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    const mb = (bytes: number) => bytes / 1024 / 1024;
    log(`  renderer heap ${mb(usedSize).toFixed(1)} MB`);
    return { measuredMs: mb(usedSize) };
  },
  teardown: ({ blog }) => blog.dispose(),
});
