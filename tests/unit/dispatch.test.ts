import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requestChannels } from '../../shared/channels.ts';
import type { Envelope } from '../../shared/api.ts';
import {
  type ListHead,
  type ListedPost,
  type PostFile,
  type SaveResult,
  type WorkspaceInfo,
} from '../../shared/models.ts';
import { postOrders, sortKeys } from '../../shared/post-order.ts';
import { createDispatcher } from '../../electron/services/dispatch.ts';
import { createFolio, type Host } from '../../electron/services/handlers.ts';
import { createSettingsStore } from '../../electron/services/settings/settings.ts';
import { useTempFolders } from './support/temp.ts';

const tempFolder = useTempFolders();
const sampleBlog = fileURLToPath(new URL('../../assets/sample-blog', import.meta.url));
const ASSET_BASE = 'asset://blog/';
const POST = 'source/_posts/debouncing-without-tears.md';

interface Harness {
  dispatch: (channel: unknown, args: unknown) => Promise<Envelope<unknown>>;
  host: Host;
  blog: string;
  dataFolder: string;
  /** What the host was asked: dialogs shown (folder or file), URLs opened, events sent. */
  picks: number;
  opened: string[];
  events: Array<{ channel: string; payload: unknown }>;
  /** What the folder dialog answers. */
  pickResult: string | null;
}

/** The real handlers over a copy of the sample blog, with a host that records what it is asked. */
async function harness(): Promise<Harness> {
  const dataFolder = await tempFolder();
  const blog = path.join(await tempFolder(), 'My Blog');
  await cp(sampleBlog, blog, { recursive: true });
  const host: Host = {
    pickFolder: async () => {
      h.picks++;
      return h.pickResult;
    },
    pickFile: async () => {
      h.picks++;
      return null;
    },
    trashItem: async () => {
      throw new Error('not used here: see post-ops-handlers.test.ts');
    },
    openExternal: async (url) => {
      h.opened.push(url);
    },
    emit: (channel, payload) => {
      h.events.push({ channel, payload });
    },
    settings: createSettingsStore(dataFolder),
    assetBase: ASSET_BASE,
    dataFolder,
  };
  const h: Harness = {
    dispatch: createDispatcher(createFolio(host).handlers),
    host,
    blog,
    dataFolder,
    picks: 0,
    opened: [],
    events: [],
    pickResult: blog,
  };
  return h;
}

function valueOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok)
    throw new Error(`Expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

function errorOf(envelope: Envelope<unknown>): { code: string; message: string } {
  if (envelope.ok) throw new Error(`Expected an error, got ${JSON.stringify(envelope.value)}`);
  return envelope.error;
}

describe('dispatch: argument validation', () => {
  it.each([['deleteEverything'], ['__proto__'], ['toString'], ['constructor'], [42], [null]])(
    'refuses the unknown channel %s with INVALID_ARGUMENT',
    async (channel) => {
      const h = await harness();
      expect(errorOf(await h.dispatch(channel, {})).code).toBe('INVALID_ARGUMENT');
    },
  );

  it.each(requestChannels.map((channel) => [channel]))(
    '%s refuses an unknown extra field, without calling the handler',
    async (channel) => {
      const h = await harness();
      const error = errorOf(await h.dispatch(channel, { bogus: 1 }));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain(channel);
      expect(h.picks).toBe(0);
      expect(h.opened).toEqual([]);
      expect(h.events).toEqual([]);
    },
  );

  it.each(requestChannels.map((channel) => [channel]))(
    '%s refuses arguments that are not an object',
    async (channel) => {
      const h = await harness();
      for (const args of ['path', 7, ['a']]) {
        expect(errorOf(await h.dispatch(channel, args)).code).toBe('INVALID_ARGUMENT');
      }
    },
  );

  const version = { mtimeMs: 1, size: 1, hash: 'a'.repeat(64) };
  it.each([
    ['openWorkspace', { path: 42 }],
    ['openWorkspace', { path: '' }],
    ['readPost', {}],
    ['readPost', { path: '' }],
    ['listFirstPosts', { count: 0, sort: 'date' }],
    ['listFirstPosts', { count: 20, sort: 'random' }],
    ['readPost', { path: ['a.md'] }],
    ['savePost', { path: POST, text: 'x' }],
    ['savePost', { path: POST, text: 1, expected: version }],
    ['savePost', { path: POST, text: 'x', expected: { ...version, hash: 'not-hex' } }],
    ['savePost', { path: POST, text: 'x', expected: { ...version, size: -1 } }],
    ['savePost', { path: POST, text: 'x', expected: { ...version, extra: true } }],
    ['openExternal', { url: 5 }],
    ['openExternal', {}],
  ])('%s refuses the wrongly typed arguments %j', async (channel, args) => {
    const h = await harness();
    expect(errorOf(await h.dispatch(channel, args)).code).toBe('INVALID_ARGUMENT');
    expect(h.picks).toBe(0);
  });
});

describe('handlers before a folder is open', () => {
  it('getWorkspace answers null', async () => {
    const h = await harness();
    expect(valueOf(await h.dispatch('getWorkspace', {}))).toBeNull();
  });

  it.each([
    ['listPosts', {}],
    ['readPost', { path: POST }],
    [
      'savePost',
      { path: POST, text: 'x', expected: { mtimeMs: 0, size: 0, hash: '0'.repeat(64) } },
    ],
  ])('%s fails with NO_FOLDER', async (channel, args) => {
    const h = await harness();
    expect(errorOf(await h.dispatch(channel, args)).code).toBe('NO_FOLDER');
  });
});

describe('openWorkspace', () => {
  it('without a path asks the host to pick a folder, opens it, tells the renderer and remembers it', async () => {
    const h = await harness();

    const info = valueOf<WorkspaceInfo>(await h.dispatch('openWorkspace', {}));

    expect(h.picks).toBe(1);
    expect(info).toMatchObject({
      root: h.blog,
      name: 'Field Notes', // the site's title, not the folder's name
      assetBase: ASSET_BASE,
      generator: 'hexo',
      staticRoot: 'source',
    });
    // The site health check reports on its own, in the background (healthChanged).
    expect(h.events.filter((e) => e.channel !== 'healthChanged')).toEqual([
      { channel: 'workspaceChanged', payload: info },
    ]);
    expect(h.host.settings.get().lastFolder).toBe(h.blog);
    // Persisted: a new store over the same data folder (the next start) reads it back.
    expect(createSettingsStore(h.dataFolder).get().lastFolder).toBe(h.blog);
    const onDisk = JSON.parse(await readFile(path.join(h.dataFolder, 'settings.json'), 'utf8'));
    expect(onDisk).toMatchObject({ lastFolder: h.blog, recentFolders: [h.blog] });
    expect(valueOf(await h.dispatch('getWorkspace', undefined))).toEqual(info);
  });

  it('returns null and changes nothing when the writer cancels the folder dialog', async () => {
    const h = await harness();
    h.pickResult = null;
    expect(valueOf(await h.dispatch('openWorkspace', {}))).toBeNull();
    expect(h.events).toEqual([]);
    expect(h.host.settings.get().lastFolder).toBeUndefined();
    expect(valueOf(await h.dispatch('getWorkspace', {}))).toBeNull();
  });

  it('opens a recent folder by its path without asking the host', async () => {
    const h = await harness();
    await h.host.settings.update({ recentFolders: [h.blog] });
    const info = valueOf<WorkspaceInfo>(await h.dispatch('openWorkspace', { path: h.blog }));
    expect(info.root).toBe(h.blog);
    expect(h.picks).toBe(0);
  });

  it('refuses a path the writer never chose, without looking at it', async () => {
    const h = await harness();
    const error = errorOf(await h.dispatch('openWorkspace', { path: h.blog }));
    expect(error).toEqual({
      code: 'INVALID_ARGUMENT',
      message: `Folio opens only folders you chose: open “${h.blog}” with Open Folder… first`,
    });
    expect(errorOf(await h.dispatch('openWorkspace', { path: '/etc' })).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(h.events).toEqual([]);
    expect(valueOf(await h.dispatch('getWorkspace', {}))).toBeNull();
  });

  it('reports a recent folder that is gone as NOT_FOUND and one that became a file as NOT_A_FOLDER', async () => {
    const h = await harness();
    const missing = path.join(h.dataFolder, 'nope');
    const file = path.join(h.blog, '_config.yml');
    await h.host.settings.update({ recentFolders: [missing, file] });
    expect(errorOf(await h.dispatch('openWorkspace', { path: missing })).code).toBe('NOT_FOUND');
    expect(errorOf(await h.dispatch('openWorkspace', { path: file })).code).toBe('NOT_A_FOLDER');
    expect(h.events).toEqual([]);
  });
});

describe('posts through the dispatcher', () => {
  it('lists, reads and saves a post, and refuses a stale save with CONFLICT', async () => {
    const h = await harness();
    valueOf(await h.dispatch('openWorkspace', {}));

    const posts = valueOf<ListedPost[]>(await h.dispatch('listPosts', {}));
    expect(posts.map((p) => p.path)).toContain(POST);

    const post = valueOf<PostFile>(await h.dispatch('readPost', { path: POST }));
    const text = post.text.replace('Debouncing Without Tears', 'Debouncing, Calmly');
    const saved = valueOf<SaveResult>(
      await h.dispatch('savePost', { path: POST, text, expected: post.version }),
    );
    expect(saved.summary?.title).toBe('Debouncing, Calmly');
    // One summary: the list holds the very entry the save returned. No excerpts in it: a
    // post's is read when asked, from the text on disk.
    const list = valueOf<ListedPost[]>(await h.dispatch('listPosts', {}));
    expect(list.find((p) => p.path === POST)).toEqual(saved.summary);
    expect(list.every((p) => !('excerpt' in p))).toBe(true);
    const excerpt = valueOf<string | null>(await h.dispatch('getExcerpt', { path: POST }));
    expect(excerpt).toMatch(/^The Problem A search box that fires a network request .*…$/);
    expect(excerpt!.length).toBeLessThanOrEqual(201);
    expect(valueOf(await h.dispatch('getExcerpt', { path: 'source/_posts/none.md' }))).toBeNull();
    expect(await readFile(path.join(h.blog, POST), 'utf8')).toBe(text);

    await writeFile(path.join(h.blog, POST), 'changed by another program\n');
    const stale = await h.dispatch('savePost', {
      path: POST,
      text: 'mine',
      expected: saved.version,
    });
    expect(errorOf(stale).code).toBe('CONFLICT');
    expect(await readFile(path.join(h.blog, POST), 'utf8')).toBe('changed by another program\n');
  });

  it('hands out the first posts in the order the window sorts by, with the count', async () => {
    const h = await harness();
    valueOf(await h.dispatch('openWorkspace', {}));
    const whole = valueOf<ListedPost[]>(await h.dispatch('listPosts', {}));
    expect(whole.length).toBeGreaterThan(3);
    for (const sort of sortKeys) {
      const head = valueOf<ListHead>(await h.dispatch('listFirstPosts', { count: 3, sort }));
      expect(head.total).toBe(whole.length);
      expect(head.posts).toEqual([...whole].sort(postOrders[sort]).slice(0, 3));
    }
    const all = valueOf<ListHead>(
      await h.dispatch('listFirstPosts', { count: 1000, sort: 'date' }),
    );
    expect(all.posts).toEqual(whole);
  });

  it('refuses a path outside the open folder with OUTSIDE_FOLDER', async () => {
    const h = await harness();
    valueOf(await h.dispatch('openWorkspace', {}));
    expect(errorOf(await h.dispatch('readPost', { path: '../../etc/passwd' })).code).toBe(
      'OUTSIDE_FOLDER',
    );
  });
});

describe('openExternal', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['file:///etc/passwd'],
    ['data:text/html,<script>alert(1)</script>'],
    ['app://folio/index.html'],
    ['not a url'],
  ])('refuses %s and never hands it to the host', async (url) => {
    const h = await harness();
    expect(valueOf(await h.dispatch('openExternal', { url }))).toBe(false);
    expect(h.opened).toEqual([]);
  });

  it.each([['https://hexo.io/docs/'], ['http://example.com/a?b=c'], ['mailto:mara@example.com']])(
    'hands %s to the host',
    async (url) => {
      const h = await harness();
      expect(valueOf(await h.dispatch('openExternal', { url }))).toBe(true);
      expect(h.opened).toEqual([url]);
    },
  );
});

describe('errors as data', () => {
  it('turns an unexpected host failure into an INTERNAL envelope instead of throwing', async () => {
    const h = await harness();
    h.host.pickFolder = async () => {
      throw new Error('dialog crashed');
    };
    const error = errorOf(await h.dispatch('openWorkspace', {}));
    expect(error).toEqual({ code: 'INTERNAL', message: 'dialog crashed' });
  });
});
