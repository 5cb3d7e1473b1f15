import { HealthService, healthOf } from '../../../electron/services/health/health-service.ts';
import { Library } from '../../../electron/services/library/library.ts';
import { openWorkspace } from '../../../electron/services/workspace.ts';
import { defineBenchmark } from '../measure.ts';
import { corpus10k, log } from '../shared.ts';

/**
 * The whole site health check over the 10,000-post corpus (and its 600 pages and 3,000
 * images): list the blog's files, read every post, find its links, images, template
 * references and headings, and check them all against the site's URLs and files. The
 * corpus's posts link to each other (`{% post_link %}`) and show the site's images. It runs
 * in the main process's background, yielding to requests every few milliseconds.
 * Budget: median 1.5 s.
 */
export default defineBenchmark({
  name: 'health-10k',
  runs: 5,
  warmup: 1,
  setup: async () => {
    const workspace = await openWorkspace(corpus10k(), 'asset://bench/');
    const library = new Library({ root: workspace.info.root, layout: workspace.layout });
    await library.load();
    return { workspace, library, last: null as HealthService | null };
  },
  run: async (state) => {
    const health = healthOf(state.workspace, state.library, () => undefined);
    await health.checkAll();
    state.last = health;
  },
  teardown: async (state) => {
    const report = state.last?.report(Infinity);
    const summary = state.last?.summary();
    if (report && summary)
      log(
        `bench: health-10k found ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notes} notes; ${report.external.length} external links`,
      );
    await state.library.close();
  },
});
