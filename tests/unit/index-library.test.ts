import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords as countText } from '../../shared/word-count.ts';
import { detectBlog } from '../../electron/services/generators/detect-blog.ts';
import {
  cacheFileFor,
  CACHE_VERSION,
  readCache,
  writeCache,
} from '../../electron/services/library/index-cache.ts';
import { Library, type IndexProgress } from '../../electron/services/library/library.ts';
import { indexPosts, listPostFiles } from '../../electron/services/library/list-posts.ts';
import { RACY_MS, recordHolds, recordWalk } from '../../electron/services/library/walk-record.ts';
import { readEntry, SUMMARY_LIMITS } from '../../electron/services/library/post-entry.ts';
import {
  countWords,
  countWordsSlow,
  countWordsSwar,
  runCount,
} from '../../electron/services/library/word-count.ts';
import { MARKS, readBuffer, simd } from '../../electron/services/library/word-count-simd.ts';
import { excerptOf } from '../../electron/services/library/excerpt.ts';
import { generateCorpus } from '../bench/corpus.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();
const sampleBlog = fileURLToPath(new URL('../../assets/sample-blog', import.meta.url));

async function blog(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await tempFolder();
  await writeFiles(root, files);
  return root;
}

async function library(root: string, cacheFolder: string | null = null, extra = {}) {
  const lib = new Library({ root, layout: detectBlog(root), cacheFolder, ...extra });
  await lib.load();
  return lib;
}

const HUGO = { 'hugo.toml': 'title = "x"\n', 'content/.keep': '' };
const JEKYLL = { '_config.yml': 'title: x\n', '_posts/.keep': '' };

