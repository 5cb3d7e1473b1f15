/** A blog opened in the Chromium host as the app starts, for the boot and memory benchmarks. */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openChromiumHost, closeChromium, type HostControls } from '../e2e/hosts/chromium-host.ts';
import { tempBlog } from '../e2e/hosts/paths.ts';
import { useBenchChromium } from './browser.ts';
import { corpus10k, tempFolder, whenServicesQuiet } from './shared.ts';

export interface BootedBlog {
  page: Page;
  controls: HostControls;
  root: string;
  dispose(): Promise<void>;
}

/**
 * The page marks `window.folioBooted` (ms since navigation) once the post list shows and the
 * post named in the URL is open in an editable editor (the editor exists, empty and hidden,
 * before any post is).
 */
const MARK_BOOTED = `(() => {
  // Looked for once a frame: a MutationObserver on the whole page cost the page itself up
  // to 50 ms of mutation records per call while the list rendered.
  const booted = () => {
    const listed = document.querySelector('nav[aria-label="Posts"] li');
    const editor = document.querySelector(
      '[data-testid="editor"]:not([hidden]) .cm-content[contenteditable="true"]',
    );
    if (listed && editor?.textContent) window.folioBooted = performance.now();
    else requestAnimationFrame(booted);
  };
  requestAnimationFrame(booted);
})();`;

/** Opens the corpus (or the sample blog) with its first post from the URL, as `folio <post>` would. */
export async function bootBlog(which: '10k' | 'sample'): Promise<BootedBlog> {
  useBenchChromium();
  const sample = which === 'sample' ? tempBlog() : null;
  const root = sample?.blog ?? corpus10k();
  const first = readdirSync(path.join(root, 'source', '_posts')).sort()[0]!;
  const post = `source/_posts/${first}`;
  const data = tempFolder('boot');
  const host = await openChromiumHost(root, data, `?post=${encodeURIComponent(post)}`);
  await host.page.addInitScript({ content: MARK_BOOTED });
  return {
    page: host.page,
    controls: host.controls,
    root,
    async dispose() {
      await host.close();
      await closeChromium();
      rmSync(data, { recursive: true, force: true });
      sample?.dispose();
    },
  };
}

/** Opens the blog again in the services (its index cache is warm) and reloads the page. */
export async function reboot(blog: BootedBlog): Promise<{ servicesMs: number; pageMs: number }> {
  // An app starts from a quiet process, not from the last run's leftovers.
  await whenServicesQuiet(blog.controls.folio.handlers);
  // A starting app has no window yet: the last run's page, told of the folder opening again,
  // would load the list once more alongside the page being measured.
  const url = blog.page.url();
  await blog.page.goto('about:blank');
  await new Promise((resolve) => setTimeout(resolve, 500)); // the cache written, the GC done
  const started = performance.now();
  await blog.controls.folio.openFolder(blog.root);
  const servicesMs = performance.now() - started;
  await blog.page.goto(url);
  const handle = await blog.page.waitForFunction(
    () => (window as unknown as { folioBooted?: number }).folioBooted,
    null,
    { timeout: 60_000 },
  );
  return { servicesMs, pageMs: (await handle.jsonValue()) as number };
}

/**
 * The list's trip from the services to the page through this host's bridge (Playwright's
 * binding), less the time the services take to answer: a cost of the test host, which
 * Electron's IPC does not have (structured-cloning the same list takes about 30 ms).
 */
export async function listTripMs(blog: BootedBlog): Promise<number> {
  const trip = await blog.page.evaluate(async () => {
    const started = performance.now();
    await (window as unknown as { folio: { listPosts(): Promise<unknown> } }).folio.listPosts();
    return performance.now() - started;
  });
  const started = performance.now();
  await blog.controls.folio.handlers.listPosts(undefined as never);
  return trip - (performance.now() - started);
}
