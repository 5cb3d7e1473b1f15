import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPost } from '../../electron/services/content/posts.ts';
import { detectBlog } from '../../electron/services/generators/detect-blog.ts';
import {
  createPost,
  duplicatePost,
  newPostSections,
  publishPost,
  renamePost,
  trashPost,
  unpublishPost,
  type OpsContext,
} from '../../electron/services/library/post-ops/operations.ts';
import { slugify } from '../../electron/services/library/post-ops/slug.ts';
import { indexPosts } from '../../electron/services/library/list-posts.ts';
import { schemaFromConfig } from '../../shared/schema.ts';
import { parseFrontMatter } from '../../shared/frontmatter.ts';
import { errorCodeOf, useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();
/** 15 January 2025, 09:30:05 local time. */
const NOW = new Date(2025, 0, 15, 9, 30, 5);

async function blog(files: Record<string, string>, extra: Partial<OpsContext> = {}) {
  const root = await tempFolder();
  await writeFiles(root, files);
  const ctx: OpsContext = { root, layout: detectBlog(root), now: () => NOW, ...extra };
  const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
  return { root, ctx, read };
}

const HEXO_CONFIG = 'title: Blog\nnew_post_name: :title.md\npost_asset_folder: false\n';
const HEXO = {
  '_config.yml': HEXO_CONFIG,
  'scaffolds/post.md':
    '---\ntitle: {{ title }}\ndate: {{ date }}\ncategories:\ntags:\ncover:\n---\n',
  'scaffolds/draft.md': '---\ntitle: {{ title }}\ncategories:\ntags:\n---\n',
  'source/_posts/old.md': '---\ntitle: Old\ndate: 2024-03-04 10:00:00\n---\nBody\n',
};

const SOURDOUGH =
  '---\n' +
  'title: "Notes on Sourdough Starters"\n' +
  '# keep this comment\n' +
  'categories:\n' +
  '  - Cooking\n' +
  'tags:\n' +
  '  - Baking\n' +
  '  - Recipes\n' +
  '---\n' +
  '## Day One\r\n\r\nEqual weights.\n';

describe('slugify', () => {
  it('makes file names of any title, keeping letters of every script and nothing that leaves a folder', () => {
    expect(slugify('A Rainy Weekend in Kyoto’s Back Streets')).toBe(
      'a-rainy-weekend-in-kyotos-back-streets',
    );
    expect(slugify('Crème brûlée: 3 ways!')).toBe('creme-brulee-3-ways');
    expect(slugify('東京の雨')).toBe('東京の雨');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('!!!')).toBe('untitled');
  });
});

