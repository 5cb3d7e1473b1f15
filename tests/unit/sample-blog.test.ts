import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureSampleBlog, folderFromArgv } from '../../electron/services/sample-blog.ts';
import { useTempFolders } from './support/temp.ts';

const tempFolder = useTempFolders();
const sampleBlog = fileURLToPath(new URL('../../assets/sample-blog', import.meta.url));
const cwd = path.resolve('/home/mara/projects');

describe('folderFromArgv', () => {
  it('resolves a relative folder against the working directory', () => {
    expect(folderFromArgv(['blog'], cwd)).toBe(path.join(cwd, 'blog'));
    expect(folderFromArgv(['../blog'], cwd)).toBe(path.resolve(cwd, '..', 'blog'));
  });

  it('keeps an absolute folder', () => {
    const absolute = path.resolve('/srv/blog');
    expect(folderFromArgv([absolute], cwd)).toBe(absolute);
  });

  it('skips switches and the `.` of `electron .`', () => {
    expect(folderFromArgv(['.', '--no-sandbox', 'blog', '--inspect=9229'], cwd)).toBe(
      path.join(cwd, 'blog'),
    );
  });

  it('takes the last folder when several are given', () => {
    expect(folderFromArgv(['first', 'second'], cwd)).toBe(path.join(cwd, 'second'));
  });

  it('answers null when no folder is named', () => {
    expect(folderFromArgv([], cwd)).toBeNull();
    expect(folderFromArgv(['.'], cwd)).toBeNull();
    expect(folderFromArgv(['--enable-logging', '-psn_0_12345'], cwd)).toBeNull();
  });
});

describe('ensureSampleBlog', () => {
  async function listFiles(root: string): Promise<string[]> {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();
  }

  it('copies the sample blog, byte for byte, into the data folder', async () => {
    const data = await tempFolder();
    const copy = ensureSampleBlog(sampleBlog, data);
    expect(copy).toBe(path.join(data, 'Sample Blog'));
    const files = await listFiles(sampleBlog);
    expect(await listFiles(copy)).toEqual(files);
    for (const file of files) {
      expect(await readFile(path.join(copy, file)), file).toEqual(
        await readFile(path.join(sampleBlog, file)),
      );
    }
  });

  it('keeps the writer’s edits to an existing copy', async () => {
    const data = await tempFolder();
    const copy = ensureSampleBlog(sampleBlog, data);
    const post = path.join(copy, 'source', '_posts', 'debouncing-without-tears.md');
    await writeFile(post, 'my edits');
    expect(ensureSampleBlog(sampleBlog, data)).toBe(copy);
    expect(await readFile(post, 'utf8')).toBe('my edits');
  });
});
