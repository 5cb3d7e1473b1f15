import { fieldDrafts, packageServer } from './defaults.ts';
import { staticImages, under } from './naming.ts';
import { ownUrl, urlFromPath } from './permalinks.ts';
import type { GeneratorProfile } from './types.ts';
import { docsPostPlace } from './vuepress.ts';

export const vitepress: GeneratorProfile = {
  ...fieldDrafts,
  name: 'vitepress',
  title: 'VitePress',
  recognise: ({ entries }) =>
    entries.has('.vitepress/') || entries.has('docs/.vitepress/') ? 'sure' : null,
  layout({ entries }) {
    const docs = entries.has('docs/.vitepress/') ? 'docs' : '';
    return {
      postFolders: [docs],
      draftFolders: [],
      staticRoot: under(docs, 'public'),
      generatedFolders: [under(docs, '.vitepress/dist'), under(docs, '.vitepress/cache')],
    };
  },
  // The home page (`layout: home`) and blank custom pages (`layout: page`: an archive, a tag
  // index, an about page).
  isPage: (data) => data.layout === 'home' || data.layout === 'page',
  imageFolder: staticImages,
  newPostPlace: docsPostPlace,
  // A page's `.md` is served as `.html` under the docs folder; README and index are its folder.
  permalink: (post) => ownUrl(post.data, 'permalink') ?? urlFromPath(post.path, 'docs', 'html'),
  devServer: ({ has }) =>
    packageServer('vitepress', 'vitepress', (port) => [
      'dev',
      has('docs') ? 'docs' : '.',
      '--port',
      port,
      '--host',
      '127.0.0.1',
      '--strictPort',
    ]),
};
