/** The Chromium host for benchmarks that must run in the real page (the preview). */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parseFrontMatter } from '../../shared/frontmatter.ts';
import { replaceBody } from '../e2e/helpers.ts';
import { closeChromium, openChromiumHost } from '../e2e/hosts/chromium-host.ts';
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
