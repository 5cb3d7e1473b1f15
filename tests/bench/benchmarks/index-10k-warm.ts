import { rmSync } from 'node:fs';
import { defineBenchmark } from '../measure.ts';
import { cachedCorpus10k, dropFileCachesIfCold, reopenCorpus10k } from '../shared.ts';

/**
 * Re-opening the 10,000-post blog with the index cache in the data folder: check the
 * folders' stamps against the cache's walk (no folder is read; see index-10k-warm-walked
 * for when one changed), stat every file (in the index workers while the cache is
 * decoded, then on this thread too), reuse every entry; the list is the cache's, already in
 * order. Budget: 0.3x the read floor.
 */
export default defineBenchmark({
  name: 'index-10k-warm',
  runs: 7,
  warmup: 1,
  floor: 'read-floor-10k',
  setup: () => cachedCorpus10k('index-cache'),
  beforeEach: dropFileCachesIfCold,
  run: async (state) => {
    // Closed as when the app opens another folder (a closed library's pending timers let it go).
    (await reopenCorpus10k(state, false)).close();
  },
  teardown: (state) => rmSync(state.cacheFolder, { recursive: true, force: true }),
});
