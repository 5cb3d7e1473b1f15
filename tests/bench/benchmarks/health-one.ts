import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { healthOf } from '../../../electron/services/health/health-service.ts';
import { Library } from '../../../electron/services/library/library.ts';
import { openWorkspace } from '../../../electron/services/workspace.ts';
import { listPosts } from '../corpus.ts';
import { defineBenchmark } from '../measure.ts';
import { alternatives, corpus10k, tempFolder } from '../shared.ts';

/**
 * After one save in the 10,000-post blog: the post read again, its links and headings
 * found, and its problems checked against the site (the rest of the report kept). The save
 * changes a sentence, not a URL or a heading, as most saves do. Budget: under 20 ms. Runs on
 * a copy of the corpus.
 */
export default defineBenchmark({
  name: 'health-one',
  runs: 50,
  warmup: 3,
  setup: async () => {
    const folder = tempFolder('health-one');
    const root = path.join(folder, 'blog');
    cpSync(corpus10k(), root, { recursive: true });
    const workspace = await openWorkspace(root, 'asset://bench/');
    const library = new Library({ root: workspace.info.root, layout: workspace.layout });
    await library.load();
    const health = healthOf(workspace, library, () => undefined);
    await health.checkAll();
    const files = listPosts(root);
    const file = files[Math.floor(files.length / 2)]!;
    const relative = path.relative(root, file).split(path.sep).join('/');
    const texts = alternatives(readFileSync(file, 'utf8'));
    return { folder, file, relative, library, health, texts, count: 0 };
  },
  beforeEach: (state) => {
    state.count += 1;
    writeFileSync(state.file, state.texts[state.count % 2] ?? '');
    state.library.reindexOne(state.relative);
  },
  run: async (state) => {
    await state.health.update([state.relative]);
  },
  teardown: async (state) => {
    await state.library.close();
    rmSync(state.folder, { recursive: true, force: true });
  },
});
