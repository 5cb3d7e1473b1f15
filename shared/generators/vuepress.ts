import { fieldDrafts, packageServer } from './defaults.ts';
import { fileIn, staticImages, under } from './naming.ts';
import { ownUrl, urlFromPath } from './permalinks.ts';
import type { BlogLayout, GeneratorProfile, NewPostOptions, SiteFiles } from './types.ts';

/** VuePress and VitePress: a new post goes to `posts/` in the docs folder when there is one. */
export function docsPostPlace(site: SiteFiles, layout: BlogLayout, { slug }: NewPostOptions) {
  const docs = layout.postFolders[0] ?? '';
  const posts = under(docs, 'posts');
  return fileIn(site.isFolder(posts) ? posts : docs, `${slug}.md`);
}

export const vuepress: GeneratorProfile = {
  ...fieldDrafts,
  name: 'vuepress',
  title: 'VuePress',
  recognise: ({ entries }) =>
    entries.has('.vuepress/') || entries.has('docs/.vuepress/') ? 'sure' : null,
  layout({ entries }) {
    const docs = entries.has('docs/.vuepress/') ? 'docs' : '';
    return {
      postFolders: [docs],
      draftFolders: [],
      staticRoot: under(docs, '.vuepress/public'),
      generatedFolders: [under(docs, '.vuepress/dist'), under(docs, '.vuepress/.temp')],
    };
  },
  // The home page (`home: true`, the default theme and vuepress-theme-hope) and pages a blog
  // theme keeps out of its article list (`article: false`, vuepress-theme-hope).
  isPage: (data) => data.home === true || data.article === false,
  imageFolder: staticImages,
  newPostPlace: docsPostPlace,
  // A page's `.md` is served as `.html` under the docs folder; README and index are its folder.
  permalink: (post) => ownUrl(post.data, 'permalink') ?? urlFromPath(post.path, 'docs', 'html'),
  devServer: ({ has }) =>
    packageServer('vuepress', 'vuepress', (port) => [
      'dev',
      has('docs') ? 'docs' : '.',
      '--port',
      port,
      '--host',
      '127.0.0.1',
    ]),
};
