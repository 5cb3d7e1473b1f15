import { fieldDrafts, hasAny } from './defaults.ts';
import { imagesBesidePost, postInFirstPostFolder } from './naming.ts';
import type { GeneratorProfile } from './types.ts';

export const eleventy: GeneratorProfile = {
  ...fieldDrafts,
  name: 'eleventy',
  title: 'Eleventy',
  recognise: ({ entries, packages }) =>
    packages?.has('@11ty/eleventy') ||
    hasAny(entries, [
      '.eleventy.js',
      'eleventy.config.js',
      'eleventy.config.mjs',
      'eleventy.config.cjs',
      'eleventy.config.ts',
    ])
      ? 'sure'
      : null,
  layout: () => ({
    postFolders: [''],
    draftFolders: [],
    staticRoot: '',
    generatedFolders: ['_site'],
  }),
  // No static folder of its own: beside the post.
  imageFolder: imagesBesidePost,
  newPostPlace: (site, layout, { slug }) => postInFirstPostFolder(site, layout, slug),
  // Eleventy reads Markdown through Liquid by default (`markdownTemplateEngine`).
  dialect: 'eleventy',
  templateSources: {
    includes: ['_includes', 'src/_includes'],
    scripts: ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs'],
  },
};
