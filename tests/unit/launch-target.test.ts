import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blogFolderOf, launchTarget, pathFromArgv } from '../../electron/services/launch-target.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();

describe('what the command line opens', () => {
  it('takes the last argument that is not a switch', () => {
    expect(pathFromArgv(['--inspect', '~/blog', '--no-sandbox'])).toBe('~/blog');
    expect(pathFromArgv(['.'])).toBeNull();
    expect(pathFromArgv([])).toBeNull();
  });

  it('opens a folder as the blog, relative to the working folder', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'blog/a.md': '# A\n' });
    expect(launchTarget(['blog'], root)).toEqual({ folder: path.join(root, 'blog') });
  });

  it('opens a Markdown file in the blog its generator config marks, then the post', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      '_config.yml': 'title: x\n',
      'source/_posts/hello.md': '# Hello\n',
    });
    const file = path.join(root, 'source', '_posts', 'hello.md');
    expect(blogFolderOf(file)).toBe(root);
    expect(launchTarget([file], '/')).toEqual({ folder: root, post: 'source/_posts/hello.md' });
  });

  it('opens a loose Markdown file in its own folder', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'notes/today.md': 'hi\n' });
    expect(launchTarget(['notes/today.md'], root)).toEqual({
      folder: path.join(root, 'notes'),
      post: 'today.md',
    });
  });

  it('ignores what does not exist and files that are not Markdown', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'photo.png': 'x' });
    expect(launchTarget(['missing'], root)).toBeNull();
    expect(launchTarget(['photo.png'], root)).toBeNull();
  });
});
