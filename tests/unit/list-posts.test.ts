import { readFileSync } from 'node:fs';
import { cp, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectBlog } from '../../electron/services/generators/detect-blog.ts';
import {
  isInDraftFolder,
  isPostPath,
  listPostFiles,
  listPosts,
  summarize,
} from '../../electron/services/library/list-posts.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();
const sampleBlog = fileURLToPath(new URL('../../assets/sample-blog', import.meta.url));

async function copyOfSampleBlog(): Promise<string> {
  const root = path.join(await tempFolder(), 'blog');
  await cp(sampleBlog, root, { recursive: true });
  return root;
}

describe('detectBlog', () => {
  it('recognises Hexo by _config.yml and a source folder', async () => {
    const root = await copyOfSampleBlog();
    expect(detectBlog(root)).toEqual({
      generator: 'hexo',
      postFolders: ['source/_posts', 'source/_drafts'],
      draftFolders: ['source/_drafts'],
      staticRoot: 'source',
      postAssetFolder: false,
      generatedFolders: ['public', '.deploy_git'],
      // The sample blog names new posts `:title.md`: no date in its file names.
      fileNameDates: false,
      // What decides its posts' URLs (see tests/unit/permalinks.test.ts).
      urlConfig: expect.objectContaining({ permalink: expect.any(String) }),
      // Its other Markdown under source/ is its pages (none but what skip_render names).
      pageFolders: ['source'],
      skipRender: [],
    });
  });

  it('reads a folder with _config.yml and _posts but no source folder as Jekyll', async () => {
    const root = await tempFolder();
    await writeFiles(root, { '_config.yml': 'title: Jekyll site\n', '_posts/a.md': '# A\n' });
    expect(detectBlog(root).generator).toBe('jekyll');
  });

  it('treats any other folder as plain Markdown, posts anywhere, site root as static root', async () => {
    const root = await tempFolder();
    expect(detectBlog(root)).toEqual({
      generator: 'plain',
      postFolders: [''],
      draftFolders: [],
      staticRoot: '',
      generatedFolders: [],
    });
  });
});