describe('the library index: fields', () => {
  it('gives each post its title, date, draft, tags, categories, words, mtime and size, and its excerpt when asked', async () => {
    const text = [
      '---',
      'title: "Trams: a love letter"',
      'date: 2023-04-18 09:00:00 +0100',
      'tags: [lisbon, trams]',
      'categories:',
      '  - [Life, Travel]',
      '  - Diary',
      '---',
      '',
      'The **28 tram** climbs [Alfama](https://example.com) at dawn.',
      '',
      '```js',
      'const x = 1;',
      '```',
    ].join('\n');
    const root = await blog({ 'post.md': text });
    const lib = await library(root);
    const [post] = lib.posts();
    const stats = (await import('node:fs')).statSync(path.join(root, 'post.md'));
    expect(post).toEqual({
      path: 'post.md',
      title: 'Trams: a love letter',
      date: '2023-04-18 09:00:00 +0100',
      dateValue: Date.UTC(2023, 3, 18, 8, 0, 0),
      draft: false,
      tags: ['lisbon', 'trams'],
      categories: ['Life', 'Travel', 'Diary'],
      // The 28 tram climbs Alfama https example com at dawn, js const x 1: cheap, not exact.
      wordCount: 14,
      mtimeMs: stats.mtimeMs,
      size: Buffer.byteLength(text),
    });
    // Read when asked (the list's row under the pointer), not kept in the index.
    expect(lib.excerpt('post.md')).toBe('The 28 tram climbs Alfama at dawn.');
  });

  it('counts CJK characters one word each, and reads a post’s excerpt when asked, cut at a word with an ellipsis', async () => {
    const long = 'word '.repeat(100);
    const fenced = `---\ntitle: Long\ndescription: ${'x'.repeat(2000)}\n---\n\n# Head\n\n${long}`;
    const root = await blog({
      'zh.md': '# 标题\n\n我喜欢写博客。Hello world\n',
      'long.md': long,
      'fenced.md': fenced,
    });
    const lib = await library(root);
    const posts = Object.fromEntries(lib.posts().map((p) => [p.path, p]));
    expect(posts['zh.md']!.wordCount).toBe(2 + 6 + 2); // 标题 + 我喜欢写博客 + Hello world
    expect(lib.excerpt('long.md')!.endsWith('word…')).toBe(true);
    expect(lib.excerpt('long.md')!.length).toBeLessThanOrEqual(201);
    // The front matter is not in it, however long (past the first kilobyte read).
    expect(lib.excerpt('fenced.md')).toMatch(/^Head word word .*word…$/);
    expect(lib.excerpt('zh.md')).toBe('标题 我喜欢写博客。Hello world');
    // Only a listed post's.
    expect(lib.excerpt('missing.md')).toBeNull();
    expect(lib.excerpt('../outside.md')).toBeNull();
  });

  it('counts words on bytes by the one rule: the status bar’s count of the same text', () => {
    const alphabet = fc.constantFrom(
      ..."ab Z9 \n\t-'_’“”—…–·«»©\u00a0\u3000。、漢字かなカナ한국어 Привет é 😀 # * > | ` [ ] ( ) ! ? . ,",
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 120 }), fc.nat(3), (chars, cut) => {
        const text = chars.join('');
        const bytes = Buffer.from(text, 'utf8');
        expect(countWords(bytes)).toBe(countText(text));
        // From a character boundary inside the text, as the index counts a body.
        const head = chars.slice(0, cut).join('');
        const from = Buffer.byteLength(head, 'utf8');
        expect(countWords(bytes, from)).toBe(countText(text.slice(head.length)));
      }),
      { numRuns: 3000 },
    );
    const samples: Array<[string, number]> = [
      ["don't stop, it's well-known snake_case", 5],
      ['Hello — world… “quoted” – done', 4],
      ['日本語の文章です。', 8],
      ['한국어 문장은 띄어쓰기로 나뉩니다', 4],
      ['emoji 😀 here and 😀😀', 5],
      ['- a list\n- of **bold** items\n\n> quote', 6],
    ];
    for (const [text, words] of samples) {
      expect(countText(text), text).toBe(words);
      expect(countWords(Buffer.from(`${text}\n`.repeat(40), 'utf8')), text).toBe(words * 40);
    }
  });

  it('counts by the rule where posts are read (the counter’s memory), a range inside a post leaving the rest as it was', () => {
    const alphabet = fc.constantFrom(
      ..."ab Z9 \n-'_’—…\u00a0。漢字かな é 😀 # * - -- '' _a_ x-y it's — ’ 。 a—b 漢 \u00a0".split(
        ' ',
      ),
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), fc.nat(20), (chars, cut) => {
        const text = chars.join(' ');
        const source = Buffer.from(text, 'utf8');
        const memory = readBuffer(source.length)!;
        source.copy(memory);
        const bytes = memory.subarray(0, source.length);
        expect(countWords(bytes)).toBe(countText(text));
        const head = chars.slice(0, cut).join(' ');
        const from = Math.min(Buffer.byteLength(head, 'utf8'), source.length);
        const to = Math.max(from, source.length - Buffer.byteLength(chars.at(-1) ?? '', 'utf8'));
        expect(countWords(bytes, from, to)).toBe(countText(source.subarray(from, to).toString()));
        expect(bytes.equals(source)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('counts a long CJK post by the rule, though its special characters are too many to mark', () => {
    const text = `${'我喜欢写博客。'.repeat(4000)} Hello world — don't stop`;
    expect([...text].filter((c) => c >= '\u3040').length).toBeGreaterThan(MARKS);
    expect(countWords(Buffer.from(text, 'utf8'))).toBe(countText(text));
  });

  it('lists each post with the word count the status bar shows for it', async () => {
    const bodies = [
      "Don't stop: it's a well-known snake_case — “quoted”…\n",
      '# 标题\n\n我喜欢写博客。Hello world 한국어 문장 😀\n',
      '- one\n- two-three\n\n```js\nconst x = 1;\n```\n',
    ];
    const root = await blog(
      Object.fromEntries(bodies.map((body, i) => [`p${i}.md`, `---\ntitle: P${i}\n---\n${body}`])),
    );
    const posts = (await library(root)).posts();
    for (const [i, body] of bodies.entries()) {
      expect(posts.find((p) => p.path === `p${i}.md`)!.wordCount, body).toBe(countText(body));
    }
  });

  it('counts words four and sixteen bytes at a time exactly as byte by byte', () => {
    // Node and Electron have WebAssembly SIMD: the fast path is the one tested here.
    expect(simd).not.toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(8), (bytes, from) => {
        const start = Math.min(from, bytes.length);
        const expected = countWordsSlow(bytes, start);
        expect(runCount(bytes, start)).toBe(expected);
        expect(countWordsSwar(bytes, start)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    // Bytes that make every rule matter in every lane: word edges, E3 80 vs E3 81, E9, EA.
    const edges = fc.constantFrom(0x00, 0x2f, 0x30, 0x39, 0x40, 0x41, 0x5a, 0x60, 0x61, 0x7a, 0x7b);
    const leads = fc.constantFrom(0x7f, 0x80, 0x81, 0xe2, 0xe3, 0xe9, 0xea, 0xff, 0x20);
    fc.assert(
      fc.property(fc.array(fc.oneof(edges, leads), { maxLength: 300 }), (values) => {
        const bytes = Uint8Array.from(values);
        expect(runCount(bytes)).toBe(countWordsSlow(bytes));
      }),
      { numRuns: 2000 },
    );
    const text = Buffer.from('Ünïcödé and 漢字かな, “quotes” — 42 words_here\n'.repeat(20));
    expect(runCount(text)).toBe(countWordsSlow(text));
    expect(runCount(text, 5, text.length - 7)).toBe(countWordsSlow(text, 5, text.length - 7));
  });

  it('strips Markdown from excerpts: headings, quotes, lists, code, images, links, HTML', () => {
    const body = [
      '# Heading',
      '',
      '> A quote with ![img](a.png) and <b>bold</b>',
      '',
      '```',
      'code is skipped',
      '```',
      '',
      '- item *one*',
      '1. item `two`',
      '<!-- more -->',
      '| a | b |',
      '|---|---|',
      '{% raw %}Text{% endraw %} and [a link][ref].',
    ].join('\n');
    expect(excerptOf(body).text).toBe(
      'Heading A quote with and bold item one item two a b Text and a link.',
    );
  });
});

describe('the library index: drafts, by the generator rules', () => {
  it('Hexo: the _drafts folder; `draft: true` and `published: false` anywhere', async () => {
    const root = await blog({
      '_config.yml': 'title: x\n',
      'source/_posts/a.md': '---\ntitle: A\n---\n',
      'source/_posts/b.md': '---\ntitle: B\npublished: false\n---\n',
      'source/_drafts/c.md': '---\ntitle: C\n---\n',
    });
    const drafts = Object.fromEntries((await library(root)).posts().map((p) => [p.path, p.draft]));
    expect(drafts).toEqual({
      'source/_posts/a.md': false,
      'source/_posts/b.md': true,
      'source/_drafts/c.md': true,
    });
  });

  it('Hugo: `draft: true` in YAML and TOML; `draft: false` is published', async () => {
    const root = await blog({
      ...HUGO,
      'content/posts/a.md': '---\ntitle: A\ndraft: true\n---\n',
      'content/posts/b.md': '+++\ntitle = "B"\ndraft = true\n+++\n',
      'content/posts/c.md': '---\ntitle: C\ndraft: false\n---\n',
    });
    const drafts = Object.fromEntries((await library(root)).posts().map((p) => [p.path, p.draft]));
    expect(drafts).toEqual({
      'content/posts/a.md': true,
      'content/posts/b.md': true,
      'content/posts/c.md': false,
    });
  });

  it('Jekyll: the _drafts folder and `published: false`; space-separated tags are a list', async () => {
    const root = await blog({
      ...JEKYLL,
      '_posts/2024-01-01-a.md': '---\ntitle: A\npublished: false\ntags: ruby jekyll\n---\n',
      '_posts/2024-01-02-b.md': '---\ntitle: B\n---\n',
      '_drafts/c.md': '---\ntitle: C\n---\n',
    });
    const posts = Object.fromEntries((await library(root)).posts().map((p) => [p.path, p]));
    expect(posts['_posts/2024-01-01-a.md']).toMatchObject({
      draft: true,
      tags: ['ruby', 'jekyll'],
    });
    expect(posts['_posts/2024-01-02-b.md']!.draft).toBe(false);
    expect(posts['_drafts/c.md']!.draft).toBe(true);
  });
});

describe('the library index: pages that are not posts, by the generator rules', () => {
  const paths = (lib: Library) =>
    lib
      .posts()
      .map((p) => p.path)
      .sort();

  it('VuePress: the home page (`home: true`) and `article: false` pages are not posts', async () => {
    const root = await blog({
      'docs/.vuepress/config.ts': 'export default {}\n',
      'docs/README.md': '---\nhome: true\ntitle: Home\n---\n',
      'docs/about.md': '---\ntitle: About\narticle: false\n---\n',
      'docs/guide/README.md': '# A section index is a page of its own, listed\n',
      'docs/posts/a.md': '---\ntitle: A\nhome: false\n---\n',
    });
    const lib = await library(root);
    expect(paths(lib)).toEqual(['docs/guide/README.md', 'docs/posts/a.md']);
    expect(lib.skipped()).toEqual([]);
  });

  it('VitePress: `layout: home` and `layout: page` are pages; `layout: doc` is a post', async () => {
    const root = await blog({
      'docs/.vitepress/config.mts': 'export default {}\n',
      'docs/index.md': '---\nlayout: home\nhero:\n  name: Maps\n---\n',
      'docs/archive.md': '---\nlayout: page\n---\n<Archive />\n',
      'docs/posts/a.md': '---\ntitle: A\nlayout: doc\n---\n',
      'docs/posts/b.md': '# B\n',
    });
    expect(paths(await library(root))).toEqual(['docs/posts/a.md', 'docs/posts/b.md']);
  });

  it('other generators list the same front matter as posts (their pages live outside the post folders)', async () => {
    const root = await blog({
      '_config.yml': 'title: x\n',
      'source/_posts/a.md': '---\ntitle: A\nhome: true\nlayout: page\narticle: false\n---\n',
    });
    expect(paths(await library(root))).toEqual(['source/_posts/a.md']);
  });

  it('a post that becomes the home page leaves the list; a re-open from the cache keeps pages out', async () => {
    const root = await blog({
      'docs/.vitepress/config.mts': 'export default {}\n',
      'docs/index.md': '---\nlayout: home\n---\n',
      'docs/posts/a.md': '---\ntitle: A\n---\n',
      'docs/posts/b.md': '---\ntitle: B\n---\n',
    });
    const data = await tempFolder();
    const first = await library(root, data);
    writeFileSync(path.join(root, 'docs/posts/b.md'), '---\ntitle: B\nlayout: home\n---\n');
    expect(first.reindexOne('docs/posts/b.md')).toBeNull();
    expect(paths(first)).toEqual(['docs/posts/a.md']);
    await first.flush();
    const again = new Library({ root, layout: detectBlog(root), cacheFolder: data });
    // The pages are read again (they are not in the cache), and still not listed.
    expect(await again.load()).toMatchObject({ files: 3, reused: 1, read: 0, skipped: 0 });
    expect(paths(again)).toEqual(['docs/posts/a.md']);
  });
});

describe('the library index: dates from file names', () => {
  it('dates a Jekyll post without `date:` by its file name, and sorts it with the others', async () => {
    const root = await blog({
      ...JEKYLL,
      '_posts/2024-05-02-no-date-field.md': '---\ntitle: From the Name\n---\nBody.\n',
      '_posts/2024-01-09-dated.md': '---\ntitle: Dated\ndate: 2024-06-30 10:00:00 +0000\n---\n',
      '_posts/2024-13-40-not-a-date.md': '---\ntitle: Odd Name\n---\n',
      '_drafts/2023-01-01-a-draft.md': '---\ntitle: Draft\n---\n',
    });
    const posts = (await library(root)).posts();
    expect(posts.map((p) => [p.title, p.date])).toEqual([
      ['Dated', '2024-06-30 10:00:00 +0000'],
      ['From the Name', '2024-05-02'],
      // Drafts and names that are no date stay undated.
      ['Draft', null],
      ['Odd Name', null],
    ]);
  });

  it('dates Hexo posts by file name when new_post_name starts with the date, not otherwise', async () => {
    const post = {
      'source/_posts/2023-08-14-release-notes.md': '---\ntitle: Release Notes\n---\n',
    };
    const dated = await blog({
      '_config.yml': 'title: x\nnew_post_name: :year-:month-:day-:title.md\n',
      ...post,
    });
    expect((await library(dated)).posts()[0]).toMatchObject({ date: '2023-08-14' });
    const plain = await blog({ '_config.yml': 'title: x\nnew_post_name: :title.md\n', ...post });
    expect((await library(plain)).posts()[0]).toMatchObject({ date: null });
  });
});

describe('the library index: what cannot be read', () => {
  it('lists a post whose front matter does not parse, with the error, never drops it', async () => {
    const root = await blog({ 'broken.md': '---\ntitle: [unclosed\n---\n# Still Here\n' });
    const [post] = (await library(root)).posts();
    expect(post).toMatchObject({ path: 'broken.md', title: 'Still Here' });
    expect(post!.error).toMatchObject({ line: expect.any(Number), message: expect.any(String) });
  });

  it('lists a "billion laughs" post (nested aliases) with its error; the folder opens, and its cache is written', async () => {
    const names = 'abcdefghi';
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < names.length; i++)
      lines.push(
        `${names[i]}: &${names[i]} [${Array(9)
          .fill(`*${names[i - 1]}`)
          .join(',')}]`,
      );
    const root = await blog({
      'laughs.md': `---\ntitle: Laughs\n${lines.join('\n')}\n---\nbody\n`,
      'fine.md': '---\ntitle: Fine\nbase: &b one\nsame: *b\n---\n',
    });
    const data = await tempFolder();
    const lib = await library(root, data, { poolMinFiles: 1 });
    const byPath = new Map(lib.posts().map((p) => [p.path, p]));
    expect(byPath.get('laughs.md')!.error?.message).toMatch(/aliases .* too many to read safely/);
    expect(byPath.get('fine.md')).toMatchObject({ title: 'Fine' });
    expect(byPath.get('fine.md')!.error).toBeUndefined();
    expect(Object.keys(lib.fields().keys)).toEqual(expect.arrayContaining(['base', 'same']));
    await lib.close();
    const again = await library(root, data);
    expect(
      again
        .posts()
        .map((p) => p.path)
        .sort(),
    ).toEqual(['fine.md', 'laughs.md']);
  });

  it.each([
    ['in workers', { poolMinFiles: 1 }],
    ['on this thread', { pool: null }],
  ])(
    'lists a post whose aliases make a cycle with its error, gathers the other posts’ fields, and writes its cache (%s)',
    async (_, where) => {
      const root = await blog({
        'loop.md': '---\ntitle: Loop\nnode: &x\n  child: *x\nlist: &l [1, *l]\n---\nbody\n',
        'fine.md': '---\ntitle: Fine\ncover: /a.png\n---\nbody\n',
      });
      const data = await tempFolder();
      const lib = await library(root, data, where);
      const loop = lib.posts().find((p) => p.path === 'loop.md')!;
      expect(loop.error?.message).toMatch(/alias .* inside its own anchor/);
      expect(Object.keys(lib.fields().keys)).toEqual(['title', 'cover']);
      await lib.close();
      // The cache was written (writing such front matter as JSON had thrown): the next open
      // reads no post.
      const again = new Library({ root, layout: detectBlog(root), cacheFolder: data });
      expect(await again.load()).toMatchObject({ reused: 2, read: 0 });
      expect(again.fields()).toEqual(lib.fields());
      await again.close();
    },
  );

  it('keeps at most 1,000 tags and a 1,000-character title of a post with 100,000 tags and a huge title', async () => {
    const tags = Array.from({ length: 100_000 }, (_, i) => `  - t${i % 50_000}`).join('\n');
    const title = 'Long '.repeat(100_000);
    const root = await blog({
      'swollen.md': `---\ntitle: ${title}\ntags:\n${tags}\n---\nbody\n`,
    });
    const [post] = (await library(root)).posts();
    expect(post!.tags).toHaveLength(SUMMARY_LIMITS.listItems);
    // First seen first, each once.
    expect(post!.tags.slice(0, 3)).toEqual(['t0', 't1', 't2']);
    expect(post!.title).toBe(title.trim().slice(0, SUMMARY_LIMITS.title));
  });

  it('lists a post that is not UTF-8 (it opens read-only); skips and reports a binary one', async () => {
    const root = await blog({
      'good.md': '# Good\n',
      'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'binary.md': Buffer.from([0x23, 0x20, 0x41, 0x00, 0x42]),
    });
    const lib = await library(root);
    expect(lib.posts().map((p) => p.path)).toEqual(['good.md', 'latin1.md']);
    expect(lib.skipped()).toEqual([{ path: 'binary.md', reason: 'binary (contains NUL bytes)' }]);
    expect(indexPosts(root, detectBlog(root)).skipped).toHaveLength(1);
  });

  it('reports a file that cannot be opened, with why', async () => {
    const root = await blog({ 'a.md': '# A\n' });
    const result = readEntry(root, 'gone.md', { inDraftFolder: false });
    expect(result).toMatchObject({ ok: false, gone: true, skipped: { path: 'gone.md' } });
  });
  // Unreadable files and folders: odd-folders.test.ts (run as an unprivileged user, also in CI).
});

describe('the library index: the cache in the data folder', () => {
  async function cachedBlog() {
    const root = path.join(await tempFolder(), 'blog');
    await cp(sampleBlog, root, { recursive: true });
    const data = path.join(await tempFolder(), 'library-cache');
    await (await import('node:fs/promises')).mkdir(data);
    const first = await library(root, data);
    await first.flush();
    return { root, data, first };
  }

  it('re-opens from the cache: every file stat-ed, none read, same list', async () => {
    const { root, data, first } = await cachedBlog();
    expect(readdirSync(data)).toHaveLength(2);
    const again = new Library({ root, layout: detectBlog(root), cacheFolder: data });
    const stats = await again.load();
    expect(stats).toMatchObject({ files: 9, reused: 9, read: 0 });
    expect(again.posts()).toEqual(first.posts());
    // Front matter comes from the cache's second file when the schema needs it.
    expect(again.fields()).toEqual(first.fields());
  });

  /** The list file's head (see index-cache.ts), and where its blocks start. */
  const headOf = (bytes: Buffer) => {
    const headEnd = 20 + bytes.readUInt32LE(12);
    const head = JSON.parse(bytes.toString('latin1', 20, headEnd));
    const numbersAt = (headEnd + 7) & ~7;
    const fileEndsAt = numbersAt + head.count * 64;
    const filesAt = fileEndsAt + (head.files.count + head.names.count + head.refs) * 4;
    return { head, numbersAt, fileEndsAt, filesAt: filesAt + head.count * 3 * 4 };
  };

  it('is keyed by the blog folder, versioned, and written whole (atomically)', async () => {
    const { root, data } = await cachedBlog();
    const file = cacheFileFor(data, root);
    const bytes = readFileSync(file);
    expect(bytes.toString('latin1', 0, 8)).toBe('FOLIOIDX');
    expect(bytes.readUInt32LE(8)).toBe(CACHE_VERSION);
    expect(headOf(bytes).head).toMatchObject({ root, count: 9 });
    expect(readdirSync(path.dirname(file)).some((f) => f.endsWith('.folio-tmp'))).toBe(false);
    expect(cacheFileFor(data, root)).not.toBe(cacheFileFor(data, `${root}-other`));
  });

  it('re-reads a file whose mtime or size changed, and only that one', async () => {
    const { root, data } = await cachedBlog();
    const post = path.join(root, 'source/_posts/debouncing-without-tears.md');
    const text = readFileSync(post, 'utf8');
    writeFileSync(post, text.replace('Debouncing Without Tears', 'Debouncing, Calmly'));
    const other = path.join(root, 'source/_posts/a-rainy-weekend-in-kyoto.md');
    utimesSync(other, new Date(), new Date(Date.now() + 5000)); // same bytes, new mtime
    const again = new Library({ root, layout: detectBlog(root), cacheFolder: data });
    expect(await again.load()).toMatchObject({ reused: 7, read: 2 });
    expect(again.posts().find((p) => p.path.endsWith('debouncing-without-tears.md'))!.title).toBe(
      'Debouncing, Calmly',
    );
  });

  it('drops a deleted file and adds a new one', async () => {
    const { root, data } = await cachedBlog();
    rmSync(path.join(root, 'source/_posts/debouncing-without-tears.md'));
    writeFileSync(path.join(root, 'source/_posts/new.md'), '---\ntitle: New\n---\n');
    const again = new Library({ root, layout: detectBlog(root), cacheFolder: data });
    expect(await again.load()).toMatchObject({ reused: 8, read: 1, removed: 1 });
    const paths = again.posts().map((p) => p.path);
    expect(paths).toContain('source/_posts/new.md');
    expect(paths).not.toContain('source/_posts/debouncing-without-tears.md');
  });

  /**
   * The cache file as written, changed by `edit` (its bytes, in place), written back; with
   * its checksum made right again unless `damage`, so the checks behind it are reached.
   */
  const rewrite = (file: string, edit: (bytes: Buffer) => void, damage = false) => {
    const bytes = readFileSync(file);
    edit(bytes);
    if (!damage) bytes.writeUInt32LE(crc32(bytes.subarray(20)), 16);
    writeFileSync(file, bytes);
  };

  it.each<[string, (file: string, root: string) => void | Promise<void>]>([
    ['cut short', (file) => writeFileSync(file, readFileSync(file).subarray(0, -1))],
    ['empty', (file) => writeFileSync(file, '')],
    ['another version', (file) => rewrite(file, (b) => b.writeUInt32LE(CACHE_VERSION + 1, 8))],
    [
      // Version 3: one JSON array per field.
      'of the old format',
      (file, root) =>
        writeFileSync(
          file,
          JSON.stringify({ version: 3, root, layout: '', count: 1, path: ['source/_posts/x.md'] }),
        ),
    ],
    ['a head that is not JSON', (file) => rewrite(file, (b) => b.write('}', 20, 'latin1'))],
    [
      // Disk damage in the file list: a trusted open would silently drop a post.
      'damaged (a byte of a path changed)',
      (file) =>
        rewrite(
          file,
          (b) => b.writeUInt8(b.readUInt8(headOf(b).filesAt + 3) ^ 0x20, headOf(b).filesAt + 3),
          true,
        ),
    ],
    [
      'a path that leads out of the blog',
      (file) =>
        rewrite(file, (b) => {
          const at = headOf(b).filesAt;
          b.write('../..', at, 'latin1');
        }),
    ],
    [
      'a malformed number',
      (file) => rewrite(file, (b) => b.writeDoubleLE(-1, headOf(b).numbersAt + 8)), // a size
    ],
    [
      'a string end out of order',
      (file) => rewrite(file, (b) => b.writeUInt32LE(0, headOf(b).fileEndsAt + 4 * 3)),
    ],
    [
      'a path twice',
      async (file, root) => {
        const layout = detectBlog(root);
        const entries = [...readCache(file, root, layout)!.values()];
        await writeCache(file, root, layout, [...entries.slice(0, -1), entries[0]!]);
      },
    ],
  ])('rebuilds from the files when the cache is %s, and rewrites it', async (_, spoil) => {
    const { root, data, first } = await cachedBlog();
    const file = cacheFileFor(data, root);
    await spoil(file, root);
    const again = new Library({ root, layout: detectBlog(root), cacheFolder: data });
    expect(await again.load()).toMatchObject({ reused: 0, read: 9 });
    expect(again.posts()).toEqual(first.posts());
    await again.flush();
    expect(headOf(readFileSync(file)).head.count).toBe(9);
  });

  it('reads back every character (accents, CJK, emoji) as it was', async () => {
    const { root, data } = await cachedBlog();
    const title = 'Café 東京 🚋 “quoted” \\ back\\slash';
    writeFileSync(
      path.join(root, 'source/_posts/unicode.md'),
      `---\ntitle: '${title}'\ntags: [naïve, 日本]\n---\nÜber 東京 🚋.\n`,
    );
    writeFileSync(
      path.join(root, 'source/_posts/latin.md'),
      `---\ntitle: Crème brûlée\n---\nÀ la carte.\n`,
    );
    const first = new Library({ root, layout: detectBlog(root), cacheFolder: data });
    await first.load();
    await first.flush();
    const again = new Library({ root, layout: detectBlog(root), cacheFolder: data });
    expect(await again.load()).toMatchObject({ reused: 11, read: 0 });
    const post = again.posts().find((p) => p.path === 'source/_posts/unicode.md')!;
    expect(post).toMatchObject({ title, tags: ['naïve', '日本'] });
    expect(again.excerpt(post.path)).toBe('Über 東京 🚋.');
    const latin = again.posts().find((p) => p.path === 'source/_posts/latin.md')!;
    expect(latin).toMatchObject({ title: 'Crème brûlée' });
    expect(again.posts()).toEqual(first.posts());
  });

  it('a refresh re-reads only what changed on disk', async () => {
    const { root, first } = await cachedBlog();
    writeFileSync(path.join(root, 'source/_posts/new.md'), '# Fresh\n');
    expect(await first.refresh()).toMatchObject({ reused: 9, read: 1 });
    expect(first.posts().map((p) => p.title)).toContain('Fresh');
  });
});

describe('the library index: re-opening without reading the folders', () => {
  /** Every folder of `root` last changed an hour ago, as in a blog not touched today. */
  function ageFolders(root: string) {
    const hourAgo = new Date(Date.now() - 3_600_000);
    const age = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }))
        if (entry.isDirectory()) age(path.join(dir, entry.name));
      utimesSync(dir, hourAgo, hourAgo);
    };
    age(root);
  }

  /**
   * The sample blog with its folders aged, indexed once and cached; `open` re-opens it.
   * Aged mtimes are enough here (`racyMs: 0`): ctimes cannot be set back, and the racy rule
   * has its own test.
   */
  async function agedBlog() {
    const root = path.join(await tempFolder(), 'blog');
    await cp(sampleBlog, root, { recursive: true });
    ageFolders(root);
    const data = await tempFolder();
    const first = await library(root, data, { racyMs: 0 });
    await first.flush();
    const open = async () => {
      const lib = new Library({ root, layout: detectBlog(root), cacheFolder: data, racyMs: 0 });
      return { lib, stats: await lib.load() };
    };
    return { root, data, first, open };
  }

  const posts = (lib: Library) => lib.posts().map((p) => p.path);

  it('takes the file list from the cache when no folder changed, and lists the same posts', async () => {
    const { first, open } = await agedBlog();
    const { lib, stats } = await open();
    expect(stats).toMatchObject({ walked: false, files: 9, reused: 9, read: 0 });
    expect(lib.posts()).toEqual(first.posts());
    await lib.close();
  });

  it.each<[string, (root: string) => void, string | null, string | null]>([
    [
      'a new post',
      (root) => writeFileSync(path.join(root, 'source/_posts/new.md'), '# New\n'),
      'source/_posts/new.md',
      null,
    ],
    [
      'a post in a new folder',
      (root) => {
        mkdirSync(path.join(root, 'source/_posts/2026'));
        writeFileSync(path.join(root, 'source/_posts/2026/nested.md'), '# Nested\n');
      },
      'source/_posts/2026/nested.md',
      null,
    ],
    [
      'a deleted post',
      (root) => rmSync(path.join(root, 'source/_posts/debouncing-without-tears.md')),
      null,
      'source/_posts/debouncing-without-tears.md',
    ],
    [
      'a renamed post',
      (root) =>
        renameSync(
          path.join(root, 'source/_posts/debouncing-without-tears.md'),
          path.join(root, 'source/_posts/debouncing.md'),
        ),
      'source/_posts/debouncing.md',
      'source/_posts/debouncing-without-tears.md',
    ],
  ])('reads the folders again after %s', async (_, change, added, gone) => {
    const { root, open } = await agedBlog();
    change(root);
    const { lib, stats } = await open();
    expect(stats.walked).toBe(true);
    if (added) expect(posts(lib)).toContain(added);
    if (gone) expect(posts(lib)).not.toContain(gone);
    await lib.close();
  });

  it('has written the cache when close() resolves, so the next open lists the new post without reading the folders', async () => {
    const { root, open } = await agedBlog();
    writeFileSync(path.join(root, 'source/_posts/new.md'), '# New\n');
    ageFolders(root);
    const { lib } = await open(); // walks, and holds its cache write for seconds
    await lib.close();
    const { lib: next, stats } = await open();
    expect(stats.walked).toBe(false);
    expect(posts(next)).toContain('source/_posts/new.md');
    await next.close();
  });

  it('reads the folders again when a post folder that was missing appears', async () => {
    const { root, open } = await agedBlog();
    rmSync(path.join(root, 'source/_drafts'), { recursive: true });
    ageFolders(root);
    const { lib: before } = await open();
    await before.flush(); // the cache now records source/_drafts as missing
    await before.close();
    expect((await open()).stats.walked).toBe(false);
    writeFileSync(path.join(root, 'new-folder.md'), ''); // outside the post folders
    mkdirSync(path.join(root, 'source/_drafts'));
    writeFileSync(path.join(root, 'source/_drafts/idea.md'), '# Idea\n');
    const { lib, stats } = await open();
    expect(stats.walked).toBe(true);
    expect(posts(lib)).toContain('source/_drafts/idea.md');
    await lib.close();
  });

  it('does not trust a walk of folders that changed within seconds (a change in the same clock tick would not show)', async () => {
    const root = path.join(await tempFolder(), 'blog');
    await cp(sampleBlog, root, { recursive: true });
    const layout = detectBlog(root);
    const now = Date.now();
    expect(recordWalk(root, layout, now).record).toBeNull();
    // An old mtime is not enough while the ctime is recent (some file systems keep none).
    ageFolders(root);
    expect(recordWalk(root, layout, now).record).toBeNull();
    // The clock is read after the folders changed, however long that took on a busy machine.
    expect(recordWalk(root, layout, Date.now() + RACY_MS + 1).record).not.toBeNull();
    // The library writes its cache with a walk taken then: the next open reads the folders.
    // (A window of a minute, so that a slow run cannot age the folders past it.)
    const data = await tempFolder();
    await (await library(root, data, { racyMs: 60_000 })).flush();
    const again = new Library({ root, layout, cacheFolder: data });
    expect(await again.load()).toMatchObject({ walked: true, reused: 9, read: 0 });
    await again.close();
  });

  it('reads the folders when a recorded folder cannot be stat-ed, or a post folder is not in the record', async () => {
    const { root, data, first, open } = await agedBlog();
    const layout = detectBlog(root);
    const walk = recordWalk(root, layout, Date.now(), 0);
    const entries = first.posts().map((p) => first.entry(p.path)!);
    const file = cacheFileFor(data, root);
    const record = walk.record!;
    await writeCache(file, root, layout, entries, {
      files: walk.files,
      record: { ...record, folders: record.folders.filter(([f]) => f !== 'source/_drafts') },
    });
    expect((await open()).stats).toMatchObject({ walked: true, reused: 9 });
    // `source` turned into a file: stat-ing `source/_posts` fails (ENOTDIR), it does not throw.
    await writeCache(file, root, layout, entries, walk);
    rmSync(path.join(root, 'source'), { recursive: true });
    writeFileSync(path.join(root, 'source'), '');
    expect(recordHolds(root, layout, record)).toBe(false);
    const lib = new Library({ root, layout, cacheFolder: data, racyMs: 0 });
    expect(await lib.load()).toMatchObject({ walked: true, files: 0 });
    expect(lib.posts()).toEqual([]);
    await lib.close();
  });

  it('walks again after a trusted open, and refreshes when the folders hold other files', async () => {
    // A cache whose list lacks a file although the folder stamps match: what a file system
    // that does not update folder times would give.
    const { root, data, first } = await agedBlog();
    const layout = detectBlog(root);
    const walk = recordWalk(root, layout, Date.now(), 0);
    const hidden = 'source/_posts/debouncing-without-tears.md';
    const entries = first
      .posts()
      .filter((p) => p.path !== hidden)
      .map((p) => first.entry(p.path)!);
    const file = cacheFileFor(data, root);
    await writeCache(file, root, layout, entries, {
      files: walk.files.filter((f) => f !== hidden),
      record: walk.record,
    });
    const lib = new Library({ root, layout, cacheFolder: data, verifyDelayMs: 0, racyMs: 0 });
    const changed = new Promise<string[]>((resolve) => lib.onChange((c) => resolve(c.updated)));
    expect(await lib.load()).toMatchObject({ walked: false, files: 8 });
    expect(posts(lib)).not.toContain(hidden);
    expect(await changed).toEqual([]); // the load's own notice
    await new Promise((resolve) => lib.onChange(resolve));
    expect(posts(lib)).toContain(hidden);
    await lib.close();
  });

  it.skipIf(process.platform === 'win32')(
    // Skipped on Windows: making symbolic links there needs privileges.
    'reports the same skipped links as a walk would',
    async () => {
      const { root, open } = await agedBlog();
      symlinkSync('/etc', path.join(root, 'source/_posts/outside'), 'dir');
      symlinkSync(
        '../_posts/debouncing-without-tears.md',
        path.join(root, 'source/_drafts/twin.md'),
      );
      ageFolders(root);
      const { lib: walked } = await open();
      await walked.close();
      const { lib, stats } = await open();
      expect(stats.walked).toBe(false);
      expect(lib.skipped()).toEqual(listPostFiles(root, detectBlog(root)).skipped);
      expect(
        lib
          .skipped()
          .map((s) => s.path)
          .sort(),
      ).toEqual(['source/_drafts/twin.md', 'source/_posts/outside']);
      await lib.close();
    },
  );
});

