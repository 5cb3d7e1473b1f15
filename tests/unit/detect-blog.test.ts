import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBlogSchema } from '../../electron/services/library/blog-schema.ts';
import {
  detectBlog,
  detectLayout,
  type Generator,
} from '../../electron/services/generators/detect-blog.ts';
import { indexPosts } from '../../electron/services/library/list-posts.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const listing = (...names: string[]) => ({ entries: new Set(names) });

describe('detectLayout: one rule per generator, from the folder listing alone', () => {
  const cases: Array<[Generator, string[], Partial<ReturnType<typeof detectLayout>>]> = [
    [
      'hexo',
      ['_config.yml', 'source/', 'source/_posts/', 'scaffolds/'],
      { staticRoot: 'source', postFolders: ['source/_posts', 'source/_drafts'] },
    ],
    [
      'hugo',
      ['hugo.toml', 'content/', 'static/', 'archetypes/'],
      { staticRoot: 'static', postFolders: ['content'] },
    ],
    ['hugo', ['config.toml', 'content/'], { staticRoot: 'static' }],
    [
      'jekyll',
      ['_config.yml', '_posts/', 'assets/'],
      { staticRoot: '', postFolders: ['_posts', '_drafts'], draftFolders: ['_drafts'] },
    ],
    [
      'astro',
      ['astro.config.mjs', 'src/', 'src/content/', 'public/'],
      { staticRoot: 'public', postFolders: ['src/content'], pageFolders: ['src/pages'] },
    ],
    [
      'gatsby',
      ['gatsby-config.js', 'content/', 'static/'],
      { staticRoot: 'static', postFolders: ['content'] },
    ],
    [
      'next',
      ['next.config.js', '_posts/', 'public/'],
      { staticRoot: 'public', postFolders: ['_posts'] },
    ],
    [
      'vuepress',
      ['package.json', 'docs/', 'docs/.vuepress/'],
      { staticRoot: 'docs/.vuepress/public', postFolders: ['docs'] },
    ],
    ['vitepress', ['.vitepress/', 'index.md'], { staticRoot: 'public', postFolders: [''] }],
    ['eleventy', ['.eleventy.js', 'posts/'], { staticRoot: '', postFolders: [''] }],
    ['eleventy', ['eleventy.config.mjs'], { staticRoot: '' }],
    ['eleventy', ['eleventy.config.ts', 'posts/'], { postFolders: [''] }],
    ['hugo', ['hugo.yaml', 'content/'], { postFolders: ['content'] }],
    ['hugo', ['config/', 'content/', 'layouts/'], { staticRoot: 'static' }],
    ['jekyll', ['_config.yaml', '_drafts/'], { draftFolders: ['_drafts'] }],
    ['plain', ['notes.md', 'ideas/'], { staticRoot: '', postFolders: [''], draftFolders: [] }],
  ];
  it.each(cases)('%s from %j', (generator, names, expected) => {
    const layout = detectLayout(listing(...names));
    expect(layout.generator).toBe(generator);
    expect(layout).toMatchObject(expected);
  });

  it('reads Hexo’s post_asset_folder from _config.yml', async () => {
    const entries = new Set(['_config.yml', 'source/']);
    const config = { title: 'x', post_asset_folder: true };
    expect(detectLayout({ entries, config }).postAssetFolder).toBe(true);
    expect(detectLayout({ entries, config: { title: 'x' } }).postAssetFolder).toBe(false);
    for (const [text, expected] of [
      ['title: x\npost_asset_folder: true\n', true],
      ['title: [broken', false],
    ] as const) {
      const root = await tempFolder();
      await writeFiles(root, { '_config.yml': text, 'source/_posts/a.md': '# A\n' });
      expect(detectBlog(root).postAssetFolder).toBe(expected);
    }
  });

  it('recognises the JavaScript generators by package.json when their config file is elsewhere', () => {
    const withPackages = (packages: string[], ...names: string[]) => ({
      entries: new Set(names),
      packages: new Set(packages),
    });
    expect(detectLayout(withPackages(['next', 'react'], '_posts/', 'src/')).generator).toBe('next');
    expect(detectLayout(withPackages(['astro'], 'src/', 'src/content/')).generator).toBe('astro');
    expect(detectLayout(withPackages(['gatsby'], 'content/')).generator).toBe('gatsby');
    expect(detectLayout(withPackages(['@11ty/eleventy'], 'posts/')).generator).toBe('eleventy');
    expect(detectLayout(withPackages(['hexo'], '_config.yml')).generator).toBe('hexo');
    // Next without a _posts folder is an app, not the blog starter.
    expect(detectLayout(withPackages(['next'], 'src/')).generator).toBe('plain');
  });

  it('uses the configured generator over what the folder looks like', () => {
    const layout = detectLayout({
      entries: new Set(['_config.yml', 'source/']),
      configured: 'plain',
    });
    expect(layout).toEqual({
      generator: 'plain',
      postFolders: [''],
      draftFolders: [],
      staticRoot: '',
      generatedFolders: [],
    });
  });

  it('prefers Hexo over Jekyll when both _config.yml and source/ exist', () => {
    expect(detectLayout(listing('_config.yml', 'source/', '_posts/')).generator).toBe('hexo');
  });
});

const fixtures = fileURLToPath(new URL('../fixtures/blogs', import.meta.url));
const tempFolder = useTempFolders();

async function copyOfFixture(name: string): Promise<string> {
  const root = path.join(await tempFolder(), name);
  await cp(path.join(fixtures, name), root, { recursive: true });
  return root;
}

