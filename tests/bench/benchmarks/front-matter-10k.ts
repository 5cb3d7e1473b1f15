import { readFileSync } from 'node:fs';
import { readFrontMatter } from '../../../electron/services/library/post-entry.ts';
import { findFrontMatter } from '../../../shared/frontmatter.ts';
import { listPosts } from '../corpus.ts';
import { defineBenchmark } from '../measure.ts';
import { corpus10k } from '../shared.ts';

/**
 * The index's front-matter read over the 10,000 posts' texts (read in setup): find the block,
 * then js-yaml's core schema (post-entry.ts readFrontMatter). Its
 * floor is the read floor, so the ratio is its share of a cold index; front-matter-10k-gray-
 * matter reads the same texts through gray-matter, for the comparison in ARCHITECTURE.md.
 */
export default defineBenchmark({
  name: 'front-matter-10k',
  runs: 7,
  warmup: 1,
  floor: 'read-floor-10k',
  setup: () => ({ texts: listPosts(corpus10k()).map((f) => readFileSync(f, 'utf8')), keys: 0 }),
  run: (state) => {
    let keys = 0;
    for (const text of state.texts)
      keys += Object.keys(readFrontMatter(text, findFrontMatter(text)).data).length;
    state.keys = keys;
  },
});