describe('createPost', () => {
  it('fills the Hexo scaffold and names the file by new_post_name', async () => {
    const { ctx, read } = await blog(HEXO, { dateLike: '2024-03-04 10:00:00' });
    const result = await createPost(ctx, { title: 'Walking: the Long Way', draft: false });
    expect(result.path).toBe('source/_posts/walking-the-long-way.md');
    expect(read(result.path!)).toBe(
      '---\ntitle: "Walking: the Long Way"\ndate: 2025-01-15 09:30:05\ncategories:\ntags:\ncover:\n---\n',
    );
    expect(parseFrontMatter(read(result.path!)).data.title).toBe('Walking: the Long Way');
  });

  it('writes the date in the writer’s format, over the layout of the blog’s newest post', async () => {
    const { ctx, read } = await blog(HEXO, {
      dateFormat: 'YYYY/M/D HH:mm',
      dateLike: '2024-03-04 10:00:00',
    });
    const result = await createPost(ctx, { title: 'Formatted', draft: false });
    expect(read(result.path!)).toContain('\ndate: 2025/1/15 09:30\n');
    const plain = await blog({ 'a.md': '# A\n' }, { dateFormat: 'YYYY-MM-DD' });
    const made = await createPost(plain.ctx, { title: 'Plain', draft: false });
    expect(plain.read(made.path!)).toContain('\ndate: 2025-01-15\n');
  });

  it('uses a date-prefixed new_post_name and the draft scaffold for drafts', async () => {
    const { ctx, read } = await blog({
      ...HEXO,
      '_config.yml': 'new_post_name: :year-:month-:day-:title.md # dated\n',
    });
    const post = await createPost(ctx, { title: 'Dated', draft: false });
    expect(post.path).toBe('source/_posts/2025-01-15-dated.md');
    const draft = await createPost(ctx, { title: 'It’s "quoted"', draft: true });
    expect(draft.path).toBe('source/_drafts/its-quoted.md');
    expect(read(draft.path!)).toMatch(/^---\ntitle: .+\ncategories:\ntags:\n---\n$/);
    expect(parseFrontMatter(read(draft.path!)).data.title).toBe('It’s "quoted"');
  });

  it('never overwrites an existing post: the new one gets -2, then -3', async () => {
    const { ctx, read } = await blog(HEXO);
    await writeFile(path.join(ctx.root, 'source/_posts/hello.md'), 'mine\n');
    const second = await createPost(ctx, { title: 'Hello', draft: false });
    const third = await createPost(ctx, { title: 'Hello', draft: false });
    expect([second.path, third.path]).toEqual([
      'source/_posts/hello-2.md',
      'source/_posts/hello-3.md',
    ]);
    expect(read('source/_posts/hello.md')).toBe('mine\n');
  });

  it('fills a Hugo archetype and follows the writer’s draft choice', async () => {
    const { ctx, read } = await blog({
      'hugo.toml': "title = 'Log'\n",
      'archetypes/default.md':
        '+++\ntitle = \'{{ replace .File.ContentBaseName "-" " " | title }}\'\ndate = {{ .Date }}\ndraft = true\nslug = \'{{ .Name }}\'\n+++\n',
      'content/posts/a.md': '---\ntitle: A\n---\n',
    });
    const result = await createPost(ctx, { title: "Skipper's Notes", draft: false });
    expect(result.path).toBe('content/posts/skippers-notes.md');
    const text = read(result.path!);
    const { data, error } = parseFrontMatter(text);
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ title: "Skipper's Notes", draft: false, slug: 'skippers-notes' });
    expect(text).toMatch(/^date = 2025-01-15T09:30:05(Z|[+-]\d\d:\d\d)$/m);
  });

  it('on a site shaped like the Hugo docs: an existing section, its archetype rendered, the typed title', async () => {
    const { ctx, read } = await blog({
      'hugo.toml': 'title = "Hugo"\n[params]\n  author = "The Hugo Authors"\n',
      'archetypes/default.md':
        '---\ntitle: {{ replace .File.ContentBaseName "-" " " | strings.FirstUpper }}\ndescription:\ncategories: []\nkeywords: []\n---\n',
      'archetypes/functions.md':
        '---\ntitle: {{ replace .File.ContentBaseName "-" " " | title }}\nlinkTitle: {{ .Name | humanize }}\nauthor: {{ .Site.Params.author }}\nsection: {{ .Section }}\nyear: "{{ now.Format "2006" }}"\nweight: {{ .Params.weight | default 10 }}\n---\n\nBody of {{ .Name }}.\n',
      'content/en/functions/_index.md': '---\ntitle: Functions\n---\n',
      'content/en/functions/go-template/and.md': '---\ntitle: and\n---\n',
      'content/en/content-management/sections.md': '---\ntitle: Sections\n---\n',
      'content/de/functions/_index.md': '---\ntitle: Funktionen\n---\n',
    });
    const near = 'content/en/functions/go-template/and.md';
    expect(newPostSections(ctx, near)).toEqual({
      sections: ['content/de/functions', 'content/en/content-management', 'content/en/functions'],
      section: 'content/en/functions',
      // Hugo's pages are its sections' content: New… makes posts only.
      kinds: [{ kind: 'posts', folder: 'content/en/functions', drafts: true }],
      kind: 'posts',
    });
    const made = await createPost(ctx, { title: 'A Newcomer Writes', draft: false, near });
    expect(made.path).toBe('content/en/functions/a-newcomer-writes.md');
    const text = read(made.path!);
    const { data, error } = parseFrontMatter(text);
    expect(error).toBeUndefined();
    expect(data).toMatchObject({
      title: 'A Newcomer Writes',
      linkTitle: 'A newcomer writes',
      author: 'The Hugo Authors',
      section: 'functions',
      year: String(new Date().getFullYear()),
      // `.Params` is not an archetype field: kept as its text, a string, never a map.
      weight: '{{ .Params.weight | default 10 }}',
    });
    expect(text).toContain('\nBody of a-newcomer-writes.\n');
    expect(made.notice).toBe(
      'archetypes/functions.md: Folio wrote “{{ .Params.weight | default 10 }}” as text, as it does not run that template action; edit it by hand.',
    );

    // Another section, chosen in the dialog: its own archetype (here the default).
    const other = await createPost(ctx, {
      title: 'Menus',
      draft: false,
      section: 'content/en/content-management',
    });
    expect(other.path).toBe('content/en/content-management/menus.md');
    expect(parseFrontMatter(read(other.path!)).data).toMatchObject({
      title: 'Menus',
      keywords: [],
    });
    expect(other.notice).toBeUndefined();
    expect(
      await errorCodeOf(createPost(ctx, { title: 'X', draft: false, section: 'content/../..' })),
    ).toBe('INVALID_ARGUMENT');
  });

  it('takes a theme’s archetype, and a bundle archetype makes a bundle', async () => {
    const { ctx, read } = await blog({
      'hugo.toml': 'theme = "paper"\n',
      'themes/paper/archetypes/default.md': '+++\ntitle = "{{ .Name }}"\ntheme = true\n+++\n',
      'archetypes/gallery/index.md': '---\ntitle: {{ .Name }}\ngallery: true\n---\n',
      'content/posts/a.md': '---\ntitle: A\n---\n',
      'content/gallery/b.md': '---\ntitle: B\n---\n',
    });
    const post = await createPost(ctx, { title: 'Night Harbour', draft: false });
    expect(post.path).toBe('content/posts/night-harbour.md');
    expect(parseFrontMatter(read(post.path!)).data).toMatchObject({
      title: 'Night Harbour',
      theme: true,
    });
    const gallery = await createPost(ctx, {
      title: 'Boats',
      draft: false,
      section: 'content/gallery',
    });
    expect(gallery.path).toBe('content/gallery/boats/index.md');
    expect(parseFrontMatter(read(gallery.path!)).data).toMatchObject({ gallery: true });
  });

  it('makes a Hugo page bundle when the blog uses bundles, and a Gatsby one always', async () => {
    const hugo = await blog({
      'hugo.toml': '',
      'content/posts/one/index.md': '---\ntitle: One\n---\n',
      'content/posts/two/index.md': '---\ntitle: Two\n---\n',
    });
    const bundled = await createPost(hugo.ctx, { title: 'Three', draft: true });
    expect(bundled.path).toBe('content/posts/three/index.md');
    expect(parseFrontMatter(hugo.read(bundled.path!)).data).toMatchObject({
      title: 'Three',
      draft: true,
      tags: [],
    });
    const gatsby = await blog({ 'gatsby-config.js': '', 'content/blog/x/index.md': '# x\n' });
    expect((await createPost(gatsby.ctx, { title: 'New One', draft: false })).path).toBe(
      'content/blog/new-one/index.md',
    );
  });

  it('puts Jekyll posts in _posts with a date prefix and drafts in _drafts', async () => {
    const { ctx } = await blog({ '_config.yml': 'title: J\n', '_posts/.keep': '' });
    expect((await createPost(ctx, { title: 'Hello World', draft: false })).path).toBe(
      '_posts/2025-01-15-hello-world.md',
    );
    expect((await createPost(ctx, { title: 'Hello World', draft: true })).path).toBe(
      '_drafts/hello-world.md',
    );
  });

  it('gives a Jekyll post the extension most posts use and the site’s time zone', async () => {
    const { ctx, read } = await blog(
      {
        '_config.yml': 'title: J\ntimezone: America/New_York\n',
        '_posts/2024-01-02-one.markdown': '---\ntitle: One\ndate: 2024-01-02 10:00:00 +0100\n---\n',
        '_posts/2024-01-03-two.markdown': '---\ntitle: Two\n---\n',
        '_posts/2024-01-04-three.md': '---\ntitle: Three\n---\n',
      },
      { dateLike: '2024-01-02 10:00:00 +0100', timeZone: 'America/New_York' },
    );
    const made = await createPost(ctx, { title: 'Four', draft: false });
    expect(made.path).toBe('_posts/2025-01-15-four.markdown');
    // 15 January: New York is at -0500, whatever offset the newest post was written with.
    const ny = new Date(NOW.getTime() - 5 * 3_600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    expect(parseFrontMatter(read(made.path!)).data.date).toBe(
      `${ny.getUTCFullYear()}-${two(ny.getUTCMonth() + 1)}-${two(ny.getUTCDate())} ` +
        `${two(ny.getUTCHours())}:30:05 -0500`,
    );
  });

  it('refuses an empty title', async () => {
    const { ctx } = await blog(HEXO);
    expect(await errorCodeOf(createPost(ctx, { title: '  ', draft: false }))).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('createPost of a page or a collection entry', () => {
  const JEKYLL = {
    '_config.yml': 'title: Field Notes\ncollections:\n  recipes:\n    output: true\n',
    '_posts/2024-05-01-first-light.md': '---\ntitle: First Light\ntags: [dawn]\n---\nBody\n',
    'about.md': '---\nlayout: page\ntitle: About\npermalink: /about/\n---\nHello\n',
    'contact.md': '---\nlayout: page\ntitle: Contact\n---\nWrite\n',
    '_recipes/rye-bread.markdown':
      '---\ntitle: Rye Bread\nlayout: recipe\nserves: 4\ndate: 2024-02-02\n---\nFlour\n',
    '_recipes/oat-cakes.markdown':
      '---\ntitle: Oat Cakes\nlayout: recipe\nserves: 6\ndate: 2024-03-03\n---\nOats\n',
  };

  it('offers posts, pages and each collection, the open entry’s kind first', async () => {
    const { ctx } = await blog(JEKYLL);
    const offered = newPostSections(ctx, '_recipes/oat-cakes.markdown');
    expect(offered.kinds).toEqual([
      { kind: 'posts', folder: '_posts', drafts: true },
      { kind: 'pages', folder: '', drafts: false },
      { kind: 'recipes', folder: '_recipes', drafts: false },
    ]);
    expect(offered.kind).toBe('recipes');
    expect(newPostSections(ctx, 'about.md').kind).toBe('pages');
    expect(newPostSections(ctx, null).kind).toBe('posts');
  });

  it('makes a Jekyll page at the top, shaped like the site’s other pages', async () => {
    const { ctx, read } = await blog(JEKYLL);
    const observed = indexPosts(ctx.root, ctx.layout).fields;
    const made = await createPost(
      { ...ctx, fields: () => observed },
      { title: 'Reading List', draft: true, kind: 'pages' },
    );
    expect(made.path).toBe('reading-list.md');
    // Every page has `layout: page`; a permalink is each page's own; a page has no draft.
    expect(read(made.path!)).toBe('---\ntitle: Reading List\nlayout: page\n---\n\n');
  });

  it('makes a collection entry with its siblings’ extension, date key and shared values', async () => {
    const { ctx, read } = await blog(JEKYLL);
    const observed = indexPosts(ctx.root, ctx.layout).fields;
    const made = await createPost(
      { ...ctx, fields: () => observed },
      { title: 'Barley Soup', draft: false, kind: 'recipes' },
    );
    expect(made.path).toBe('_recipes/barley-soup.markdown');
    const { data, error } = parseFrontMatter(read(made.path!));
    expect(error).toBeUndefined();
    // `serves` differs between recipes: not copied.
    expect(Object.keys(data)).toEqual(['title', 'date', 'layout']);
    expect(data).toMatchObject({ title: 'Barley Soup', layout: 'recipe' });
  });

  it('fills the defaults of the type `.folio/config.yaml` declares for the kind', async () => {
    const { ctx, read } = await blog(JEKYLL);
    const schema = schemaFromConfig({
      types: [
        { name: 'post', fields: [{ name: 'title', type: 'text' }] },
        {
          name: 'recipe',
          kinds: ['recipes'],
          fields: [
            { name: 'title', type: 'text' },
            { name: 'serves', type: 'number', default: 2 },
            { name: 'diet', type: 'list', default: ['vegetarian'] },
          ],
        },
      ],
    });
    const made = await createPost(
      { ...ctx, schema: () => schema },
      { title: 'Pea Soup', draft: false, kind: 'recipes' },
    );
    expect(parseFrontMatter(read(made.path!)).data).toEqual({
      title: 'Pea Soup',
      serves: 2,
      diet: ['vegetarian'],
    });
  });

  it('makes a Hexo page as `source/<slug>/index.md` from the page scaffold', async () => {
    const { ctx, read } = await blog({
      ...HEXO,
      'scaffolds/page.md': '---\ntitle: {{ title }}\ndate: {{ date }}\ncomments: false\n---\n',
      'source/about/index.md': '---\ntitle: About\n---\n',
    });
    const made = await createPost(ctx, { title: 'Now: what I do', draft: false, kind: 'pages' });
    expect(made.path).toBe('source/now-what-i-do/index.md');
    expect(read(made.path!)).toBe(
      '---\ntitle: "Now: what I do"\ndate: 2025-01-15 09:30:05\ncomments: false\n---\n',
    );
    // A second page of that name does not go over the first.
    const again = await createPost(ctx, { title: 'Now: what I do', draft: false, kind: 'pages' });
    expect(again.path).toBe('source/now-what-i-do-2/index.md');
  });

  it('makes an Astro entry in its content collection, under the date key its entries use', async () => {
    const { ctx, read } = await blog({
      'astro.config.mjs': 'export default {};\n',
      'package.json': '{"dependencies":{"astro":"^4"}}',
      'src/content/blog/hello.md': '---\ntitle: Hello\npubDate: 2024-01-01\n---\n',
      'src/content/docs/setup.md': '---\ntitle: Setup\npubDate: 2024-01-02\n---\n',
      'src/content/docs/usage.md': '---\ntitle: Usage\npubDate: 2024-01-03\n---\n',
    });
    const offered = newPostSections(ctx, null);
    // The blog collection is where posts go; docs is a kind of its own, and pages are routes.
    expect(offered.kinds.map((k) => [k.kind, k.folder])).toEqual([
      ['posts', 'src/content/blog'],
      ['pages', 'src/pages'],
      ['docs', 'src/content/docs'],
    ]);
    const observed = indexPosts(ctx.root, ctx.layout).fields;
    const made = await createPost(
      { ...ctx, fields: () => observed },
      { title: 'Deploying', draft: true, kind: 'docs' },
    );
    expect(made.path).toBe('src/content/docs/deploying.md');
    const { data } = parseFrontMatter(read(made.path!));
    expect(Object.keys(data)).toEqual(['title', 'pubDate', 'draft']);
    expect(data.draft).toBe(true);
  });

  it('refuses a kind the site does not have', async () => {
    const { ctx } = await blog(HEXO);
    expect(await errorCodeOf(createPost(ctx, { title: 'X', draft: false, kind: 'recipes' }))).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('renamePost', () => {
  it('changes only the title line and moves a draft to the new slug', async () => {
    const { ctx, read, root } = await blog({ ...HEXO, 'source/_drafts/notes.md': SOURDOUGH });
    const result = await renamePost(ctx, {
      path: 'source/_drafts/notes.md',
      title: 'Starter Diary',
      moveFile: true,
    });
    expect(result).toEqual({
      path: 'source/_drafts/starter-diary.md',
      removed: ['source/_drafts/notes.md'],
    });
    expect(read(result.path!)).toBe(
      SOURDOUGH.replace('Notes on Sourdough Starters', 'Starter Diary'),
    );
    expect(existsSync(path.join(root, 'source/_drafts/notes.md'))).toBe(false);
  });

  it('asks before moving a published post (its URL changes) and changes nothing until told', async () => {
    const { ctx, read } = await blog(HEXO);
    const before = read('source/_posts/old.md');
    const request = { path: 'source/_posts/old.md', title: 'New Name', moveFile: true };
    expect(await errorCodeOf(renamePost(ctx, request))).toBe('INVALID_ARGUMENT');
    expect(read('source/_posts/old.md')).toBe(before);
    const moved = await renamePost(ctx, { ...request, confirmUrlChange: true });
    expect(moved.path).toBe('source/_posts/new-name.md');
    const titleOnly = await renamePost(ctx, {
      path: 'source/_posts/new-name.md',
      title: 'Only The Title',
      moveFile: false,
    });
    expect(titleOnly).toEqual({ path: 'source/_posts/new-name.md', removed: [] });
  });

  it('keeps a Jekyll date prefix and moves Hexo asset folders and Hugo bundles along', async () => {
    const jekyll = await blog({
      '_config.yml': '',
      '_posts/2020-02-03-a.md': '---\ntitle: A\n---\n',
    });
    const j = await renamePost(jekyll.ctx, {
      path: '_posts/2020-02-03-a.md',
      title: 'B',
      moveFile: true,
      confirmUrlChange: true,
    });
    expect(j.path).toBe('_posts/2020-02-03-b.md');

    const hexo = await blog({
      ...HEXO,
      '_config.yml': 'post_asset_folder: true\n',
      'source/_drafts/trip.md': '---\ntitle: Trip\n---\n![](map.png)\n',
      'source/_drafts/trip/map.png': 'PNG',
    });
    const h = await renamePost(hexo.ctx, {
      path: 'source/_drafts/trip.md',
      title: 'Long Trip',
      moveFile: true,
    });
    expect(h.path).toBe('source/_drafts/long-trip.md');
    expect(hexo.read('source/_drafts/long-trip/map.png')).toBe('PNG');
    expect(existsSync(path.join(hexo.root, 'source/_drafts/trip'))).toBe(false);

    const hugo = await blog({
      'hugo.toml': '',
      'content/posts/boat/index.md': '---\ntitle: Boat\ndraft: true\n---\n',
      'content/posts/boat/deck.jpg': 'JPG',
    });
    const b = await renamePost(hugo.ctx, {
      path: 'content/posts/boat/index.md',
      title: 'Small Boat',
      moveFile: true,
    });
    expect(b.path).toBe('content/posts/small-boat/index.md');
    expect(hugo.read('content/posts/small-boat/deck.jpg')).toBe('JPG');
  });

  it('refuses when the file changed since the writer read it', async () => {
    const { ctx, root, read } = await blog(HEXO);
    const { version } = await readPost(root, 'source/_posts/old.md');
    await writeFile(path.join(root, 'source/_posts/old.md'), '---\ntitle: Theirs\n---\n');
    const code = await errorCodeOf(
      renamePost(ctx, {
        path: 'source/_posts/old.md',
        title: 'X',
        moveFile: false,
        expected: version,
      }),
    );
    expect(code).toBe('CONFLICT');
    expect(read('source/_posts/old.md')).toBe('---\ntitle: Theirs\n---\n');
  });

  it('refuses paths outside the blog', async () => {
    const { ctx } = await blog(HEXO);
    expect(
      await errorCodeOf(renamePost(ctx, { path: '../x.md', title: 'X', moveFile: true })),
    ).toBe('OUTSIDE_FOLDER');
  });
});

describe('duplicatePost', () => {
  it('copies a Hexo post into the drafts as “(copy)”, the original untouched', async () => {
    const { ctx, read } = await blog(HEXO);
    const result = await duplicatePost(ctx, 'source/_posts/old.md');
    expect(result.path).toBe('source/_drafts/old-copy.md');
    expect(read(result.path!)).toBe(
      '---\ntitle: Old (copy)\ndate: 2024-03-04 10:00:00\n---\nBody\n',
    );
    expect(read('source/_posts/old.md')).toBe(HEXO['source/_posts/old.md']);
  });

  it('marks a Hugo copy as a draft, next to the original', async () => {
    const { ctx, read } = await blog({
      'hugo.toml': '',
      'content/posts/a.md': "+++\ntitle = 'Tides'\ndraft = false\n+++\nBody\n",
    });
    const result = await duplicatePost(ctx, 'content/posts/a.md');
    expect(result.path).toBe('content/posts/tides-copy.md');
    expect(read(result.path!)).toBe("+++\ntitle = 'Tides (copy)'\ndraft = true\n+++\nBody\n");
  });
});

describe('trashPost', () => {
  it('hands the post and its asset folder to the host trash', async () => {
    const { ctx, root } = await blog({
      ...HEXO,
      '_config.yml': 'post_asset_folder: true\n',
      'source/_posts/old/cover.png': 'PNG',
    });
    const trashed: string[] = [];
    const result = await trashPost(ctx, 'source/_posts/old.md', async (file) => {
      trashed.push(path.relative(root, file));
    });
    expect(result).toEqual({ path: null, removed: ['source/_posts/old.md'] });
    expect(trashed).toEqual([
      path.join('source', '_posts', 'old.md'),
      path.join('source', '_posts', 'old'),
    ]);
  });
});

describe('publishPost and unpublishPost', () => {
  it('dates a draft that has no date in the writer’s format; a dated one keeps its layout', async () => {
    const { ctx, read } = await blog(
      {
        ...HEXO,
        'source/_drafts/undated.md': '---\ntitle: Undated\n---\nBody\n',
        'source/_drafts/dated.md': '---\ntitle: Dated\ndate: 2020/1/2 3:04:05\n---\nBody\n',
      },
      { dateFormat: 'YYYY-MM-DD' },
    );
    const undated = await publishPost(ctx, 'source/_drafts/undated.md');
    expect(read(undated.path!)).toContain('\ndate: 2025-01-15\n');
    const dated = await publishPost(ctx, 'source/_drafts/dated.md');
    expect(read(dated.path!)).toContain('\ndate: 2025/1/15 9:30:05\n');
  });

  it('publishes a Hexo draft into _posts with every field kept byte for byte (hexo #5155 lost tags)', async () => {
    const { ctx, read, root } = await blog(
      { ...HEXO, 'source/_drafts/notes-on-sourdough-starters.md': SOURDOUGH },
      { dateLike: '2024-03-04 10:00:00' },
    );
    const result = await publishPost(ctx, 'source/_drafts/notes-on-sourdough-starters.md');
    expect(result.path).toBe('source/_posts/notes-on-sourdough-starters.md');
    expect(read(result.path!)).toBe(
      SOURDOUGH.replace('  - Recipes\n', '  - Recipes\ndate: 2025-01-15 09:30:05\n'),
    );
    expect(existsSync(path.join(root, 'source/_drafts/notes-on-sourdough-starters.md'))).toBe(
      false,
    );
    expect(parseFrontMatter(read(result.path!)).data.tags).toEqual(['Baking', 'Recipes']);

    const published = read(result.path!);
    const back = await unpublishPost(ctx, result.path!);
    expect(back.path).toBe('source/_drafts/notes-on-sourdough-starters.md');
    expect(read(back.path!)).toBe(published);
  });

  it('publishes a Jekyll draft to a dated _posts file and drops published: false', async () => {
    const { ctx, read } = await blog({
      '_config.yml': '',
      '_drafts/hello.md': '---\ntitle: Hello\npublished: false\ntags: [a, b]\n---\nHi\n',
    });
    const result = await publishPost(ctx, '_drafts/hello.md');
    expect(result.path).toBe('_posts/2025-01-15-hello.md');
    expect(read(result.path!)).toBe(
      '---\ntitle: Hello\ntags: [a, b]\ndate: 2025-01-15 09:30:05\n---\nHi\n',
    );
    const back = await unpublishPost(ctx, result.path!);
    expect(back.path).toBe('_drafts/hello.md');
  });

  it('flips Hugo’s TOML draft flag and writes the date in the post’s own layout', async () => {
    const text =
      '+++\ntitle = \'Tides\'\ndate = 2024-04-02T08:15:00+01:00\ndraft = true\ntags = ["sea"]  # keep\n+++\nBody\n';
    const { ctx, read } = await blog({ 'hugo.toml': '', 'content/posts/t.md': text });
    const result = await publishPost(ctx, 'content/posts/t.md');
    expect(result).toEqual({ path: 'content/posts/t.md', removed: [] });
    const published = read('content/posts/t.md');
    const withoutDate = (t: string) => t.replace(/^date = .*$/m, 'date = …');
    expect(withoutDate(published)).toBe(withoutDate(text.replace('draft = true', 'draft = false')));
    // The same instant, written with the post's +01:00 offset.
    expect(published).toMatch(/date = 2025-01-15T\d\d:30:05\+01:00/);
    await unpublishPost(ctx, 'content/posts/t.md');
    expect(read('content/posts/t.md')).toBe(published.replace('draft = false', 'draft = true'));
  });

  it('refuses to publish what is published and leaves a post whose front matter is broken alone', async () => {
    const { ctx, root, read } = await blog({
      ...HEXO,
      'source/_drafts/bad.md': '---\ntitle: [unclosed\n---\n',
    });
    expect(await errorCodeOf(publishPost(ctx, 'source/_posts/old.md'))).toBe('INVALID_ARGUMENT');
    expect(await errorCodeOf(publishPost(ctx, 'source/_drafts/bad.md'))).toBe('FRONT_MATTER');
    expect(read('source/_drafts/bad.md')).toBe('---\ntitle: [unclosed\n---\n');
    expect(await readFile(path.join(root, 'source/_posts/old.md'), 'utf8')).toBe(
      HEXO['source/_posts/old.md'],
    );
  });
});
