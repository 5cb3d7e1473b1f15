import { fieldDrafts, hasAny, packageServer } from './defaults.ts';
import { basename, bundleIn, fileIn, firstFolder, staticImages } from './naming.ts';
import { ownSlug, urlFromPath } from './permalinks.ts';
import type { GeneratorProfile } from './types.ts';

export const astro: GeneratorProfile = {
  ...fieldDrafts,
  name: 'astro',
  title: 'Astro',
  recognise: ({ entries, packages }) =>
    packages?.has('astro') ||
    hasAny(entries, ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts'])
      ? 'sure'
      : null,
  layout: () => ({
    postFolders: ['src/content'],
    // Markdown pages are routes of their own; `_` files there are not (Astro skips them).
    pageFolders: ['src/pages'],
    draftFolders: [],
    staticRoot: 'public',
    generatedFolders: ['dist', '.astro'],
  }),
  imageFolder: staticImages,
  // Its `.mdx` posts; `.md` ones are plain Markdown (shared/markdown/templates/index.ts).
  dialect: 'mdx',
  collectionOf: (path) => /^src\/content\/([^/]+)\//.exec(path)?.[1] ?? null,
  collectionFolders: (site) =>
    site.folders('src/content').map((folder) => ({ folder, name: basename(folder) })),
  // A content collection's entry is served under the collection's name, a page by its path.
  permalink: (post) =>
    ownSlug(post) ??
    (post.path.startsWith('src/pages/')
      ? urlFromPath(post.path, 'src/pages', 'slash')
      : urlFromPath(post.path, 'src/content', 'slash')),
  templateSources: { named: ['src/components'] },
  newPostPlace(site, _layout, { slug }) {
    const folder = firstFolder(
      site,
      ['src/content/blog', 'src/content/posts', ...site.folders('src/content')],
      'src/content/blog',
    );
    return site.usesBundles(folder) ? bundleIn(folder, slug) : fileIn(folder, `${slug}.md`);
  },
  devServer: () =>
    packageServer('astro', 'astro', (port) => ['dev', '--port', port, '--host', '127.0.0.1']),
};
