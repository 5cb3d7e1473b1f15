import { describe, expect, it } from 'vitest';
import { siteTitle } from '../../electron/services/generators/site-config.ts';
import { openWorkspace } from '../../electron/services/workspace.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();

describe('the blog’s name', () => {
  it('is the title in Hexo’s and Jekyll’s _config.yml', async () => {
    const root = await tempFolder();
    await writeFiles(root, { '_config.yml': '# Site\ntitle: Hexo Blog\nsubtitle: x\n' });
    expect(siteTitle(root, 'hexo')).toBe('Hexo Blog');
    expect(siteTitle(root, 'jekyll')).toBe('Hexo Blog');
  });

  it('is the title in Hugo’s config, wherever Hugo reads it from', async () => {
    const toml = await tempFolder();
    await writeFiles(toml, {
      'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "Hugo Docs"\n',
    });
    expect(siteTitle(toml, 'hugo')).toBe('Hugo Docs');
    const split = await tempFolder();
    await writeFiles(split, { 'config/_default/hugo.yaml': 'title: Split Config\n' });
    expect(siteTitle(split, 'hugo')).toBe('Split Config');
  });

  it('is the folder’s name when the config has no title, does not parse, or is not data', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'hugo.toml': 'title = "unclosed\n',
      'content/a.md': '# A\n',
      'archetypes/default.md': '---\n---\n',
    });
    expect(siteTitle(root, 'hugo')).toBeNull();
    const workspace = await openWorkspace(root, 'asset://');
    expect(workspace.info.name).toBe(workspace.info.root.split('/').pop());
    // Eleventy's config is a program: Folio does not run it for a name.
    expect(siteTitle(root, 'eleventy')).toBeNull();
  });

  it('names the open workspace', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      '_config.yml': 'title: Field Notes\n',
      'source/_posts/a.md': '# A\n',
    });
    expect((await openWorkspace(root, 'asset://')).info.name).toBe('Field Notes');
  });
});
