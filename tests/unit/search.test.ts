import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/services/dispatch.ts';
import { createFolio, type Host } from '../../electron/services/handlers.ts';
import { detectBlog } from '../../electron/services/generators/detect-blog.ts';
import { Library } from '../../electron/services/library/library.ts';
import { SearchService } from '../../electron/services/search/search-service.ts';
import { highlightsIn, snippetsOf } from '../../electron/services/search/snippets.ts';
import { kindOf, nextMatch, parseQuery, WORD } from '../../electron/services/search/text.ts';
import {
  addToFilter,
  FILTER_WORDS,
  mayContain,
  wordProbe,
} from '../../electron/services/search/trigram-filter.ts';
import { createSettingsStore } from '../../electron/services/settings/settings.ts';
import type { Envelope } from '../../shared/api.ts';
import type { LibraryStatus, SearchHit, TitleMatch } from '../../shared/models.ts';
import { generateCorpus } from '../bench/corpus.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();
const sampleBlog = fileURLToPath(new URL('../../assets/sample-blog', import.meta.url));

async function searchOver(root: string, buildIndex = true) {
  const library = new Library({ root, layout: detectBlog(root), cacheFolder: null });
  await library.load();
  const search = new SearchService(library, { buildIndex });
  search.start();
  await search.whenReady();
  if (buildIndex) await search.whenIndexed();
  return { library, search };
}

async function blog(files: Record<string, string>) {
  const root = await tempFolder();
  await writeFiles(root, files);
  return root;
}

describe('query words', () => {
  it('are lowercased, deduplicated, one-letter words dropped, CJK characters one each', () => {
    expect(parseQuery('Garden  garden a I 日本 don’t')).toEqual([
      { text: 'garden', cjk: false },
      { text: '日', cjk: true },
      { text: '本', cjk: true },
      { text: 'don', cjk: false },
    ]);
  });

  it('match at the start of a word, exactly or as a prefix', () => {
    const term = { text: 'gard', cjk: false };
    expect(nextMatch('a garden', term, 0)).toBe(2 * 2 + 0); // prefix
    expect(nextMatch('regard gard', term, 0)).toBe(7 * 2 + 1); // not inside "regard"
    expect(nextMatch(`${'g'.repeat(41)} x`, { text: 'gg', cjk: false }, 0)).toBe(-1); // too long a run
  });
});

describe('ranking', () => {
  const files = {
    'title.md': '---\ntitle: Kyoto in the rain\ndate: 2020-01-01\n---\nA short walk.\n',
    'body.md': '---\ntitle: Travel notes\ndate: 2024-01-01\n---\nWe went to Kyoto once.\n',
    'tagged.md': '---\ntitle: Other\ntags: [kyoto]\ndate: 2021-01-01\n---\nNothing here.\n',
    'prefix.md': '---\ntitle: Prefix\ndate: 2023-01-01\n---\nKyotoite habits of a Kyotoite.\n',
    'both.md': '---\ntitle: Both words\n---\nKyoto and rain, Kyoto again.\n',
    'none.md': '---\ntitle: None\n---\nNothing about it.\n',
  };

  it.each([true, false])(
    'puts title matches first, then front matter, then body; prefixes below exact (index: %s)',
    async (indexed) => {
      const { search } = await searchOver(await blog(files), indexed);
      const hits = await search.search('kyoto');
      expect(hits.map((h) => h.path)).toEqual([
        'title.md',
        'tagged.md',
        'both.md',
        'body.md',
        'prefix.md',
      ]);
      expect(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score)).toBe(true);
    },
  );

  it.each([true, false])('requires every word; finds prefixes (index: %s)', async (indexed) => {
    const { search } = await searchOver(await blog(files), indexed);
    expect((await search.search('kyoto rain')).map((h) => h.path).sort()).toEqual([
      'both.md',
      'title.md',
    ]);
    expect((await search.search('kyotoi')).map((h) => h.path)).toEqual(['prefix.md']);
    expect(await search.search('')).toEqual([]);
    expect(await search.search('zzzz')).toEqual([]);
    expect(await search.search('kyoto', 2)).toHaveLength(2);
  });
});