describe('the library index: one post at a time, and progress', () => {
  it('re-indexes one changed post and updates the list in place, in order', async () => {
    const root = await blog({
      'a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n',
      'b.md': '---\ntitle: B\ndate: 2021-01-01\n---\n',
    });
    const lib = await library(root);
    const changes: unknown[] = [];
    lib.onChange((change) => changes.push(change));
    const list = lib.posts();
    expect(list.map((p) => p.title)).toEqual(['B', 'A']);
    writeFileSync(
      path.join(root, 'a.md'),
      '---\ntitle: A2\ndate: 2022-01-01\ntags: [x]\n---\nOne two\n',
    );
    const summary = lib.reindexOne('a.md');
    expect(summary).toMatchObject({ title: 'A2', tags: ['x'], wordCount: 2 });
    expect(lib.posts()).toBe(list); // the same array, updated
    expect(list.map((p) => p.title)).toEqual(['A2', 'B']);
    expect(changes).toEqual([{ reset: false, updated: ['a.md'], removed: [] }]);

    rmSync(path.join(root, 'b.md'));
    expect(lib.reindexOne('b.md')).toBeNull();
    expect(list.map((p) => p.title)).toEqual(['A2']);
    expect(lib.reindexOne('../outside.md')).toBeNull();
  });

  it('reports progress at most every interval, ending with done = total, for long indexes only', async () => {
    const root = await tempFolder();
    generateCorpus(root, { posts: 150, seed: 3 });
    const seen: IndexProgress[] = [];
    await library(root, null, {
      onProgress: (p: IndexProgress) => seen.push(p),
      sliceMs: 0,
      progressEveryMs: 0,
    });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toEqual({ done: 150, total: 150 });
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));

    const quiet: IndexProgress[] = [];
    await library(await blog({ 'a.md': '# A\n', 'b.md': '# B\n' }), null, {
      onProgress: (p: IndexProgress) => quiet.push(p),
      progressEveryMs: 60_000,
    });
    expect(quiet).toEqual([]); // an index done before the first report is due reports nothing
  });
});
