import { detectBlog } from '../../../electron/services/generators/detect-blog.ts';
import { Library } from '../../../electron/services/library/library.ts';
import { SearchService } from '../../../electron/services/search/search-service.ts';
import { defineBenchmark } from '../measure.ts';
import { SEARCH_QUERIES } from '../search-queries.ts';
import { corpus10k } from '../shared.ts';

/**
 * One search over the 10,000 posts before the background index exists: the plain scan
 * over the texts held in memory (trigram filter, bound-ordered counting), with snippets. Each run is one query of the mix in turn;
 * the budget is on the 95th percentile (`p95_ms`): 50 ms.
 */
export default defineBenchmark({
  name: 'search-10k-p95',
  runs: SEARCH_QUERIES.length * 4,
  warmup: SEARCH_QUERIES.length,
  setup: async () => {
    const root = corpus10k();
    const library = new Library({ root, layout: detectBlog(root), cacheFolder: null });
    await library.load();
    const search = new SearchService(library, { buildIndex: false });
    search.start();
    await search.whenReady();
    return { search, count: 0, hits: 0 };
  },
  run: async (state) => {
    const query = SEARCH_QUERIES[state.count++ % SEARCH_QUERIES.length]!;
    state.hits += (await state.search.search(query)).length;
  },
  teardown: (state) => state.search.close(),
});
