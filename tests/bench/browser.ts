/** The Chromium host for benchmarks that must run in the real page (the preview). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { parseFrontMatter } from '../../shared/frontmatter.ts';
import { replaceBody } from '../e2e/helpers.ts';
import { closeChromium, launch, openChromiumHost } from '../e2e/hosts/chromium-host.ts';
import { rendererDist, tempBlog } from '../e2e/hosts/paths.ts';
import { samplePost } from './corpus.ts';

function findChromium(): string | undefined {
  if (process.env.FOLIO_CHROMIUM) return process.env.FOLIO_CHROMIUM;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
      if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
    }
  }
  return undefined;
}

/** The built renderer and a Chromium to run it in, or a clear error. */
export function useBenchChromium(): void {
  if (!existsSync(rendererDist)) throw new Error('Build the renderer first: npm run build');
  const chromium = findChromium();
  if (chromium) process.env.FOLIO_CHROMIUM = chromium;
}

export interface BrowserBench {
  page: Page;
  dispose(): Promise<void>;
}

/**
 * Folio in Chromium on a copy of the sample blog, with the bench hook (`?bench`); `posts`
 * (relative path → text) are written into the copy first.
 */
export async function openBenchPage(posts: Record<string, string> = {}): Promise<BrowserBench> {
  useBenchChromium();
  const temp = tempBlog();
  for (const [file, text] of Object.entries(posts)) writeFileSync(path.join(temp.blog, file), text);
  const host = await openChromiumHost(temp.blog, temp.data, '?bench');
  return {
    page: host.page,
    async dispose() {
      await host.close();
      await closeChromium();
      rmSync(path.dirname(temp.blog), { recursive: true, force: true });
    },
  };
}

/** A post body of about `words` words, from the deterministic corpus generator. */
export function bodyOfWords(words: number): string {
  const body = parseFrontMatter(samplePost({ bytes: words * 7 })).body;
  const tokens = body.split(/(\s+)/);
  let count = 0;
  let end = tokens.length;
  for (let i = 0; i < tokens.length; i++) {
    if (/\S/.test(tokens[i]!) && ++count >= words) {
      end = i + 1;
      break;
    }
  }
  return tokens.slice(0, end).join('');
}

/** Opens a post and replaces its body in the editor, as one paste would; waits for the preview. */
export async function loadLongPost(page: Page, body: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Posts' }).getByRole('button').first().click();
  await page.locator('.cm-content').waitFor();
  await replaceBody(page, `${body}\n\nEND-OF-LONG-POST\n`);
  // Attached, not visible: the preview skips painting off-screen groups (content-visibility).
  await page
    .getByTestId('preview-body')
    .getByText('END-OF-LONG-POST')
    .waitFor({ state: 'attached', timeout: 60_000 });
}

/** The bench page with a long post open; the browser closes again if loading fails. */
export async function openLongPostBench(words: number): Promise<BrowserBench> {
  const bench = await openBenchPage();
  try {
    await loadLongPost(bench.page, bodyOfWords(words));
    return bench;
  } catch (error) {
    await bench.dispose();
    throw error;
  }
}

/**
 * CodeMirror alone (tests/bench/codemirror-page/, built here with Vite) in the same Chromium,
 * with a post of `words` words shaped as the Folio benchmarks' long post.
 */
export async function openCodeMirrorAlone(words: number): Promise<BrowserBench> {
  useBenchChromium();
  const { build } = await import('vite');
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'folio-bench-codemirror-'));
  await build({
    root: fileURLToPath(new URL('./codemirror-page/', import.meta.url)),
    base: './',
    logLevel: 'error',
    configFile: false,
    build: { outDir, emptyOutDir: true },
  });
  const context = await (await launch()).newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.route('http://codemirror.test/**', (route) => {
    const file = path.join(outDir, new URL(route.request().url()).pathname);
    return existsSync(file)
      ? route.fulfill({
          body: readFileSync(file),
          contentType: file.endsWith('.js') ? 'text/javascript' : 'text/html',
        })
      : route.fulfill({ status: 404 });
  });
  await page.goto('http://codemirror.test/index.html');
  const post = samplePost({ bytes: 0 });
  const head = post.slice(0, post.length - parseFrontMatter(post).body.length);
  await page.evaluate(
    (text) => (window as unknown as { loadPost(text: string): void }).loadPost(text),
    `${head}${bodyOfWords(words)}\n\nEND-OF-LONG-POST\n`,
  );
  return {
    page,
    async dispose() {
      await context.close();
      await closeChromium();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