describe('the fixture blogs: each generator recognised, its posts and drafts counted', () => {
  // [fixture, generator, every post (drafts included), the drafts]
  const cases: Array<[string, Generator, number, string[]]> = [
    // Three posts, a draft, and source/about.md, a page.
    ['hexo', 'hexo', 5, ['source/_drafts/a-winter-thrush-roost.md']],
    ['hugo', 'hugo', 6, ['content/posts/winter-mooring.md']],
    [
      'jekyll',
      'jekyll',
      // Four posts, a draft, and two pages (index.md, about.md).
      7,
      ['_drafts/night-riding-lights.md', '_posts/2024-05-02-panniers-compared.md'],
    ],
    ['astro', 'astro', 4, ['src/content/blog/reduction-notes.md']],
    // Its `_includes/partials/newsletter.md` is a partial, not a page.
    ['eleventy', 'eleventy', 4, ['posts/seed-swap.md']],
    ['vuepress', 'vuepress', 3, []],
    ['vitepress', 'vitepress', 3, []],
    ['gatsby', 'gatsby', 4, ['content/blog/wild-yeast-water/index.md']],
    ['next', 'next', 3, []],
    ['plain', 'plain', 5, []],
  ];

  it.each(cases)('%s', (name, generator, count, drafts) => {
    const root = path.join(fixtures, name);
    const layout = detectBlog(root);
    expect(layout.generator).toBe(generator);
    const { posts, skipped } = indexPosts(root, layout);
    expect(skipped).toEqual([]);
    expect(posts).toHaveLength(count);
    expect(
      posts
        .filter((p) => p.draft)
        .map((p) => p.path)
        .sort(),
    ).toEqual(drafts);
    // Every fixture post has a real title (front matter or first heading), none parse badly.
    expect(posts.filter((p) => p.error)).toEqual([]);
  });

  it('reads the conventions that change the layout: Hexo post assets, VuePress under docs/', () => {
    expect(detectBlog(path.join(fixtures, 'hexo')).postAssetFolder).toBe(true);
    expect(detectBlog(path.join(fixtures, 'vuepress'))).toMatchObject({
      postFolders: ['docs'],
      staticRoot: 'docs/.vuepress/public',
    });
    expect(detectBlog(path.join(fixtures, 'vitepress')).staticRoot).toBe('docs/public');
  });

  it('reads Jekyll’s space-separated tags and categories as separate terms', () => {
    const root = path.join(fixtures, 'jekyll');
    const posts = indexPosts(root, detectBlog(root)).posts;
    const byPath = (p: string) => posts.find((post) => post.path === p)!;
    expect(byPath('_posts/2024-01-22-ice-on-the-towpath.md').tags).toEqual(['ice', 'rain']);
    expect(byPath('_posts/2023-11-06-mudguards-matter.md').categories).toEqual(['gear', 'winter']);
  });

  it('skips node_modules in a plain folder', async () => {
    const root = await copyOfFixture('plain');
    await writeFiles(root, { 'node_modules/left-pad/README.md': '# left-pad\n' });
    expect(indexPosts(root, detectBlog(root)).posts).toHaveLength(5);
  });
});

describe('.folio/config.yaml: `generator:` overrides detection', () => {
  it('reads a Jekyll site with a TOML config as Jekyll once the config says so', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      '_config.toml': 'title = "Notes"\n',
      '_posts/2024-01-02-hello.md': '---\ntitle: Hello\n---\nHi.\n',
      '_drafts/later.md': '---\ntitle: Later\n---\nSoon.\n',
      'README.md': '# Notes site\n',
    });
    expect(detectBlog(root).generator).toBe('plain');
    expect(indexPosts(root, detectBlog(root)).posts).toHaveLength(3);

    await writeFiles(root, { '.folio/config.yaml': 'generator: jekyll\n' });
    const layout = detectBlog(root);
    expect(layout.generator).toBe('jekyll');
    const posts = indexPosts(root, layout).posts;
    expect(posts.map((p) => [p.path, p.draft])).toEqual([
      ['_posts/2024-01-02-hello.md', false],
      ['_drafts/later.md', true],
    ]);
    // A config with only a generator keeps the fields inferred from the posts, without an error.
    const schema = loadBlogSchema(root, indexPosts(root, layout).fields);
    expect(schema.error).toBeUndefined();
    expect(schema.types[0]!.fields.map((f) => f.name)).toContain('title');
  });

  it('turns a Hexo blog into a plain folder when told to', async () => {
    const root = await copyOfFixture('hexo');
    await writeFiles(root, { '.folio/config.yaml': 'generator: plain\n' });
    const layout = detectBlog(root);
    expect(layout.generator).toBe('plain');
    // Now the scaffolds and the about page are Markdown files like any other, and no folder means draft.
    expect(indexPosts(root, layout).posts.filter((p) => p.draft)).toEqual([]);
    expect(indexPosts(root, layout).posts.map((p) => p.path)).toContain('scaffolds/post.md');
  });

  it('ignores an unknown generator and says what is wrong in the schema error', async () => {
    const root = await copyOfFixture('hexo');
    await writeFiles(root, { '.folio/config.yaml': 'generator: wordpress\n' });
    const layout = detectBlog(root);
    expect(layout.generator).toBe('hexo');
    const schema = loadBlogSchema(root, indexPosts(root, layout).fields);
    expect(schema.error).toMatch(/\.folio\/config\.yaml: generator:/);
  });
});
