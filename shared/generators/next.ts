import { fieldDrafts, hasAny, packageServer } from './defaults.ts';
import { fileIn, staticImages } from './naming.ts';
import { urlFromPath } from './permalinks.ts';
import type { GeneratorProfile } from './types.ts';

export const next: GeneratorProfile = {
  ...fieldDrafts,
  name: 'next',
  title: 'Next.js',
  // The blog-starter has no next.config file: `next` in package.json is the sign.
  recognise: ({ entries, packages }) =>
    (packages?.has('next') ||
      hasAny(entries, ['next.config.js', 'next.config.mjs', 'next.config.ts'])) &&
    entries.has('_posts/')
      ? 'sure'
      : null,
  layout: () => ({
    postFolders: ['_posts'],
    draftFolders: [],
    staticRoot: 'public',
    generatedFolders: ['.next', 'out'],
  }),
  imageFolder: staticImages,
  newPostPlace: (_site, _layout, { slug }) => fileIn('_posts', `${slug}.md`),
  dialect: 'mdx',
  // The blog-starter serves `_posts/<slug>.md` at `/posts/<slug>`.
  permalink: (post) => urlFromPath(post.path.replace(/^_posts\//, 'posts/'), '', 'none'),
  templateSources: { named: ['components', 'src/components'] },
  devServer: () => packageServer('next', 'next', (port) => ['dev', '-H', '127.0.0.1', '-p', port]),
};
