import { rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { Library } from '../../../electron/services/library/library.ts';
import { defineBenchmark } from '../measure.ts';
import { cachedCorpus10k } from '../shared.ts';

/**
 * Re-opening the 10,000-post blog from the cache after its posts folder changed (an image
 * was added, say): the folder stamps no longer match the cache's walk (walk-record.ts), so
 * the folders are read again before the stats. No budget: it shows what index-10k-warm
 * saves by not walking, and what a re-open costs when it cannot.
 */
export default defineBenchmark({
  name: 'index-10k-warm-walked',
  runs: 7,
  warmup: 1,
  floor: 'read-floor-10k',
  setup: async () => {
    const cached = await cachedCorpus10k('index-cache-walked');
    const posts = path.join(cached.root, 'source/_posts');
    return { ...cached, posts, was: statSync(posts), last: null as Library | null };
  },
  beforeEach: async (state) => {
    // The previous open rewrote the cache with a fresh walk: change the folder again.
    await state.last?.flush();
    const now = new Date();
    utimesSync(state.posts, now, now);
  },
  run: async (state) => {
    const library = new Library({
      root: state.root,
      layout: state.layout,
      cacheFolder: state.cacheFolder,
    });
    const stats = await library.load();
    state.last = library;
    if (stats.reused !== 10_000) throw new Error(`reused ${stats.reused} entries, not 10,000`);
    if (!stats.walked) throw new Error('did not walk the folders, although one changed');
  },
  teardown: async (state) => {
    await state.last?.flush();
    // Its old time back, so that the benchmarks after this one find a folder not changed today.
    utimesSync(state.posts, state.was.atime, state.was.mtime);
    rmSync(state.cacheFolder, { recursive: true, force: true });
  },
});