describe('snippets and highlights', () => {
  it('highlight exactly the matched words in the snippet text', () => {
    const body = `Intro paragraph.\n\nLater we **walked** to the [Garden](https://x.test) and gardened all day.\n`;
    const [snippet] = snippetsOf(body, parseQuery('garden walk'));
    expect(snippet!.text).toBe('Later we walked to the Garden and gardened all day.');
    expect(snippet!.highlights.map(([a, b]) => snippet!.text.slice(a, b))).toEqual([
      'walk',
      'Garden',
      'garden',
    ]);
  });

  it('mark a cut with an ellipsis and keep offsets right after it', () => {
    const body = `${'word '.repeat(60)}the needle is here ${'tail '.repeat(60)}`;
    const [snippet] = snippetsOf(body, parseQuery('needle'));
    expect(snippet!.text.startsWith('…')).toBe(true);
    expect(snippet!.text.endsWith('…')).toBe(true);
    const [[a, b]] = snippet!.highlights as [[number, number]];
    expect(snippet!.text.slice(a, b)).toBe('needle');
  });

  it('merge overlapping highlights and keep offsets in characters that lowercase longer', () => {
    expect(highlightsIn('İstanbul gardening', parseQuery('garden gard'))).toEqual([[9, 15]]);
  });

  it('come back from a real search with offsets inside the text', async () => {
    const { search } = await searchOver(path.join(await copySample()));
    const hits = await search.search('kyoto');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      for (const { text, highlights } of hit.snippets) {
        for (const [a, b] of highlights) expect(text.slice(a, b).toLowerCase()).toBe('kyoto');
      }
    }
  });
});

/** The scan and the index rank every query the same, at every limit. */
async function expectSameRanking(
  scan: SearchService,
  index: SearchService,
  queries: string[],
  limits: number[],
): Promise<void> {
  for (const limit of limits) {
    for (const query of queries) {
      const a = (await scan.rank(query, limit)).ranked;
      const b = (await index.rank(query, limit)).ranked;
      expect(
        b.map((r) => [r.path, r.score]),
        `${query} (limit ${limit})`,
      ).toEqual(a.map((r) => [r.path, r.score]));
    }
  }
}

async function copySample(): Promise<string> {
  const root = path.join(await tempFolder(), 'blog');
  await cp(sampleBlog, root, { recursive: true });
  return root;
}

describe('the scan and the index', () => {
  it('give the same ranked results on a generated corpus', async () => {
    const root = await tempFolder();
    generateCorpus(root, { posts: 300, seed: 11 });
    const scan = await searchOver(root, false);
    const index = await searchOver(root, true);
    expect(scan.search.phase).toBe('scan');
    expect(index.search.phase).toBe('index');
    const queries = [
      'garden',
      'coffee lens',
      'the',
      'gard',
      'rec',
      'jalapeño',
      'café',
      'kitchen window',
      'photography',
      'typescript',
      'journey ticket station',
      'xylophone',
      'don',
      'it',
    ];
    // Small limits make the scan stop early (its bound), large ones read every match.
    await expectSameRanking(scan.search, index.search, queries, [1, 5, 20, 400]);
  });

  // Each change goes into the index as a small part of its own, merged with others as they
  // add up (into the first, big one too when there are many changes to a small blog).
  it.each([12, 150])(
    'still agree after many edits and deletions once the index is built (%i posts)',
    async (posts) => {
      const root = await tempFolder();
      generateCorpus(root, { posts, seed: 5 });
      const scan = await searchOver(root, false);
      const index = await searchOver(root, true);
      const postsDir = path.join(root, 'source', '_posts');
      const names = readdirSync(postsDir).sort();
      for (let round = 0; round < 3; round++) {
        for (let i = round; i < names.length && i < 60; i += 2) {
          const file = path.join(postsDir, names[i]!);
          const rel = path.relative(root, file).split(path.sep).join('/');
          if (!existsSync(file)) continue; // deleted in an earlier round
          if ((i + round) % 9 === 0) {
            rmSync(file, { force: true });
          } else {
            const text = readFileSync(file, 'utf8').replace(/\bthe\b/, 'zebracorn');
            await writeFile(file, `${text}\nRound ${round} garden notes about kitchens.\n`);
          }
          scan.library.reindexOne(rel);
          index.library.reindexOne(rel);
          // Searches between edits seal them into parts of their own.
          if (i % 3 === 0) await index.search.rank('kitchen', 5);
        }
      }
      expect(index.search.phase).toBe('index');
      const queries = ['garden', 'kitchen', 'zebracorn', 'round', 'the', 'gard', 'notes the'];
      await expectSameRanking(scan.search, index.search, queries, [3, 20, 400]);
      expect((await index.search.rank('zebracorn', 400)).ranked.length).toBeGreaterThan(0);
    },
  );

  it('follow changes to a post, before and after the index is built', async () => {
    for (const indexed of [false, true]) {
      const root = await blog({ 'a.md': '# A\nold words\n', 'b.md': '# B\nother\n' });
      const { library, search } = await searchOver(root, indexed);
      await writeFile(path.join(root, 'a.md'), '# A\nfresh words\n');
      library.reindexOne('a.md');
      expect((await search.search('fresh')).map((h) => h.path)).toEqual(['a.md']);
      expect(await search.search('old')).toEqual([]);
      expect((await search.search('words')).map((h) => h.path)).toEqual(['a.md']);
    }
  });
});

