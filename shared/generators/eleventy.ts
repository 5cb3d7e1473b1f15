import { fieldDrafts, hasAny, packageServer } from './defaults.ts';
import { imagesBesidePost, postInFirstPostFolder } from './naming.ts';
import { ownUrl, urlFromPath } from './permalinks.ts';
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
    // Its default includes and data folders (at the top, or under the common `src/` input).
    templateFolders: ['_includes', '_data', 'src/_includes', 'src/_data'],
  }),
  // No static folder of its own: beside the post.
  imageFolder: imagesBesidePost,
  newPostPlace: (site, layout, { slug }) => postInFirstPostFolder(site, layout, slug),
  // Eleventy reads Markdown through Liquid by default (`markdownTemplateEngine`).
  dialect: 'eleventy',
  // Its `permalink:` (when not a template), else the file's path, `index` standing for its folder.
  permalink: (post) => {
    const own = ownUrl(post.data, 'permalink');
    if (own?.includes('{')) return null;
    return own ?? urlFromPath(post.path, '', 'slash');
  },
  templateSources: {
    includes: ['_includes', 'src/_includes'],
    scripts: ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs'],
  },
  // Built into a folder outside the blog (not its `_site`); its server has no option for the
  // address it listens on, so Folio holds it to this computer (`listensEverywhere`).
  devServer: () =>
    packageServer(
      '@11ty/eleventy',
      'eleventy',
      (port, out) => ['--serve', '--port', port, '--output', out],
      {
        rebuilt: { line: /Wrote \d+ files?.* in ([\d.]+) seconds/, unit: 's' },
        listensEverywhere: true,
      },
    ),
};
