/** Fixtures more than one benchmark uses. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../shared/api.ts';
import { detectBlog, type BlogLayout } from '../../electron/services/generators/detect-blog.ts';
import { Library } from '../../electron/services/library/library.ts';
import { DEFAULT_SEED, ensureCorpus } from './corpus.ts';

export const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/**
 * The 10,000-post corpus has 600 pages besides (docs and their translations) and 3,000
 * images in `source/images/`, as a real Hexo site of that size would.
 */
export const CORPUS_10K = { posts: 10_000, pages: 600, assets: 3_000 };
/** What the library lists of it: posts and pages. */
export const ENTRIES_10K = CORPUS_10K.posts + CORPUS_10K.pages;

/** The cached 10,000-post corpus (generated on first use, about half a minute). */
export function corpus10k(): string {
  return ensureCorpus({ ...CORPUS_10K, seed: DEFAULT_SEED }, log);
}

/**
 * With FOLIO_BENCH_COLD=1 (as root, on Linux): empties the kernel's page, dentry and inode
 * caches, so the next run reads folders and files from the disk, as after a reboot.
 */
export function dropFileCachesIfCold(): void {
  if (!process.env.FOLIO_BENCH_COLD) return;
  execFileSync('sync');
  writeFileSync('/proc/sys/vm/drop_caches', '3\n');
}

/**
 * Waits until an open folder's background work is done (the library indexed, search's index
 * built, the health check through): memory is measured, and an app starts, from there.
 */
export async function whenServicesQuiet(handlers: Handlers): Promise<void> {
  for (;;) {
    const status = await handlers.getLibraryStatus(undefined as never);
    const health = await handlers.getHealth({});
    if (status.search === 'index' && !status.indexing && !health.summary.checking) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A fresh temp folder, as a real path (the content services expect a real root). */
export function tempFolder(label: string): string {
  return realpathSync(mkdtempSync(path.join(os.tmpdir(), `folio-bench-${label}-`)));
}

/** Two texts of equal length that differ in one character, so every save changes the file. */
export function alternatives(text: string): [string, string] {
  const at = text.lastIndexOf('.');
  if (at < 0) throw new Error('no sentence end to vary');
  return [text, `${text.slice(0, at)}!${text.slice(at + 1)}`];
}

/** The 10,000-post corpus indexed once, with its index cache written to a new temp folder. */
export async function cachedCorpus10k(
  label: string,
): Promise<{ root: string; layout: BlogLayout; cacheFolder: string }> {
  const root = corpus10k();
  const layout = detectBlog(root);
  const cacheFolder = tempFolder(label);
  const cold = new Library({ root, layout, cacheFolder });
  await cold.load();
  await cold.flush();
  return { root, layout, cacheFolder };
}

/**
 * A re-open of the cached corpus, as the app makes one. Throws unless every entry came from
 * the cache and the folders were read (`walked`) or not, as the benchmark expects.
 */
export async function reopenCorpus10k(
  cached: { root: string; layout: BlogLayout; cacheFolder: string },
  walked: boolean,
): Promise<Library> {
  const { root, layout, cacheFolder } = cached;
  const library = new Library({ root, layout, cacheFolder });
  const stats = await library.load();
  if (stats.reused !== ENTRIES_10K)
    throw new Error(`reused ${stats.reused} entries, not ${ENTRIES_10K}`);
  if (stats.walked !== walked) {
    throw new Error(
      walked
        ? 'did not walk the folders, although one changed'
        : 'walked the folders: the cached walk was not trusted',
    );
  }
  return library;
}