describe('search through the dispatcher', () => {
  it('searchPosts, findPostsByTitle and getLibraryStatus answer for the open blog', async () => {
    const data = await tempFolder();
    const events: string[] = [];
    const host: Host = {
      pickFolder: async () => null,
      pickFile: async () => null,
      trashItem: async () => undefined,
      openExternal: async () => undefined,
      emit: (channel) => void events.push(channel),
      settings: createSettingsStore(data),
      assetBase: 'asset://blog/',
      dataFolder: data,
    };
    const dispatch = createDispatcher(createFolio(host).handlers);
    const value = async <T>(channel: string, args: unknown): Promise<T> => {
      const envelope = (await dispatch(channel, args)) as Envelope<T>;
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    };
    expect((await dispatch('searchPosts', { query: 'x' })).ok).toBe(false); // no folder yet
    const blog = await copySample();
    await host.settings.update({ recentFolders: [blog] }); // Open Recent names it
    await value('openWorkspace', { path: blog });
    const hits = await value<SearchHit[]>('searchPosts', { query: 'Kyoto', limit: 3 });
    expect(hits[0]!.path).toBe('source/_posts/a-rainy-weekend-in-kyoto.md');
    const titles = await value<TitleMatch[]>('findPostsByTitle', { query: 'rwk' });
    expect(titles[0]!.title).toBe("A Rainy Weekend in Kyoto's Back Streets");
    const status = await value<LibraryStatus>('getLibraryStatus', {});
    expect(status).toMatchObject({ indexing: false, posts: 9, skipped: [] });
    expect(['scan', 'index']).toContain(status.search);
    expect((await dispatch('searchPosts', { query: 'x', limit: 0 })).ok).toBe(false);
    expect((await dispatch('searchPosts', { query: 5 })).ok).toBe(false);
    // The list's and the health check's own reports aside, nothing else was sent.
    expect(events.filter((e) => e !== 'postsChanged' && e !== 'healthChanged')).toEqual([
      'workspaceChanged',
    ]); // 9 posts: no progress events
  });
});

/** Runs of word characters (text.ts's definition) of three or more. */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && kindOf(text.charCodeAt(i)) === WORD) continue;
    if (i - start >= 3) words.add(text.slice(start, i));
    start = i + 1;
  }
  return words;
}

describe('the trigram filter', () => {
  it('never rules out a word (or the start of one) that the text has', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'folio-trigram-'));
    try {
      generateCorpus(root, { posts: 20, seed: 3 });
      const texts = readdirSync(path.join(root, 'source/_posts')).map((name) =>
        readFileSync(path.join(root, 'source/_posts', name), 'utf8').toLowerCase(),
      );
      for (const text of texts) {
        const filter = new Uint32Array(FILTER_WORDS);
        addToFilter(filter, 0, text);
        for (const word of wordsOf(text)) {
          for (let end = 3; end <= word.length; end++) {
            expect(mayContain(filter, 0, wordProbe(word.slice(0, end))), word).toBe(true);
          }
        }
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('rules out words whose letters never run together in the text', () => {
    const filter = new Uint32Array(FILTER_WORDS);
    addToFilter(filter, 0, 'a quiet walk by the lake, then coffee');
    expect(mayContain(filter, 0, wordProbe('coffee'))).toBe(true);
    expect(mayContain(filter, 0, wordProbe('xylophone'))).toBe(false);
    // Across a blank is not a run: "by the" holds no "byt".
    expect(mayContain(filter, 0, wordProbe('byt'))).toBe(false);
    // Under three characters there is nothing to check: always maybe.
    expect(wordProbe('la')).toHaveLength(0);
  });
});
