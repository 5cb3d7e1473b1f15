import { bootBlog, listTripMs, reboot, type BootedBlog } from '../boot.ts';
import { defineBenchmark } from '../measure.ts';
import { log } from '../shared.ts';

/**
 * From opening the 10,000-post blog (index cache warm) and loading the page to an editable
 * post with the library listed: the services' open, then the page's load (from navigation to
 * the list and the editor shown). A stand-in for the app's start, which needs Electron.
 */
export default defineBenchmark<{ blog: BootedBlog }>({
  name: 'boot-10k',
  floor: 'boot-sample',
  runs: 7,
  warmup: 1,
  setup: async () => ({ blog: await bootBlog('10k') }),
  run: async ({ blog }) => {
    const { servicesMs, pageMs } = await reboot(blog);
    log(`  services ${servicesMs.toFixed(1)} ms, page ${pageMs.toFixed(1)} ms`);
    return { measuredMs: servicesMs + pageMs };
  },
  teardown: async ({ blog }) => {
    log(
      `  the list's trip through the Chromium host's bridge: ${(await listTripMs(blog)).toFixed(0)} ms`,
    );
    await blog.dispose();
  },
});
