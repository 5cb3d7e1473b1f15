import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const sampleBlog = path.join(repoRoot, 'assets', 'sample-blog');
export const rendererDist = path.join(repoRoot, 'dist', 'renderer');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

export const fixtureBlogs = path.join(repoRoot, 'tests', 'fixtures', 'blogs');

/** A fresh copy of a blog (the sample one by default) and a data folder, removed afterwards. */
export function tempBlog(source = sampleBlog): { blog: string; data: string; dispose(): void } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-'));
  const blog = path.join(base, source === sampleBlog ? 'field-notes' : path.basename(source));
  // A blog's installed packages (the Site preview's Hexo) are linked, not copied: 65 MB each time.
  const modules = path.join(source, 'node_modules');
  cpSync(source, blog, { recursive: true, filter: (from) => from !== modules });
  if (existsSync(modules)) symlinkSync(modules, path.join(blog, 'node_modules'), 'dir');
  return {
    blog,
    data: path.join(base, 'data'),
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}
