import { rmSync } from 'node:fs';
import { detectBlog } from '../../../electron/services/library/detect-blog.ts';
import { Library } from '../../../electron/services/library/library.ts';
import { defineBenchmark } from '../measure.ts';
import { corpus10k, tempFolder } from '../shared.ts';

/**
 * Re-opening the 10,000-post blog with the index cache in the data folder: walk the
 * folders, stat every file (in the index workers, while the cache is read and parsed),
 * reuse every entry; the list is the cache's, already in order. Budget: 0.3x the read floor.
 */
export default defineBenchmark({
  name: 'index-10k-warm',
  runs: 7,
  warmup: 1,
  floor: 'read-floor-10k',
  setup: async () => {
    const root = corpus10k();
    const layout = detectBlog(root);
    const cacheFolder = tempFolder('index-cache');
    const cold = new Library({ root, layout, cacheFolder });
    await cold.load();
    await cold.flush();
    return { root, layout, cacheFolder, reused: 0 };
  },
  run: async (state) => {
    const library = new Library({
      root: state.root,
      layout: state.layout,
      cacheFolder: state.cacheFolder,
    });
    const stats = await library.load();
    // As when the app opens another folder (a closed library's pending timers let it go).
    library.close();
    if (stats.reused !== 10_000) throw new Error(`reused ${stats.reused} entries, not 10,000`);
    if (stats.walked) throw new Error('walked the folders: the cached walk was not trusted');
    state.reused = stats.reused;
  },
  teardown: (state) => rmSync(state.cacheFolder, { recursive: true, force: true }),
});
