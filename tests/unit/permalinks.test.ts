import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { profileOf } from '../../shared/generators/index.ts';
import type { Generator, SiteConfigData } from '../../shared/generators/index.ts';
import { openSite } from '../../electron/services/generators/detect-blog.ts';
import { Library } from '../../electron/services/library/library.ts';

const urlOf = (
  generator: Generator,
  post: { path: string; data?: Record<string, unknown>; date?: string | null },
  config: SiteConfigData = {},
) =>
  profileOf(generator).permalink?.(
    { path: post.path, data: post.data ?? {}, date: post.date ?? null },
    config,
  ) ?? null;

describe('post URLs, by each generator’s permalink config', () => {
  it('Hexo: its permalink pattern, the file name less the date new_post_name adds', () => {
    const post = {
      path: 'source/_posts/2024-07-14-canal-locks.md',
      data: { title: 'Working the Canal Locks', categories: [['Boating', 'Locks']] },
      date: '2024-07-14 09:30:00',
    };
    expect(urlOf('hexo', post, { new_post_name: ':year-:month-:day-:title.md' })).toBe(
      '/2024/07/14/canal-locks/',
    );
    expect(urlOf('hexo', post, {})).toBe('/2024/07/14/2024-07-14-canal-locks/');
    expect(
      urlOf('hexo', post, {
        permalink: ':category/:post_title.html',
        new_post_name: ':year-:month-:day-:title.md',
      }),
    ).toBe('/locks/working-the-canal-locks.html');
    expect(urlOf('hexo', { ...post, data: { permalink: 'locks/' } })).toBe('/locks/');
    expect(urlOf('hexo', { path: 'source/_drafts/x.md', date: '2024-01-01' })).toBeNull();
    // No date to fill :year with: no URL rather than a wrong one; Hexo dates it by the file.
    expect(urlOf('hexo', { path: 'source/_posts/undated.md' })).toBeNull();
    const fileTime = new Date(2023, 10, 5, 12).getTime();
    expect(
      profileOf('hexo').permalink!(
        { path: 'source/_posts/undated.md', data: {}, date: null, fileTime },
        {},
      ),
    ).toBe('/2023/11/05/undated/');
  });

  it('Jekyll: its styles and patterns, categories in lower case, the slug over the name', () => {
    const post = {
      path: '_posts/2024-08-03-col-du-galibier.md',
      data: { categories: ['Climbs', 'France'] },
      date: '2024-08-03',
    };
    expect(urlOf('jekyll', post)).toBe('/climbs/france/2024/08/03/col-du-galibier.html');
    expect(urlOf('jekyll', post, { permalink: 'pretty' })).toBe(
      '/climbs/france/2024/08/03/col-du-galibier/',
    );
    expect(urlOf('jekyll', { ...post, data: {} }, { permalink: '/blog/:year/:title/' })).toBe(
      '/blog/2024/col-du-galibier/',
    );
    expect(urlOf('jekyll', { ...post, data: { slug: 'galibier' } }, { permalink: 'none' })).toBe(
      '/galibier.html',
    );
    expect(urlOf('jekyll', { ...post, data: { permalink: '/about/' } })).toBe('/about/');
    expect(urlOf('jekyll', { path: '_drafts/x.md' })).toBeNull();
  });

  it('Hugo: path-based by default, [permalinks] per section, slug and url, lower case', () => {
    expect(urlOf('hugo', { path: 'content/posts/Ridge-Walk.md' })).toBe('/posts/ridge-walk/');
    expect(urlOf('hugo', { path: 'content/posts/alpine-hut/index.md' })).toBe('/posts/alpine-hut/');
    expect(urlOf('hugo', { path: 'content/posts/_index.md' })).toBe('/posts/');
    expect(urlOf('hugo', { path: 'content/posts/a.md', data: { slug: 'b' } })).toBe('/posts/b/');
    expect(urlOf('hugo', { path: 'content/posts/a.md', data: { URL: '/special/' } })).toBe(
      '/special/',
    );
    const config = { permalinks: { posts: '/:year/:month/:slug/' } };
    expect(
      urlOf(
        'hugo',
        {
          path: 'content/posts/a.md',
          data: { title: 'The Ridge Walk' },
          date: '2024-05-11T07:30:00+01:00',
        },
        config,
      ),
    ).toBe('/2024/05/the-ridge-walk/');
    expect(
      urlOf('hugo', { path: 'content/posts/a.md' }, { disablePathToLower: true, permalinks: {} }),
    ).toBe('/posts/a/');
  });

  it('the JavaScript generators and Eleventy: by the file’s place', () => {
    expect(urlOf('astro', { path: 'src/content/blog/hp5.mdx' })).toBe('/blog/hp5/');
    expect(urlOf('astro', { path: 'src/pages/about.md' })).toBe('/about/');
    expect(urlOf('gatsby', { path: 'content/blog/oven-spring/index.md' })).toBe('/oven-spring/');
    expect(urlOf('next', { path: '_posts/tiny-desk.md' })).toBe('/posts/tiny-desk');
    expect(urlOf('eleventy', { path: 'posts/autumn-garlic.md' })).toBe('/posts/autumn-garlic/');
    expect(
      urlOf('eleventy', { path: 'posts/x.md', data: { permalink: '/x/{{ y }}/' } }),
    ).toBeNull();
    expect(urlOf('vitepress', { path: 'docs/guide/setup.md' })).toBe('/guide/setup.html');
    expect(urlOf('vuepress', { path: 'docs/README.md' })).toBe('/');
    expect(urlOf('plain', { path: 'notes/a.md' })).toBeNull();
  });
});

