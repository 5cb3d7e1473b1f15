import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api.ts';
import type { PostOpResult, PostSummary } from '../../shared/models.ts';
import { createDispatcher } from '../../electron/services/dispatch.ts';
import { createFolio, type Host } from '../../electron/services/handlers.ts';
import { createSettingsStore } from '../../electron/services/settings/settings.ts';
import { useTempFolders } from './support/temp.ts';

const tempFolder = useTempFolders();
const sampleBlog = path.resolve(import.meta.dirname, '../../assets/sample-blog');

async function harness() {
  const data = await tempFolder();
  const blog = path.join(await tempFolder(), 'blog');
  await cp(sampleBlog, blog, { recursive: true });
  const trashed: string[] = [];
  const events: Array<{ channel: string; payload: unknown }> = [];
  const host: Host = {
    pickFolder: async () => null,
    pickFile: async () => null,
    openExternal: async () => undefined,
    // The system trash, stood in for: the item moves into a folder of the test's own.
    trashItem: async (file) => {
      await mkdir(path.join(data, 'trash'), { recursive: true });
      await rename(file, path.join(data, 'trash', path.basename(file)));
      trashed.push(file);
    },
    emit: (channel, payload) => void events.push({ channel, payload }),
    settings: createSettingsStore(data),
    assetBase: 'asset://blog/',
    dataFolder: data,
  };
  const folio = createFolio(host);
  await folio.openFolder(blog);
  const dispatch = createDispatcher(folio.handlers);
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const envelope = (await dispatch(channel, args)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value;
  };
  return { blog, folio, call, dispatch, trashed, events };
}

describe('post operations through the dispatcher', () => {
  it('creates, publishes and trashes, and the list follows each step', async () => {
    const { blog, folio, call, trashed, events } = await harness();
    try {
      const created = await call<PostOpResult>('createPost', { title: 'Market Day', draft: true });
      expect(created.path).toBe('source/_drafts/market-day.md');
      expect(created.summary).toMatchObject({ title: 'Market Day', draft: true });
      const published = await call<PostOpResult>('publishPost', { path: created.path });
      expect(published).toMatchObject({
        path: 'source/_posts/market-day.md',
        removed: ['source/_drafts/market-day.md'],
        summary: { draft: false },
      });
      // The sample blog's dates are `YYYY-MM-DD HH:mm:ss`: the new date follows them.
      expect(readFileSync(path.join(blog, published.path!), 'utf8')).toMatch(
        /^date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/m,
      );
      const list = await call<PostSummary[]>('listPosts', {});
      expect(list.map((p) => p.path)).toContain('source/_posts/market-day.md');
      expect(list.map((p) => p.path)).not.toContain('source/_drafts/market-day.md');

      await call('trashPost', { path: published.path });
      expect(trashed).toEqual([path.join(blog, 'source/_posts/market-day.md')]);
      expect(existsSync(path.join(blog, 'source/_posts/market-day.md'))).toBe(false);
      const removedEvent = events.find(
        (e) =>
          e.channel === 'postsChanged' &&
          (e.payload as { removed: string[] }).removed.includes('source/_posts/market-day.md'),
      );
      expect(removedEvent).toBeDefined();
    } finally {
      await folio.dispose();
    }
  });

  it('refuses bad requests with a clear error and touches nothing', async () => {
    const { blog, folio, dispatch } = await harness();
    try {
      const empty = (await dispatch('createPost', {
        title: '   ',
        draft: false,
      })) as Envelope<never>;
      expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      expect(empty.ok || empty.error.message).toMatch(/title/);
      const outside = (await dispatch('trashPost', { path: '../outside.md' })) as Envelope<never>;
      expect(outside).toMatchObject({ ok: false, error: { code: 'OUTSIDE_FOLDER' } });
      const extra = (await dispatch('publishPost', {
        path: 'a.md',
        force: true,
      })) as Envelope<never>;
      expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      expect(existsSync(path.join(blog, 'source/_posts/debouncing-without-tears.md'))).toBe(true);
    } finally {
      await folio.dispose();
    }
  });
});
