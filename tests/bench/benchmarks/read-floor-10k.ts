import { readFileSync } from 'node:fs';
import { listPosts } from '../corpus.ts';
import { defineBenchmark } from '../measure.ts';
import { corpus10k } from '../shared.ts';

/**
 * The floor for anything that reads the whole blog: a `readFileSync(file, 'utf8')` loop over
 * the 10,000 posts, listed once in setup. Indexing budgets are ratios to this.
 */
export default defineBenchmark({
  name: 'read-floor-10k',
  runs: 7,
  warmup: 1,
  setup: () => ({ files: listPosts(corpus10k()), chars: 0 }),
  run: (state) => {
    let chars = 0;
    for (const file of state.files) chars += readFileSync(file, 'utf8').length;
    state.chars = chars; // keeps the reads observable
  },
});
