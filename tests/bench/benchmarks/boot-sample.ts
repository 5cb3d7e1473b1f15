import { bootBlog, reboot, type BootedBlog } from '../boot.ts';
import { defineBenchmark } from '../measure.ts';
import { log } from '../shared.ts';

/** boot-10k's floor: the same start with the sample blog (a handful of posts). */
export default defineBenchmark<{ blog: BootedBlog }>({
  name: 'boot-sample',
  runs: 7,
  warmup: 1,
  setup: async () => ({ blog: await bootBlog('sample') }),
  run: async ({ blog }) => {
    const { servicesMs, pageMs } = await reboot(blog);
    log(`  services ${servicesMs.toFixed(1)} ms, page ${pageMs.toFixed(1)} ms`);
    return { measuredMs: servicesMs + pageMs };
  },
  teardown: ({ blog }) => blog.dispose(),
});
