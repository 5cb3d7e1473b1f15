import { rmSync } from 'node:fs';
import { cacheFileFor, writeCache } from '../../../electron/services/library/index-cache.ts';
import { Library } from '../../../electron/services/library/library.ts';
import { recordWalk } from '../../../electron/services/library/walk-record.ts';
import { defineBenchmark } from '../measure.ts';
import { cachedCorpus10k, dropFileCachesIfCold, reopenCorpus10k } from '../shared.ts';

/**
 * Re-opening the 10,000-post blog from the cache after a folder changed (an image was
 * added to the posts folder, say): the folder stamps no longer match the cache's walk
 * (walk-record.ts), so the folders are read again before the stats. No budget: it shows
 * what index-10k-warm saves by not walking, and what a re-open costs when it cannot.
 *
 * The change is made in the cache, not the corpus (its stamps are set one millisecond
 * off): the corpus's folders stay unchanged for the benchmarks after this one.
 */
export default defineBenchmark({
  name: 'index-10k-warm-walked',
  runs: 7,
  warmup: 1,
  floor: 'read-floor-10k',
  setup: async () => ({
    ...(await cachedCorpus10k('index-cache-walked')),
    last: null as Library | null,
  }),
  beforeEach: async (state) => {
    // The previous open rewrote the cache with a trusted walk (a folder that did not hold):
    // wait for that, then write the cache again with its stamps off.
    const { root, layout, cacheFolder } = state;
    const seed = state.last ?? new Library({ root, layout, cacheFolder });
    if (!state.last) await seed.load();
    await seed.flush();
    const walk = recordWalk(root, layout);
    if (!walk.record)
      throw new Error('the corpus folders changed within seconds: no walk to spoil');
    const folders = walk.record.folders.map(
      ([folder, stamp]) =>
        [
          folder,
          stamp && [stamp[0], stamp[1] - 1, stamp[2]],
        ] as (typeof walk.record.folders)[number],
    );
    const entries = seed.posts().map((post) => seed.entry(post.path)!);
    await writeCache(cacheFileFor(cacheFolder, root), root, layout, entries, {
      files: walk.files,
      record: { ...walk.record, folders },
    });
    dropFileCachesIfCold();
  },
  run: async (state) => {
    state.last = await reopenCorpus10k(state, true);
  },
  teardown: async (state) => {
    await state.last?.close();
    rmSync(state.cacheFolder, { recursive: true, force: true });
  },
});