describe('listPosts on the sample Hexo blog', () => {
  it('lists the 8 posts and the draft, newest first, the undated draft last and flagged', async () => {
    const root = await copyOfSampleBlog();
    const posts = listPosts(root, detectBlog(root));

    expect(posts.map((p) => [p.path, p.date, p.draft])).toEqual([
      ['source/_posts/a-rainy-weekend-in-kyoto.md', '2025-06-02 10:00:00', false],
      ['source/_posts/a-paper-notebook-next-to-the-keyboard.md', '2025-01-14', false],
      ['source/_posts/what-the-tomatoes-taught-me.md', '2024-08-21 07:15:00', false],
      ['source/_posts/learning-to-love-a-fixed-35mm-lens.md', '2024-05-06 09:30:00', false],
      ['source/_posts/debouncing-without-tears.md', '2024-03-04', false],
      ['source/_posts/a-weeknight-dal-that-actually-works.md', '2023-09-12 18:45:00', false],
      ['source/_posts/three-days-on-the-lisbon-trams.md', '2023-04-18', false],
      ['source/_posts/why-i-still-write-shell-scripts.md', '2023-02-07 21:10:00', false],
      ['source/_drafts/notes-on-sourdough-starters.md', null, true],
    ]);
  });

  it('reads titles from the front matter, quoted or not', async () => {
    const root = await copyOfSampleBlog();
    const titles = new Map(listPosts(root, detectBlog(root)).map((p) => [p.path, p.title]));
    expect(titles.get('source/_posts/a-rainy-weekend-in-kyoto.md')).toBe(
      "A Rainy Weekend in Kyoto's Back Streets",
    );
    expect(titles.get('source/_posts/why-i-still-write-shell-scripts.md')).toBe(
      'Why I Still Write Shell Scripts',
    );
  });

  it('gives every dated post a sortable value that matches its order', async () => {
    const root = await copyOfSampleBlog();
    const values = listPosts(root, detectBlog(root))
      .filter((p) => p.date !== null)
      .map((p) => p.dateValue);
    expect(values.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    expect(values).toEqual([...(values as number[])].sort((a, b) => b - a));
  });

  it('lists source/ pages as pages, but not scaffolds, _ folders or what skip_render names', async () => {
    const root = await copyOfSampleBlog();
    await writeFiles(root, {
      'source/about/index.md': '---\ntitle: About\n---\n',
      'source/faq.md': '# FAQ\n',
      'source/_data/menu.md': '# Data, not a page\n',
      'source/_partial.md': '# Hexo skips _ files\n',
      'source/demo/raw.md': '# Copied as it is\n',
      '_config.yml': readFileSync(path.join(root, '_config.yml'), 'utf8').replace(
        /^skip_render:.*$/m,
        'skip_render:\n  - demo/**',
      ),
    });
    const posts = listPosts(root, detectBlog(root));
    const paths = posts.map((p) => p.path);
    expect(paths.some((p) => p.startsWith('scaffolds/'))).toBe(false);
    const pages = posts.filter((p) => p.collection === 'pages');
    expect(pages.map((p) => [p.path, p.url]).sort()).toEqual([
      ['source/about/index.md', '/about/'],
      ['source/faq.md', '/faq.html'],
    ]);
    expect(paths).not.toContain('source/_data/menu.md');
    expect(paths).not.toContain('source/_partial.md');
    expect(paths).not.toContain('source/demo/raw.md');
    // The posts are listed once each, as posts.
    expect(paths.filter((p) => p.startsWith('source/_posts/'))).toEqual([
      ...new Set(paths.filter((p) => p.startsWith('source/_posts/'))),
    ]);
    expect(
      posts.filter((p) => p.path.startsWith('source/_posts/')).every((p) => !p.collection),
    ).toBe(true);
  });
});

describe('listPosts on a plain folder', () => {
  it('finds Markdown at any depth and skips node_modules, .git and non-Markdown files', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'top.md': '# Top\n',
      'notes/deep/deeper/nested.markdown': '# Nested\n',
      'notes/page.mdx': '# Page\n',
      'notes/readme.txt': 'not a post',
      'node_modules/x.md': '# From a package\n',
      'node_modules/pkg/README.md': '# Package readme\n',
      '.git/x.md': '# Inside git\n',
    });
    const paths = listPosts(root, detectBlog(root))
      .map((p) => p.path)
      .sort();
    expect(paths).toEqual(['notes/deep/deeper/nested.markdown', 'notes/page.mdx', 'top.md']);
  });

  it('skips a generated folder only where its generator builds it, and names it when it holds Markdown', async () => {
    const hugo = await tempFolder();
    await writeFiles(hugo, {
      'hugo.toml': 'title = "Docs"\n',
      'content/en/functions/resources/Get.md': '# resources.Get\n',
      'content/en/functions/public.md': '# public\n',
      'content/en/_site/page.md': '# Not Jekyll here\n',
      'public/index.md': '# built\n',
      'resources/_gen/x.md': '# built\n',
    });
    const hugoLayout = detectBlog(hugo);
    expect(listPostFiles(hugo, hugoLayout).files.sort()).toEqual([
      'content/en/_site/page.md',
      'content/en/functions/public.md',
      'content/en/functions/resources/Get.md',
    ]);
    expect(isPostPath(hugoLayout, 'content/en/functions/resources/Get.md')).toBe(true);

    const eleventy = await tempFolder();
    await writeFiles(eleventy, {
      '.eleventy.js': 'module.exports = {};\n',
      'posts/one.md': '# One\n',
      'posts/resources/two.md': '# Two\n',
      '_site/posts/one/index.md': '# copied by a passthrough\n',
      'dist/notes.md': '# a folder named dist is content here\n',
      'node_modules/pkg/README.md': '# a package\n',
    });
    const layout = detectBlog(eleventy);
    const { files, skipped } = listPostFiles(eleventy, layout);
    expect(files.sort()).toEqual(['dist/notes.md', 'posts/one.md', 'posts/resources/two.md']);
    expect(skipped).toEqual([
      {
        path: '_site',
        reason: 'the site Eleventy builds (its output, remade on each build), not its source',
      },
    ]);
    expect(isPostPath(layout, '_site/posts/one/index.md')).toBe(false);
    expect(isPostPath(layout, 'dist/notes.md')).toBe(true);
  });

  it('names an untitled index page with its folder, as its file name alone says nothing', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'hugo.toml': '',
      'content/functions/resources/_index.md': '---\nweight: 10\n---\nNo heading here.\n',
      'content/guides/setup/index.md': '---\ndraft: false\n---\n',
      'content/guides/loose-notes.md': '---\nweight: 2\n---\n',
    });
    const titles = listPosts(root, detectBlog(root))
      .map((p) => p.title)
      .sort();
    expect(titles).toEqual(['loose-notes', 'resources/_index', 'setup/index']);
  });

  it('says nothing of a generated folder without Markdown', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      '.eleventy.js': 'module.exports = {};\n',
      'one.md': '# One\n',
      '_site/index.html': '<h1>One</h1>\n',
    });
    expect(listPostFiles(root, detectBlog(root))).toEqual({
      files: ['one.md'],
      skipped: [],
      leftovers: [],
    });
  });

  it.skipIf(process.platform === 'win32')(
    // Skipped on Windows: making symbolic links there needs privileges.
    'does not follow a symlinked folder out of the blog',
    async () => {
      const parent = await tempFolder();
      const root = path.join(parent, 'blog');
      await writeFiles(parent, { 'blog/in.md': '# In\n', 'outside/secret.md': '# Secret\n' });
      await symlink(path.join(parent, 'outside'), path.join(root, 'linked'), 'dir');
      expect(listPosts(root, detectBlog(root)).map((p) => p.path)).toEqual(['in.md']);
    },
  );

  it('falls back from the front-matter title to the first heading, then to the file name', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'titled.md': '---\ntitle: From Front Matter\n---\n# Heading Ignored\n',
      'headed.md': '---\ndate: 2024-01-01\n---\nIntro line\n\n## The Heading ##\n',
      'crlf-headed.md': 'Intro\r\n\r\n# CRLF Heading\r\nText\r\n',
      'bare-name.md': 'Just some text, no heading.\n',
      'empty-title.md': '---\ntitle: ""\n---\n# Heading Wins\n',
    });
    const titles = Object.fromEntries(
      listPosts(root, detectBlog(root)).map((p) => [p.path, p.title]),
    );
    expect(titles).toEqual({
      'titled.md': 'From Front Matter',
      'headed.md': 'The Heading',
      'crlf-headed.md': 'CRLF Heading',
      'bare-name.md': 'bare-name',
      'empty-title.md': 'Heading Wins',
    });
  });

  it('flags posts marked `draft: true` or `published: false`', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'a.md': '---\ntitle: A\ndraft: true\n---\n',
      'b.md': '---\ntitle: B\npublished: false\n---\n',
      'c.md': '---\ntitle: C\ndraft: false\n---\n',
    });
    const drafts = Object.fromEntries(
      listPosts(root, detectBlog(root)).map((p) => [p.path, p.draft]),
    );
    expect(drafts).toEqual({ 'a.md': true, 'b.md': true, 'c.md': false });
  });

  it('puts undated posts after dated ones, in title order', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'z.md': '---\ntitle: Zebra\n---\n',
      'a.md': '---\ntitle: Aardvark\n---\n',
      'old.md': '---\ntitle: Old\ndate: 2001-01-01\n---\n',
      'new.md': '---\ntitle: New\ndate: 2024-12-31 23:59:59\n---\n',
    });
    expect(listPosts(root, detectBlog(root)).map((p) => p.title)).toEqual([
      'New',
      'Old',
      'Aardvark',
      'Zebra',
    ]);
  });

  it('orders dates written with different offsets by the instant they name', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      // 2024-01-02 01:00 at +08:00 is 2024-01-01 17:00 UTC: earlier than 20:00 UTC.
      'tokyo.md': '---\ntitle: Asia\ndate: 2024-01-02 01:00:00 +0800\n---\n',
      'utc.md': '---\ntitle: UTC\ndate: 2024-01-01T20:00:00Z\n---\n',
    });
    expect(listPosts(root, detectBlog(root)).map((p) => p.title)).toEqual(['UTC', 'Asia']);
  });

  it('reads dates from TOML front matter (Hugo), which parses them as date values', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'hugo.md': '+++\ntitle = "Hugo post"\ndate = 2024-01-02T10:00:00+08:00\n+++\nBody\n',
      'older.md': '---\ntitle: Older\ndate: 2023-06-01\n---\n',
    });
    const posts = listPosts(root, detectBlog(root));
    expect(posts.map((p) => p.title)).toEqual(['Hugo post', 'Older']);
    expect(posts[0]!.dateValue).toBe(Date.UTC(2024, 0, 2, 2, 0, 0));
    expect(posts[0]!.date).toBe('2024-01-02T10:00:00+08:00');
  });
});

