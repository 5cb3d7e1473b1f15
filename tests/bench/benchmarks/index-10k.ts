import { detectBlog } from '../../../electron/services/library/detect-blog.ts';
import { Library } from '../../../electron/services/library/library.ts';
import { defineBenchmark } from '../measure.ts';
import { corpus10k } from '../shared.ts';

/**
 * Cold index of the 10,000-post corpus through the app's Library (no cache): walk, read
 * every file whole, front matter, title, date, draft, tags, categories, word count,
 * excerpt, mtime and size, then the sorted list. Budget: 1.5x the read floor.
 */
export default defineBenchmark({
  name: 'index-10k',
  runs: 7,
  warmup: 1,
  floor: 'read-floor-10k',
  setup: () => {
    const root = corpus10k();
    return { root, layout: detectBlog(root), posts: 0 };
  },
  run: async (state) => {
    const library = new Library({ root: state.root, layout: state.layout, cacheFolder: null });
    await library.load();
    state.posts = library.posts().length;
    if (state.posts !== 10_000) throw new Error(`indexed ${state.posts} posts, not 10,000`);
  },
});
