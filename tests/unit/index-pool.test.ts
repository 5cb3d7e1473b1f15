/**
 * The index workers (index-pool.ts) change where a big index runs, never what it holds:
 * the same entries as the main thread reads, the same stats, the same cache decisions,
 * and a worker that dies mid-way costs nothing but time.
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectBlog } from '../../electron/services/generators/detect-blog.ts';
import { IndexPool } from '../../electron/services/library/index-pool.ts';
import {
  applyPendingData,
  readChunk,
  statChunk,
} from '../../electron/services/library/index-worker.ts';
import { Library } from '../../electron/services/library/library.ts';
import { comparePosts, listPostFiles } from '../../electron/services/library/list-posts.ts';
import { generateCorpus } from '../bench/corpus.ts';
import { useTempFolders } from './support/temp.ts';

const tempFolder = useTempFolders();
const pool = new IndexPool(2);
afterAll(() => pool.close());

async function corpus(posts: number): Promise<string> {
  const root = await tempFolder();
  generateCorpus(root, { posts, seed: 7 });
  return root;
}

const entriesOf = (library: Library) =>
  [...library.allEntries()].sort((a, b) => (a.summary.path < b.summary.path ? -1 : 1));

describe('indexing in workers', () => {
  it('gives the same list, entries and front matter as the main thread', async () => {
    const root = await corpus(240);
    const layout = detectBlog(root);
    const inWorkers = new Library({ root, layout, cacheFolder: null, pool, poolMinFiles: 1 });
    const here = new Library({ root, layout, cacheFolder: null, pool: null });
    expect(await inWorkers.load()).toMatchObject({ files: 240, read: 240 });
    await here.load();
    expect(inWorkers.posts()).toEqual(here.posts());
    // The workers' front matter is set on the entries when first asked for (by the schema).
    expect(inWorkers.fields()).toEqual(here.fields());
    expect(entriesOf(inWorkers)).toEqual(entriesOf(here));
  });

  it('stats and reads files as the main thread does, in order, across chunks', async () => {
    const root = await corpus(450);
    const layout = detectBlog(root);
    const { files } = listPostFiles(root, layout);
    const withGone = [...files, 'source/_posts/gone.md'];
    const stats = await pool.statAll(root, withGone).result;
    expect([...stats]).toEqual([...statChunk(root, withGone)]);
    expect(Number.isNaN(stats[withGone.length * 2 - 1])).toBe(true);
    // This thread taking chunks from the same counter as the workers: every file once.
    const shared = pool.statAll(root, withGone);
    shared.help();
    expect([...(await shared.result)]).toEqual([...stats]);
    // A path stat refuses (a NUL byte) is NaN, like a file that is gone: it never throws.
    expect([...statChunk(root, ['source/_posts/bad\0name.md'])]).toEqual([NaN, NaN]);
    const { results, pending } = await pool.readAll(root, layout, withGone);
    expect(results.every((r) => !r.ok || r.entry.data === undefined)).toBe(true);
    for (const chunk of pending) applyPendingData(chunk);
    expect(results).toEqual(readChunk(root, layout, withGone));
    expect(results.at(-1)).toMatchObject({ ok: false, gone: true });
  });

  it('re-opens from the cache with the stats taken in workers: a file rewritten with the same size is read again', async () => {
    const root = await corpus(120);
    const layout = detectBlog(root);
    const data = await tempFolder();
    const first = new Library({ root, layout, cacheFolder: data, pool, poolMinFiles: 1 });
    await first.load();
    await first.flush();
    const changed = first.posts()[5]!;
    const file = path.join(root, changed.path);
    const text = readFileSync(file, 'utf8');
    const title = changed.title;
    const renamed = title.replace(/^./, (c) => (c === 'X' ? 'Y' : 'X'));
    writeFileSync(file, text.replace(title, renamed));
    expect(readFileSync(file).length).toBe(changed.size);
    const later = new Date(changed.mtimeMs + 5000);
    utimesSync(file, later, later);
    const again = new Library({ root, layout, cacheFolder: data, pool, poolMinFiles: 1 });
    expect(await again.load()).toMatchObject({ files: 120, reused: 119, read: 1 });
    expect(again.posts().find((p) => p.path === changed.path)!.title).toBe(renamed);
    expect(again.posts()).toEqual([...again.posts()].sort(comparePosts));
    // Unchanged, a re-open keeps the cache's order as the list: the same as sorting it.
    await again.flush();
    const third = new Library({ root, layout, cacheFolder: data, pool, poolMinFiles: 1 });
    expect(await third.load()).toMatchObject({ reused: 120, read: 0 });
    expect(third.posts()).toEqual(again.posts());
  });

  it('replaces a worker that died mid-way and reads what it was given again', async () => {
    const root = await corpus(300);
    const layout = detectBlog(root);
    const { files } = listPostFiles(root, layout);
    const doomed = new IndexPool(2);
    const reading = doomed.readAll(root, layout, files).then(({ results, pending }) => {
      for (const chunk of pending) applyPendingData(chunk);
      return results;
    });
    const slots = (doomed as unknown as { slots: Array<{ worker: { terminate(): unknown } }> })
      .slots;
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of [...slots]) void slot.worker.terminate();
    expect(await reading).toEqual(readChunk(root, layout, files));
    await doomed.close();
  });

  it('lists a post that stops its worker as skipped, with why, and every other post as usual', async () => {
    const root = await corpus(260);
    // 600,000 tags: far more than a worker with a 32 MB heap can parse, while an ordinary
    // post leaves that heap room to spare (16 MB did not always, with tsx's loader in it).
    const tags = Array.from({ length: 600_000 }, (_, i) => `  - tag${i}`).join('\n');
    const hostile = 'source/_posts/hostile-tags.md';
    writeFileSync(path.join(root, hostile), `---\ntitle: Hostile\ntags:\n${tags}\n---\nBody.\n`);
    const layout = detectBlog(root);
    const small = new IndexPool(1, { heapMb: 32 });
    const library = new Library({ root, layout, cacheFolder: null, pool: small, poolMinFiles: 1 });
    expect(await library.load()).toMatchObject({ files: 261, read: 260, skipped: 1 });
    expect(library.skipped()).toEqual([
      {
        path: hostile,
        reason: 'could not be indexed: reading it needs more memory than any post may use',
      },
    ]);
    const here = new Library({ root, layout, cacheFolder: null, pool: null });
    await here.load();
    expect(library.posts()).toEqual(here.posts().filter((post) => post.path !== hostile));
    // The pool goes on in workers (the post was never read on this thread).
    expect(small.usable).toBe(true);
    await small.close();
  });
});
