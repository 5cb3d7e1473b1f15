import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readPost, savePost } from '../../../electron/services/content/posts.ts';
import { resultOfBytes } from '../../../electron/services/library/post-entry.ts';
import type { FileVersion } from '../../../shared/models.ts';
import { samplePost } from '../corpus.ts';
import { defineBenchmark } from '../measure.ts';
import { alternatives, tempFolder } from '../shared.ts';

const RELATIVE = 'source/_posts/post.md';

/**
 * The service path of a save: resolve inside the root, read and hash to check the version,
 * write atomically, stat, and the list entry made from the text written (as the library
 * does on a save). Its floor is the bare atomic write, so the ratio is
 * the cost of the conflict check. The version comes from `readPost` before each (untimed) run.
 */
export default defineBenchmark({
  name: 'save-post-20kb',
  runs: 50,
  warmup: 3,
  floor: 'save-20kb',
  setup: () => {
    const root = tempFolder('save-post');
    mkdirSync(path.join(root, 'source', '_posts'), { recursive: true });
    const texts = alternatives(samplePost({ bytes: 20_000 }));
    writeFileSync(path.join(root, RELATIVE), texts[0]);
    const expected: FileVersion = { mtimeMs: 0, size: 0, hash: '' };
    return { root, texts, expected, count: 0 };
  },
  beforeEach: async (state) => {
    state.expected = (await readPost(state.root, RELATIVE)).version;
  },
  run: async (state) => {
    state.count += 1;
    const text = state.texts[state.count % 2] ?? '';
    const { version } = await savePost(state.root, RELATIVE, text, state.expected);
    resultOfBytes(RELATIVE, Buffer.from(text, 'utf8'), version, { inDraftFolder: false });
  },
  teardown: (state) => rmSync(state.root, { recursive: true, force: true }),
});
