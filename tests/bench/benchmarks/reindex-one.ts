import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detectBlog } from '../../../electron/services/generators/detect-blog.ts';
import { Library } from '../../../electron/services/library/library.ts';
import { listPosts } from '../corpus.ts';
import { defineBenchmark } from '../measure.ts';
import { alternatives, corpus10k, tempFolder } from '../shared.ts';

/**
 * One post of the 10,000 changed on disk (untimed), then re-indexed: read, parse, and the
 * in-memory list updated in place (the list the renderer gets). Budget: under 20 ms. Runs
 * on a copy of the corpus, so the shared corpus is never modified.
 */
export default defineBenchmark({
  name: 'reindex-one',
  runs: 50,
  warmup: 3,
  setup: async () => {
    const folder = tempFolder('reindex');
    const root = path.join(folder, 'blog');
    cpSync(corpus10k(), root, { recursive: true });
    const files = listPosts(root);
    const file = files[Math.floor(files.length / 2)]!;
    const relative = path.relative(root, file).split(path.sep).join('/');
    const library = new Library({ root, layout: detectBlog(root), cacheFolder: null });
    await library.load();
    const texts = alternatives(readFileSync(file, 'utf8'));
    return { folder, file, relative, library, texts, count: 0 };
  },
  beforeEach: (state) => {
    state.count += 1;
    writeFileSync(state.file, state.texts[state.count % 2] ?? '');
  },
  run: (state) => {
    const summary = state.library.reindexOne(state.relative);
    const list = state.library.posts();
    if (!summary || !list.includes(summary)) throw new Error('the list was not updated');
  },
  teardown: async (state) => {
    await state.library.close();
    rmSync(state.folder, { recursive: true, force: true });
  },
});