describe('the library', () => {
  let temp = '';
  afterEach(() => temp && rmSync(temp, { recursive: true, force: true }));

  it('lists each post’s URL, Hugo’s section pages and schedule, and keeps them in the cache', async () => {
    const fixture = path.join(import.meta.dirname, '../fixtures/dialects/hugo');
    temp = mkdtempSync(path.join(tmpdir(), 'folio-urls-'));
    const open = async () => {
      const { layout } = openSite(fixture);
      const library = new Library({ root: fixture, layout, cacheFolder: temp });
      await library.load();
      return library;
    };
    const first = await open();
    const byPath = (lib: Library) => new Map(lib.posts().map((p) => [p.path, p]));
    const posts = byPath(first);
    expect(posts.get('content/posts/ridge-walk.md')!.url).toBe('/posts/ridge-walk/');
    expect(posts.get('content/posts/alpine-hut/index.md')!.url).toBe('/posts/alpine-hut/');
    expect(posts.get('content/posts/_index.md')!.section).toBe(true);
    expect(posts.get('content/posts/gear-photos/index.md')!.headless).toBe(true);
    expect(posts.get('content/posts/gear-photos/index.md')!.url).toBeUndefined();
    expect(posts.get('content/posts/packing.md')!.expiryValue).toBe(Date.UTC(2025, 0, 1));
    expect(posts.get('content/posts/packing.md')!.publishValue).toBe(Date.UTC(2024, 3, 3));
    await first.close();
    // Read again from the cache: the same fields.
    const second = await open();
    expect(byPath(second).get('content/posts/packing.md')).toEqual(
      posts.get('content/posts/packing.md'),
    );
    expect(byPath(second).get('content/posts/_index.md')!.section).toBe(true);
    await second.close();
  });
});

describe('collections', () => {
  it('Jekyll’s, from _config.yml, are listed as theirs, with their URLs; Astro’s by folder', async () => {
    const jekyll = path.join(import.meta.dirname, '../fixtures/dialects/jekyll');
    const { layout } = openSite(jekyll);
    expect(layout.collections).toEqual([{ folder: '_docs', name: 'docs' }]);
    const library = new Library({ root: jekyll, layout });
    await library.load();
    const docs = library.posts().filter((p) => p.collection === 'docs');
    expect(docs.map((p) => [p.path, p.url]).sort()).toEqual([
      ['_docs/getting-started.md', '/docs/getting-started/'],
      ['_docs/tools/tyre-levers.md', '/docs/tools/tyre-levers/'],
    ]);
    expect(library.posts().filter((p) => p.collection === undefined)).toHaveLength(2);
    expect(library.posts().find((p) => p.path === 'about.md')).toMatchObject({
      collection: 'pages',
      url: '/about/',
    });
    await library.close();

    const astro = path.join(import.meta.dirname, '../fixtures/dialects/astro');
    const astroLibrary = new Library({ root: astro, layout: openSite(astro).layout });
    await astroLibrary.load();
    expect(
      astroLibrary
        .posts()
        .map((p) => [p.path, p.collection, p.url])
        .sort(),
    ).toEqual([
      ['src/content/blog/contact-sheets.md', 'blog', '/blog/contact-sheets/'],
      ['src/content/blog/developing-hp5.mdx', 'blog', '/blog/developing-hp5/'],
      ['src/content/docs/metering.md', 'docs', '/docs/metering/'],
      // A Markdown page of src/pages is a route of its own.
      ['src/pages/about.md', 'pages', '/about/'],
    ]);
    await astroLibrary.close();
  });

  it('an item of a collection without output: true has no URL', () => {
    const config = { collections: ['recipes'] };
    expect(
      profileOf('jekyll').permalink!({ path: '_recipes/dal.md', data: {}, date: null }, config),
    ).toBeNull();
  });
});
