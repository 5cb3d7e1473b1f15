import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { listPosts } from '../corpus.ts';
import { defineBenchmark } from '../measure.ts';
import { corpus10k } from '../shared.ts';

/**
 * The same texts as front-matter-10k through gray-matter, set up as the index would need it:
 * js-yaml's core schema as its one YAML engine (dates stay strings), and an options object
 * on every call (without one gray-matter caches each parse by its text, which an index of
 * 10,000 posts must not keep).
 */
const options = {
  engines: { yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object },
};

export default defineBenchmark({
  name: 'front-matter-10k-gray-matter',
  runs: 7,
  warmup: 1,
  floor: 'read-floor-10k',
  setup: () => ({ texts: listPosts(corpus10k()).map((f) => readFileSync(f, 'utf8')), keys: 0 }),
  run: (state) => {
    let keys = 0;
    for (const text of state.texts) keys += Object.keys(matter(text, options).data).length;
    state.keys = keys;
  },
});
