import { describe, expect, it } from 'vitest';
import { detectLayout, type Generator } from '../../electron/services/library/detect-blog.ts';

const listing = (...names: string[]) => ({ entries: new Set(names) });

describe('detectLayout: one rule per generator, from the folder listing alone', () => {
  const cases: Array<[Generator, string[], Partial<ReturnType<typeof detectLayout>>]> = [
    [
      'hexo',
      ['_config.yml', 'source/', 'source/_posts/', 'scaffolds/'],
      { staticRoot: 'source', postFolders: ['source/_posts', 'source/_drafts'] },
    ],
    [
      'hugo',
      ['hugo.toml', 'content/', 'static/', 'archetypes/'],
      { staticRoot: 'static', postFolders: ['content'] },
    ],
    ['hugo', ['config.toml', 'content/'], { staticRoot: 'static' }],
    [
      'jekyll',
      ['_config.yml', '_posts/', 'assets/'],
      { staticRoot: '', postFolders: ['_posts', '_drafts'], draftFolders: ['_drafts'] },
    ],
    [
      'astro',
      ['astro.config.mjs', 'src/', 'src/content/', 'public/'],
      { staticRoot: 'public', postFolders: ['src/content', 'src/pages'] },
    ],
    [
      'gatsby',
      ['gatsby-config.js', 'content/', 'static/'],
      { staticRoot: 'static', postFolders: ['content'] },
    ],
    [
      'next',
      ['next.config.js', '_posts/', 'public/'],
      { staticRoot: 'public', postFolders: ['_posts'] },
    ],
    [
      'vuepress',
      ['package.json', 'docs/', 'docs/.vuepress/'],
      { staticRoot: 'docs/.vuepress/public', postFolders: ['docs'] },
    ],
    ['vitepress', ['.vitepress/', 'index.md'], { staticRoot: 'public', postFolders: [''] }],
    ['eleventy', ['.eleventy.js', 'posts/'], { staticRoot: '', postFolders: [''] }],
    ['eleventy', ['eleventy.config.mjs'], { staticRoot: '' }],
    ['plain', ['notes.md', 'ideas/'], { staticRoot: '', postFolders: [''], draftFolders: [] }],
  ];
  it.each(cases)('%s from %j', (generator, names, expected) => {
    const layout = detectLayout(listing(...names));
    expect(layout.generator).toBe(generator);
    expect(layout).toMatchObject(expected);
  });

  it('reads Hexo’s post_asset_folder from _config.yml', () => {
    const entries = new Set(['_config.yml', 'source/']);
    expect(
      detectLayout({ entries, hexoConfig: 'title: x\npost_asset_folder: true\n' }).postAssetFolder,
    ).toBe(true);
    expect(detectLayout({ entries, hexoConfig: 'title: x\n' }).postAssetFolder).toBe(false);
    expect(detectLayout({ entries, hexoConfig: 'title: [broken' }).postAssetFolder).toBe(false);
  });

  it('prefers Hexo over Jekyll when both _config.yml and source/ exist', () => {
    expect(detectLayout(listing('_config.yml', 'source/', '_posts/')).generator).toBe('hexo');
  });
});