describe('summarize and isInDraftFolder', () => {
  it('marks files under a draft folder as drafts, and only under it', async () => {
    const root = await copyOfSampleBlog();
    const layout = detectBlog(root);
    expect(isInDraftFolder(layout, 'source/_drafts/x.md')).toBe(true);
    expect(isInDraftFolder(layout, 'source/_drafts-old/x.md')).toBe(false);
    expect(isInDraftFolder(layout, 'source/_posts/x.md')).toBe(false);
  });

  it('keeps the date text as written and gives null for an unusable one', () => {
    expect(summarize('a.md', '---\ndate: 2013/7/13 20:46:25\n---\n', false)).toMatchObject({
      date: '2013/7/13 20:46:25',
      dateValue: Date.UTC(2013, 6, 13, 20, 46, 25),
    });
    expect(summarize('a.md', '---\ndate: someday\n---\n', false)).toMatchObject({
      date: 'someday',
      dateValue: null,
    });
  });

  it('still lists a post whose front matter does not parse, titled by its file name', () => {
    const summary = summarize('posts/broken.md', '---\ntitle: [unclosed\n---\nBody\n', false);
    expect(summary).toMatchObject({ path: 'posts/broken.md', title: 'broken', date: null });
  });
});

describe('Jekyll pages', () => {
  it('are the Markdown files with front matter outside _ and . folders, but what exclude names', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      '_config.yml': 'title: Pages\nexclude:\n  - drafts-old/\n  - NOTES.md\n',
      '_posts/2024-01-02-hello.md': '---\ntitle: Hello\n---\n',
      'about.md': '---\ntitle: About\npermalink: /about/\n---\n',
      'docs/setup.md': '---\ntitle: Setup\n---\n',
      'README.md': '# No front matter: copied as it is\n',
      'NOTES.md': '---\ntitle: Excluded\n---\n',
      'drafts-old/x.md': '---\ntitle: Excluded too\n---\n',
      'vendor/bundle/gem/README.md': '---\ntitle: A gem\n---\n',
      '.github/ISSUE.md': '---\ntitle: Not the site\n---\n',
      '_includes/note.md': '---\ntitle: An include\n---\n',
    });
    const posts = listPosts(root, detectBlog(root));
    expect(posts.map((p) => [p.path, p.collection ?? 'post', p.url]).sort()).toEqual([
      ['_posts/2024-01-02-hello.md', 'post', '/2024/01/02/hello.html'],
      ['about.md', 'pages', '/about/'],
      ['docs/setup.md', 'pages', '/docs/setup.html'],
    ]);
  });
});
