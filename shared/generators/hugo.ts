import { field, lookup } from '../lookup.ts';
import { hasAny } from './defaults.ts';
import {
  basename,
  bundleIn,
  defaultSection,
  fileIn,
  folderOf,
  isBundlePath,
  noPages,
  noTimeZone,
  staticImages,
  sitePath,
} from './naming.ts';
import { fileSlug, fill, ownUrl, sitePathOf, slugify, text } from './permalinks.ts';
import type { FolderListing, GeneratorProfile, SiteFiles } from './types.ts';

/** A language folder of a multilingual Hugo site (`content/en`, `content/pt-br`). */
const LANGUAGE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$/i;

const CONFIG_NAMES = ['hugo', 'config', 'config/_default/hugo', 'config/_default/config'];

/**
 * A Hugo site's sections: the folders right under `content/`, or under each language's
 * `content/<lang>/` when `content/` holds only language folders (the Hugo docs' layout).
 */
export function hugoSections(site: SiteFiles): string[] {
  const top = site.folders('content');
  const languages = top.filter((f) => LANGUAGE.test(basename(f)));
  if (top.length && languages.length === top.length)
    return languages.flatMap((lang) => site.folders(lang));
  return top;
}

function recognise({ entries }: FolderListing): 'sure' | 'maybe' | null {
  const has = (name: string) => entries.has(name);
  if (
    hasAny(entries, ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml']) ||
    (has('content/') && has('archetypes/'))
  ) {
    return 'sure';
  }
  // Its YAML/JSON config or config folder is named too generically to outrank the others.
  if (has('content/') && (has('config/') || hasAny(entries, ['config.yaml', 'config.json'])))
    return 'maybe';
  return null;
}

export const hugo: GeneratorProfile = {
  name: 'hugo',
  title: 'Hugo',
  recognise,
  layout: () => ({
    postFolders: ['content'],
    draftFolders: [],
    staticRoot: 'static',
    generatedFolders: ['public', 'resources'],
  }),
  configFiles: CONFIG_NAMES.flatMap((name) =>
    ['toml', 'yaml', 'yml', 'json'].map((ext) => `${name}.${ext}`),
  ),
  draftFolder: null,
  publishRemovesPublished: false,
  splitStringLists: false,
  isPage: noPages,
  servesWholeFolder: false,
  imageFolder: (layout, postPath) =>
    isBundlePath(postPath) ? folderOf(postPath) : staticImages(layout),
  sections: hugoSections,
  newPostPlace(site, _layout, { slug, section, bundle }) {
    const folder = section ?? defaultSection(hugoSections(site)) ?? 'content/posts';
    const place =
      bundle || site.usesBundles(folder) ? bundleIn(folder, slug) : fileIn(folder, `${slug}.md`);
    return { ...place, section: basename(folder) };
  },
  templates: 'hugo-archetypes',
  timeZone: noTimeZone,
  futureIsScheduled: (config) => config.buildFuture !== true,
  dialect: 'hugo',
  // Goldmark, as markup.goldmark sets it (Hugo's defaults: typographer, definition lists and
  // heading attributes on, raw HTML left out).
  markdown(config) {
    const typographer = lookup(config, 'markup.goldmark.extensions.typographer', true);
    return {
      name: 'goldmark',
      typographer:
        typographer !== false &&
        lookup(config, 'markup.goldmark.extensions.typographer.disable', true) !== true,
      breaks: false,
      html: lookup(config, 'markup.goldmark.renderer.unsafe', true) === true,
      attributes:
        lookup(config, 'markup.goldmark.parser.attribute.title', true) === false
          ? null
          : 'goldmark',
      definitionLists: lookup(config, 'markup.goldmark.extensions.definitionList', true) !== false,
      abbreviations: false,
      headingIds: 'github',
    };
  },
  // Hugo reads these keys in any case, and takes `pubdate`/`published` and `unpublishdate` too.
  schedule: (data) => ({
    publish: field(data, 'publishDate') ?? field(data, 'pubdate') ?? field(data, 'published'),
    expiry: field(data, 'expiryDate') ?? field(data, 'unpublishdate'),
  }),
  isSectionPage: (path) => /^_index\.[^./]+$/i.test(basename(path)),
  isHeadless: (data) => field(data, 'headless') === true,
  urlKeys: ['permalinks', 'disablePathToLower'],
  permalink(post, config) {
    const own = ownUrl(post.data, 'url', true);
    const lower = config.disablePathToLower !== true;
    const done = (url: string) => (lower ? url.toLowerCase() : url);
    if (own) return done(own);
    const rel = post.path.replace(/^content\//, '');
    const dir = rel.split('/').slice(0, -1);
    if (/^_index\.[^.]+$/.test(basename(rel))) return done(sitePathOf(`${dir.join('/')}/`));
    const bundle = isBundlePath(rel);
    const folders = bundle ? dir.slice(0, -1) : dir;
    const section = folders[0] ?? '';
    const slug = text(field(post.data, 'slug'));
    const titled = text(field(post.data, 'title'));
    const name = fileSlug(rel);
    const permalinks = (config.permalinks ?? {}) as Record<string, unknown>;
    const pattern =
      text(permalinks[section]) ??
      text((permalinks.page as Record<string, unknown> | undefined)?.[section]);
    if (!pattern) return done(sitePathOf(`${[...folders, slug ?? name].join('/')}/`));
    const url = fill(
      pattern,
      {
        section,
        sections: folders.join('/'),
        title: () => slugify(titled ?? name),
        slug: () => slug ?? slugify(titled ?? name),
        slugorfilename: slug ?? name,
        filename: name,
        contentbasename: name,
      },
      post.date,
    );
    return url === null ? null : done(sitePathOf(url));
  },
  basePath: (config) => sitePath(config.baseURL ?? config.baseurl),
  templateSources: {
    named: [
      'layouts/shortcodes',
      'layouts/_shortcodes',
      'themes/*/layouts/shortcodes',
      'themes/*/layouts/_shortcodes',
    ],
  },
  devServer: ({ basePath }) => ({
    program: { system: 'hugo' },
    // Drafts and future posts shown, pages kept in memory (nothing written into the blog),
    // links on the preview's own origin (Hugo adds the port).
    args: (port) => [
      'server',
      '--buildDrafts',
      '--buildFuture',
      '--port',
      port,
      '--bind',
      '127.0.0.1',
      '--baseURL',
      `http://127.0.0.1${basePath}/`,
    ],
    install:
      'install Hugo (the extended edition): `sudo apt install hugo` on Debian and Ubuntu, `brew install hugo` on macOS, `winget install Hugo.Hugo.Extended` on Windows (gohugo.io/installation)',
    rebuilt: { line: /(?:Built|Total) in (\d+) ms/, unit: 'ms' },
  }),
};
