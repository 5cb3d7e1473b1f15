import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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
  cpSync(source, blog, { recursive: true });
  return {
    blog,
    data: path.join(base, 'data'),
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}
