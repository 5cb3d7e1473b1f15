import { fieldDrafts, hasAny, packageServer } from './defaults.ts';
import { bundleIn, firstFolder, folderOf, isBundlePath, staticImages } from './naming.ts';
import { ownSlug, urlFromPath } from './permalinks.ts';
import type { GeneratorProfile } from './types.ts';

export const gatsby: GeneratorProfile = {
  ...fieldDrafts,
  name: 'gatsby',
  title: 'Gatsby',
  recognise: ({ entries, packages }) =>
    packages?.has('gatsby') ||
    hasAny(entries, ['gatsby-config.js', 'gatsby-config.ts', 'gatsby-config.mjs'])
      ? 'sure'
      : null,
  // Gatsby serves `static/` at the site root; its `public/` is the build output.
  layout: () => ({
    postFolders: ['content'],
    draftFolders: [],
    staticRoot: 'static',
    generatedFolders: ['public', '.cache'],
  }),
  imageFolder: (layout, postPath) =>
    isBundlePath(postPath) ? folderOf(postPath) : staticImages(layout),
  newPostPlace: (site, _layout, { slug }) =>
    bundleIn(firstFolder(site, ['content/blog', 'content/posts'], 'content/blog'), slug),
  dialect: 'mdx',
  // gatsby-starter-blog: a post's slug is its path under content/blog.
  permalink: (post) => ownSlug(post) ?? urlFromPath(post.path, 'content/blog', 'slash'),
  templateSources: { named: ['src/components'] },
  devServer: () =>
    packageServer('gatsby', 'gatsby', (port) => ['develop', '-H', '127.0.0.1', '-p', port]),
};
