import { fieldDrafts, hasAny } from './defaults.ts';
import { fileIn, staticImages } from './naming.ts';
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
  templateSources: { named: ['components', 'src/components'] },
};
