import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../../electron/services/files/atomic-write.ts';
import { samplePost } from '../corpus.ts';
import { defineBenchmark } from '../measure.ts';
import { alternatives, tempFolder } from '../shared.ts';

/** One atomic write (temp file, fsync, rename, fsync of the folder) of a ~20 KB post. */
export default defineBenchmark({
  name: 'save-20kb',
  runs: 50,
  warmup: 3,
  setup: () => {
    const folder = tempFolder('save');
    const target = path.join(folder, 'post.md');
    const texts = alternatives(samplePost({ bytes: 20_000 }));
    writeFileSync(target, texts[0]);
    return { folder, target, texts, count: 0 };
  },
  run: async (state) => {
    state.count += 1;
    await writeFileAtomic(state.target, state.texts[state.count % 2] ?? '');
  },
  teardown: (state) => rmSync(state.folder, { recursive: true, force: true }),
});
