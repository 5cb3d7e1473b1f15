import { basename, fileIn, isoDay, noPages, noSections, sitePath } from './naming.ts';
import { fill, ownUrl, sitePathOf, text, urlFromPath } from './permalinks.ts';
import type { GeneratorProfile, SiteConfigData } from './types.ts';

/**
 * The collections `_config.yml` names (`collections: [docs]` or `collections: { docs: {…} }`),
 * each in its `_<name>` folder (under `collections_dir` when set); `posts` is Jekyll's own.
 */
function jekyllCollections(config: SiteConfigData): Array<{ folder: string; name: string }> {
  const named = config.collections;
  const names = Array.isArray(named)
    ? named.map(String)
    : named && typeof named === 'object'
      ? Object.keys(named)
      : [];
  const dir = text(config.collections_dir);
  return names
    .filter((name) => name !== 'posts' && /^[\w-]+$/.test(name))
    .map((name) => ({ folder: dir ? `${dir}/_${name}` : `_${name}`, name }));
}

/**
 * A collection item's URL: none unless the collection has `output: true`; then its
 * `permalink` (`:collection`, `:path`, `:name`, `:title`, `:output_ext`), by default
 * `/:collection/:path:output_ext`.
 */
function collectionUrl(
  path: string,
  collection: { folder: string; name: string },
  config: SiteConfigData,
): string | null {
  const settings = (config.collections as Record<string, Record<string, unknown>> | undefined)?.[
    collection.name
  ];
  if (!settings || typeof settings !== 'object' || settings.output !== true) return null;
  const rel = path.slice(collection.folder.length + 1).replace(/\.[^./]+$/, '');
  const url = fill(text(settings.permalink) ?? '/:collection/:path:output_ext', {
    collection: collection.name,
    path: rel,
    name: basename(rel),
    title: basename(rel),
    output_ext: '.html',
  });
  return url === null ? null : sitePathOf(url);
}

/** Jekyll's built-in permalink styles. */
const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

export const jekyll: GeneratorProfile = {
  name: 'jekyll',
  title: 'Jekyll',
  recognise: ({ entries }) =>
    (entries.has('_config.yml') || entries.has('_config.yaml')) &&
    (entries.has('_posts/') || entries.has('_drafts/'))
      ? 'sure'
      : null,
  layout: ({ config }) => {
    const collections = jekyllCollections(config ?? {});
    return {
      postFolders: ['_posts', '_drafts', ...collections.map((c) => c.folder)],
      draftFolders: ['_drafts'],
      staticRoot: '',
      generatedFolders: ['_site', '.jekyll-cache'],
      // Jekyll takes a post's date from its file name when the front matter has none.
      fileNameDates: true,
      // Pages: Markdown with front matter anywhere outside `_` folders, but what `exclude`
      // names (and Bundler's vendor folder, which Jekyll leaves out by default).
      pageFolders: [''],
      skipRender: [
        'vendor/**',
        ...(Array.isArray(config?.exclude) ? config.exclude : [])
          .filter((e): e is string => typeof e === 'string')
          .map((e) => (e.endsWith('/') ? `${e}**` : e)),
      ],
      pagesNeedFrontMatter: true,
      ...(collections.length ? { collections } : {}),
    };
  },
  configFiles: ['_config.yml'],
  draftFolder: {
    drafts: '_drafts',
    posts: '_posts',
    publishedName: (slug, date) => `${isoDay(date)}-${slug}`,
  },
  // Jekyll reads a post without `published:` as published.
  publishRemovesPublished: true,
  splitStringLists: true,
  isPage: noPages,
  // Jekyll copies every file outside `_` folders to the site: any file has a site path.
  servesWholeFolder: true,
  imageFolder: () => 'assets/images',
  sections: noSections,
  newPostPlace(site, _layout, { slug, draft, date }) {
    const ext = site.usualExtension('_posts');
    return draft
      ? fileIn('_drafts', `${slug}${ext}`)
      : fileIn('_posts', `${isoDay(date)}-${slug}${ext}`);
  },
  templates: 'built-in',
  futureIsScheduled: (config) => config.future !== true,
  dialect: 'jekyll',
  // kramdown, Jekyll's default, reading GFM input unless `kramdown.input: kramdown` (which
  // brings kramdown's own header ids).
  markdown(config) {
    if (!/kramdown/i.test(text(config.markdown) ?? 'kramdown')) return null;
    const kramdown = (config.kramdown ?? {}) as Record<string, unknown>;
    return {
      name: 'kramdown',
      typographer: kramdown.smart_quotes !== false,
      breaks: kramdown.hard_wrap === true,
      html: true,
      attributes: 'kramdown',
      definitionLists: true,
      abbreviations: true,
      headingIds:
        kramdown.auto_ids === false ? null : kramdown.input === 'kramdown' ? 'kramdown' : 'github',
    };
  },
  urlKeys: ['permalink', 'collections', 'collections_dir'],
  permalink(post, config) {
    const own = ownUrl(post.data, 'permalink');
    if (own) return own;
    const collection = jekyllCollections(config).find((c) => post.path.startsWith(`${c.folder}/`));
    if (collection) return collectionUrl(post.path, collection, config);
    // A page: its path, `.html` (or a folder with the `pretty` style); `index.md` its folder.
    if (!post.path.startsWith('_'))
      return urlFromPath(post.path, '', text(config.permalink) === 'pretty' ? 'slash' : 'html');
    if (!post.path.startsWith('_posts/')) return null;
    const style = text(config.permalink) ?? 'date';
    const pattern = STYLES[style] ?? style;
    const name = basename(post.path)
      .replace(/\.[^.]+$/, '')
      .replace(/^\d{4}-\d{2}-\d{2}-/, '');
    const categories = (
      typeof post.data.categories === 'string'
        ? post.data.categories.split(/\s+/)
        : Array.isArray(post.data.categories)
          ? post.data.categories.map(String)
          : text(post.data.category)
            ? [text(post.data.category)!]
            : []
    ).map((c) => c.toLowerCase());
    const title = text(post.data.slug) ?? name;
    const url = fill(
      pattern,
      {
        title,
        slug: title,
        name,
        categories: categories.join('/'),
        output_ext: '.html',
      },
      post.date,
    );
    return url === null ? null : sitePathOf(url);
  },
  basePath: (config) => sitePath(config.baseurl),
  templateSources: { includes: ['_includes'], scripts: ['_plugins'] },
  // Jekyll reads a date's offset as the site's: new ones are written in its time zone.
  timeZone: (config) => (typeof config.timezone === 'string' ? config.timezone : 'local'),
  devServer: ({ has }) => {
    // With a Gemfile, the site's own gems through Bundler, as `bundle exec jekyll serve`.
    const bundled = has('Gemfile');
    return {
      program: { system: bundled ? 'bundle' : 'jekyll' },
      // Built into a folder outside the blog, without Jekyll's disk cache in it.
      args: (port, out) => [
        ...(bundled ? ['exec', 'jekyll'] : []),
        'serve',
        '--drafts',
        '--future',
        '--port',
        port,
        '--host',
        '127.0.0.1',
        '--destination',
        out,
        '--disable-disk-cache',
      ],
      install: bundled
        ? 'run `bundle install` in the blog folder (it needs Ruby, and Bundler: `gem install bundler`)'
        : 'install Jekyll: `gem install jekyll bundler`, or `sudo apt install jekyll` on Debian and Ubuntu (jekyllrb.com/docs/installation)',
      rebuilt: { line: /done in ([\d.]+) seconds/, unit: 's' },
    };
  },
};
