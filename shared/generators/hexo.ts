import { packageServer } from './defaults.ts';
import {
  basename,
  bundleIn,
  fileIn,
  folderOf,
  noPages,
  noSections,
  noTimeZone,
  pad,
  staticImages,
  under,
  sitePath,
} from './naming.ts';
import { fill, ownUrl, sitePathOf, slugify, text, urlFromPath } from './permalinks.ts';
import type { GeneratorProfile, SiteConfigData } from './types.ts';

/** Hexo's nested category lists (`[[Life, Travel], [Diary]]`) flattened: the path's last. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => (Array.isArray(v) ? v.map(String) : [String(v)]));
}

/** A time as local wall-clock `YYYY-MM-DD HH:mm:ss`, as Hexo reads a file's time. */
function localIso(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const globs = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );

/** Hexo's `new_post_name` (default `:title.md`). */
function newPostName(config: SiteConfigData): string {
  const name = config.new_post_name;
  return typeof name === 'string' && name.includes(':title') ? name : ':title.md';
}

/** Fills Hexo's `new_post_name` placeholders (`:year-:month-:day-:title.md`). */
export function fillPostName(pattern: string, slug: string, date: Date): string {
  const values: Record<string, string> = {
    year: String(date.getFullYear()),
    month: pad(date.getMonth() + 1),
    i_month: String(date.getMonth() + 1),
    day: pad(date.getDate()),
    i_day: String(date.getDate()),
    hour: pad(date.getHours()),
    minute: pad(date.getMinutes()),
    second: pad(date.getSeconds()),
    title: slug,
  };
  const name = pattern.replace(
    /:(year|i_month|month|i_day|day|hour|minute|second|title)/g,
    (_, k) => values[k as string]!,
  );
  return /\.(md|markdown)$/i.test(name) ? name : `${name}.md`;
}

const postName = (config: SiteConfigData, slug: string, date: Date) =>
  fillPostName(newPostName(config), slug, date);

export const hexo: GeneratorProfile = {
  name: 'hexo',
  title: 'Hexo',
  recognise: ({ entries, packages }) =>
    entries.has('_config.yml') && (entries.has('source/') || packages?.has('hexo') === true)
      ? 'sure'
      : null,
  layout: ({ config }) => ({
    postFolders: ['source/_posts', 'source/_drafts'],
    draftFolders: ['source/_drafts'],
    staticRoot: 'source',
    postAssetFolder: config?.post_asset_folder === true,
    generatedFolders: ['public', '.deploy_git'],
    // Every other Markdown file under source/ is a page, but what skip_render names.
    pageFolders: ['source'],
    skipRender: globs(config?.skip_render),
    fileNameDates: newPostName(config ?? {}).startsWith(':year-:month-:day-'),
  }),
  configFiles: ['_config.yml'],
  draftFolder: {
    drafts: 'source/_drafts',
    posts: 'source/_posts',
    publishedName: (slug, date, config) =>
      postName(config, slug, date).replace(/\.(md|markdown)$/i, ''),
  },
  publishRemovesPublished: false,
  splitStringLists: false,
  isPage: noPages,
  servesWholeFolder: false,
  imageFolder: (layout, postPath) =>
    layout.postAssetFolder
      ? under(folderOf(postPath), basename(postPath).replace(/\.[^.]+$/, ''))
      : staticImages(layout),
  sections: noSections,
  // `hexo new page about` makes `source/about/index.md`, served at `/about/`.
  newPagePlace: (folder, slug) => bundleIn(folder, slug),
  newPostPlace: (site, _layout, { slug, draft, date }) =>
    draft
      ? fileIn('source/_drafts', `${slug}.md`)
      : fileIn('source/_posts', postName(site.config, slug, date)),
  templates: 'hexo-scaffolds',
  timeZone: noTimeZone,
  // Hexo builds future posts unless told otherwise (`future: true` is its default).
  futureIsScheduled: (config) => config.future === false,
  dialect: 'hexo',
  // hexo-renderer-marked's defaults: GFM, line breaks kept, smartypants, its heading ids.
  markdown(config) {
    const marked = (config.marked ?? {}) as Record<string, unknown>;
    return {
      name: 'marked',
      typographer: marked.smartypants !== false,
      breaks: marked.breaks !== false,
      html: true,
      attributes: null,
      definitionLists: false,
      abbreviations: false,
      headingIds: marked.headerIds === false ? null : 'hexo',
    };
  },
  urlKeys: ['permalink', 'new_post_name', 'default_category'],
  permalink(post, config) {
    const own = ownUrl(post.data, 'permalink');
    if (own) return own;
    // A page: `source/about/index.md` is `/about/`, `source/faq.md` is `/faq.html`.
    if (post.path.startsWith('source/') && !/^source\/_/.test(post.path))
      return urlFromPath(post.path, 'source', 'html');
    if (!post.path.startsWith('source/_posts/')) return null;
    // :title is the file's path under _posts, less what new_post_name put before the title.
    let title = post.path.slice('source/_posts/'.length).replace(/\.[^./]+$/, '');
    if (newPostName(config).startsWith(':year-:month-:day-'))
      title = title.replace(/(^|\/)\d{4}-\d{2}-\d{2}-/, '$1');
    const categories = () => stringsOf(post.data.categories ?? post.data.category);
    const url = fill(
      text(config.permalink) ?? ':year/:month/:day/:title/',
      {
        title,
        name: basename(title),
        post_title: () => slugify(text(post.data.title) ?? title),
        id: text(post.data.id) ?? title,
        category: () =>
          slugify(categories().at(-1) ?? text(config.default_category) ?? 'uncategorized'),
      },
      // Hexo dates a post without `date:` by its file.
      post.date ?? (post.fileTime === undefined ? null : localIso(post.fileTime)),
    );
    return url === null ? null : sitePathOf(url);
  },
  basePath: (config) => sitePath(config.root),
  templateSources: {
    scripts: ['scripts', 'themes/*/scripts'],
    code: 'source/downloads/code',
  },
  devServer: () =>
    packageServer(
      'hexo',
      'hexo',
      (port) => ['server', '--port', port, '--ip', '127.0.0.1', '--draft'],
      { requires: ['hexo-server'], rendersOnRequest: true },
    ),
};
