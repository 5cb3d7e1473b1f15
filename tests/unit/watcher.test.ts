import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { detectBlog } from '../../electron/services/generators/detect-blog.ts';
import { Library } from '../../electron/services/library/library.ts';
import { liveLibrary, type ExternalChange } from '../../electron/services/library/live-library.ts';
import { watchFolders, type FolderWatcher } from '../../electron/services/library/watcher.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** Collects what a watcher reports; `until` waits (up to the test's timeout) for a path. */
function recorder() {
  const seen = new Set<string>();
  const gone = new Set<string>();
  let wake: (() => void) | null = null;
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => (wake = resolve));
  };
  return {
    seen,
    gone,
    onChange: (paths: string[]) => {
      paths.forEach((p) => seen.add(p));
      wake?.();
    },
    onFoldersGone: (paths: string[]) => {
      paths.forEach((p) => gone.add(p));
      wake?.();
    },
    saw: (rel: string) => until(() => seen.has(rel)),
    sawGone: (rel: string) => until(() => gone.has(rel)),
  };
}

for (const recursive of [false, true]) {
  describe(`watchFolders (${recursive ? 'one recursive watch' : 'a watch per folder'})`, () => {
    async function start(files: Record<string, string>, folders: string[]) {
      const root = await tempFolder();
      await writeFiles(root, files);
      const record = recorder();
      const watcher: FolderWatcher = watchFolders({
        root,
        folders,
        recursive,
        watchFolder: (rel) => !rel.split('/').includes('node_modules'),
        onChange: record.onChange,
        onFoldersGone: record.onFoldersGone,
      });
      closers.push(() => watcher.close());
      await watcher.ready;
      const at = (rel: string) => path.join(root, rel);
      return { root, record, at };
    }

    it('reports created, changed, atomically replaced, moved and deleted posts', async () => {
      const { record, at } = await start(
        { 'source/_posts/a.md': 'a', 'source/_posts/deep/b.md': 'b' },
        ['source/_posts', 'source/_drafts'],
      );
      await writeFile(at('source/_posts/new.md'), 'new');
      await record.saw('source/_posts/new.md');
      await writeFile(at('source/_posts/deep/b.md'), 'changed');
      await record.saw('source/_posts/deep/b.md');
      await writeFileAtomic(at('source/_posts/a.md'), 'replaced');
      await record.saw('source/_posts/a.md');
      record.seen.clear();
      await rename(at('source/_posts/new.md'), at('source/_posts/deep/moved.md'));
      await record.saw('source/_posts/new.md');
      await record.saw('source/_posts/deep/moved.md');
      await rm(at('source/_posts/deep/moved.md'));
      record.seen.clear();
      await writeFile(at('source/_posts/deep/moved.md'), 'back');
      await record.saw('source/_posts/deep/moved.md');
    });

    it('sees a post folder created after the start and the files of a folder moved in', async () => {
      const { record, at, root } = await start({ 'source/_posts/a.md': 'a' }, [
        'source/_posts',
        'source/_drafts',
      ]);
      await mkdir(at('source/_drafts'));
      await writeFile(at('source/_drafts/later.md'), 'draft');
      await record.saw('source/_drafts/later.md');
      const outside = path.join(path.dirname(root), `${path.basename(root)}-bundle`);
      await writeFiles(outside, { 'index.md': 'bundle', 'img/x.md': 'nested' });
      closers.push(() => void rm(outside, { recursive: true, force: true }));
      await rename(outside, at('source/_posts/bundle'));
      await record.saw('source/_posts/bundle/index.md');
      await record.saw('source/_posts/bundle/img/x.md');
    });

    it('reports a folder that went away, so what was indexed below it can go too', async () => {
      const { record, at } = await start({ 'content/posts/trip/index.md': 'x' }, ['content']);
      await rm(at('content/posts/trip'), { recursive: true });
      if (recursive) await record.saw('content/posts/trip');
      else await record.sawGone('content/posts/trip');
    });
  });
}

describe('liveLibrary', () => {
  async function open() {
    const root = await tempFolder();
    await writeFiles(root, {
      '_config.yml': 'title: x\n',
      'source/_posts/a.md': '---\ntitle: A\n---\nBody\n',
    });
    const library = new Library({ root, layout: detectBlog(root), cacheFolder: null });
    await library.load();
    const external: ExternalChange[] = [];
    const live = liveLibrary(library, (changes) => void external.push(...changes));
    closers.push(() => live.close());
    await live.ready;
    const titles = () => library.posts().map((p) => p.title);
    // Polls: an echo that is rightly not reported never wakes a waiter.
    const waitFor = async (check: () => boolean) => {
      while (!check()) await new Promise<void>((resolve) => setTimeout(resolve, 10));
    };
    return { root, library, live, external, titles, waitFor };
  }

  it('re-indexes a post changed elsewhere and reports it with its new version', async () => {
    const { root, external, titles, waitFor } = await open();
    const text = '---\ntitle: Edited Elsewhere\n---\n';
    await writeFile(path.join(root, 'source/_posts/a.md'), text);
    // writeFile truncates, then writes: a busy machine may show the empty file first.
    await waitFor(() => titles().includes('Edited Elsewhere'));
    expect(titles()).toEqual(['Edited Elsewhere']);
    await waitFor(() => external.at(-1)?.version?.size === text.length);
    expect(external.at(-1)).toMatchObject({
      path: 'source/_posts/a.md',
      version: { size: text.length },
    });
  });

  it('lists a new file and drops a deleted one, reporting the deletion with no version', async () => {
    const { root, external, titles, waitFor } = await open();
    await writeFile(path.join(root, 'source/_posts/b.md'), '---\ntitle: B\n---\n');
    await waitFor(() => titles().includes('B'));
    await rm(path.join(root, 'source/_posts/a.md'));
    await waitFor(() => external.some((c) => c.version === null));
    expect(titles()).toEqual(['B']);
    expect(external.find((c) => c.version === null)?.path).toBe('source/_posts/a.md');
  });

  it('does not report the echo of Folio’s own writes, only what others write after', async () => {
    const { root, live, external, titles, waitFor } = await open();
    const text = '---\ntitle: Saved By Folio\n---\n';
    live.expect('source/_posts/a.md', text);
    await writeFileAtomic(path.join(root, 'source/_posts/a.md'), text);
    await waitFor(() => titles().includes('Saved By Folio'));
    const theirs = '---\ntitle: Theirs\n---\n';
    await writeFile(path.join(root, 'source/_posts/a.md'), theirs);
    await waitFor(() => external.length > 0 && titles().includes('Theirs'));
    // None of the reports is the echo of Folio's write, and the last is their bytes (an
    // earlier one may be the file they truncated on the way).
    const hash = (t: string) => createHash('sha256').update(t).digest('hex');
    await waitFor(() => external.at(-1)?.version?.hash === hash(theirs));
    expect(external.map((c) => c.path)).toEqual(external.map(() => 'source/_posts/a.md'));
    expect(external.map((c) => c.version?.hash)).not.toContain(hash(text));
  });
});
