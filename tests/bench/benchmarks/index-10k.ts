import { detectBlog } from '../../../electron/services/generators/detect-blog.ts';
import { indexPool } from '../../../electron/services/library/index-pool.ts';
import { Library } from '../../../electron/services/library/library.ts';
import { defineBenchmark } from '../measure.ts';
import { corpus10k, ENTRIES_10K, log } from '../shared.ts';

/**
 * Cold index of the 10,000-post corpus (and its 600 pages) through the app's Library (no cache): walk, read
 * every file whole, front matter, title, date, draft, tags, categories, word count, URL,
 * mtime and size, then the sorted list (an excerpt is read when asked, not indexed: see
 * post-entry.ts's readExcerpt). Budget: 1.5x the read floor.
 *
 * The Library reads the files in its worker_threads pool (one worker per core, at most
 * four), while the floor is a single-threaded readFileSync loop: on more than one core the
 * ratio is that of parallel work to a single-threaded read. The pool's workers start on the
 * warm-up run and live on (as in the app, where they start with the first big index);
 * setup logs how many there are.
 */
export default defineBenchmark({
  name: 'index-10k',
  runs: 7,
  warmup: 1,
  floor: 'read-floor-10k',
  setup: () => {
    log(`bench: index-10k reads in ${indexPool().size} worker(s) (the floor reads in one thread)`);
    const root = corpus10k();
    return { root, layout: detectBlog(root), posts: 0 };
  },
  run: async (state) => {
    const library = new Library({ root: state.root, layout: state.layout, cacheFolder: null });
    await library.load();
    state.posts = library.posts().length;
    if (state.posts !== ENTRIES_10K)
      throw new Error(`indexed ${state.posts} posts and pages, not ${ENTRIES_10K}`);
  },
});
