/**
 * The Site tab: the open post as the blog's own generator serves it, in the site's theme,
 * on a fixture blog per generator (tests/fixtures/site-preview/, each with a small theme of
 * its own). Real generators: CI installs Hugo and Jekyll from Debian, and Hexo and Eleventy
 * from npm into their fixtures (.ci/run); where one is missing here, its test says so and skips.
 */
import { existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { SiteServerStatus } from '../../../shared/models.ts';
import { expect, test, type FolioFixture } from '../fixtures.ts';
import { openPost } from '../helpers.ts';
import { repoRoot } from '../hosts/paths.ts';
import { findOnPath, isRunning } from '../../../electron/services/processes/program.ts';

const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'site-preview');

interface Case {
  generator: string;
  /** What must be installed for it, and whether it is. */
  installed: boolean;
  post: string;
  /** An element only the fixture's theme draws. */
  theme: string;
  themeText: RegExp;
  file: string;
  /** The page's path on the server. */
  path: string;
  /** A heading of the post, and the id the site gives it (the Site tab opens there). */
  heading: string;
  anchor: string;
}

const cases: Case[] = [
  {
    generator: 'hugo',
    installed: findOnPath('hugo') !== null,
    post: 'The Harbour at Dusk',
    theme: 'header[data-theme="lantern"]',
    themeText: /Lantern Walks · Night walks on old roads/,
    file: 'content/posts/harbour-at-dusk.md',
    path: '/posts/harbour-at-dusk/',
    heading: 'Along the breakwater',
    anchor: 'along-the-breakwater',
  },
  {
    generator: 'jekyll',
    installed: findOnPath('jekyll') !== null,
    post: 'First Flush Darjeeling',
    theme: 'header[data-theme="kettle"]',
    themeText: /Slow Kettle · Tea notes from a small kitchen/,
    file: '_posts/2024-03-09-first-flush.md',
    path: '/notes/2024/03/first-flush/',
    heading: 'Brewing',
    anchor: 'brewing',
  },
  {
    generator: 'hexo',
    installed: existsSync(path.join(fixtures, 'hexo', 'node_modules', 'hexo-server')),
    post: "The Lock Keeper's Cottage",
    theme: 'header[data-theme="harbour"]',
    themeText: /Towpath Lanterns · Evening notes from the canal/,
    file: 'source/_posts/lock-keepers-cottage.md',
    path: '/2024/06/21/lock-keepers-cottage/',
    heading: 'The gate paddles',
    anchor: 'The-gate-paddles',
  },
  {
    generator: 'eleventy',
    installed: existsSync(path.join(fixtures, 'eleventy', 'node_modules', '@11ty', 'eleventy')),
    post: 'The Bittern Booming at Dawn',
    theme: 'header[data-theme="reedbed"]',
    themeText: /Reed Bed Notes · Birds and weather at the edge of the marsh/,
    file: 'posts/bittern-booming.md',
    path: '/posts/bittern-booming/',
    heading: 'Where the sound came from',
    anchor: 'where-the-sound-came-from',
  },
];

/** This machine's address on a network (not loopback), when it has one. */
function networkAddress(): string | null {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (!a.internal && a.family === 'IPv4') return a.address;
  }
  return null;
}

/** Whether a server answers at `host`:`port`. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.on('connect', () => done(true));
    socket.on('error', () => done(false));
    socket.on('timeout', () => done(false));
  });
}

/**
 * The site's page: a frame in the Chromium host, a view of its own (its own page to
 * Playwright) in Electron.
 */
async function sitePage(folio: FolioFixture): Promise<{ locator(selector: string): Locator }> {
  if (folio.host === 'chromium') return folio.page.frameLocator('iframe[title="Site preview"]');
  let found: Page | undefined;
  await expect
    .poll(() => {
      found = folio.electron!.windows().find((p) => p.url().startsWith('http://127.0.0.1:'));
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

/** The site's page address, as the Site tab asked for it. */
async function siteUrl(folio: FolioFixture): Promise<URL> {
  if (folio.host === 'chromium') {
    const src = await folio.page.locator('iframe[title="Site preview"]').getAttribute('src');
    return new URL(src!);
  }
  const view = folio.electron!.windows().find((p) => p.url().startsWith('http://127.0.0.1:'));
  return new URL(view!.url());
}

/** The server's state, through the app's own bridge (either host). */
function serverStatus(page: Page): Promise<SiteServerStatus> {
  return page.evaluate(async () => {
    const folio = (window as unknown as { folio: Record<string, () => Promise<unknown>> }).folio;
    const answer = (await folio.getSiteServer!()) as { ok: boolean; value: SiteServerStatus };
    return answer.value;
  });
}
const status = (page: Page) => page.getByRole('status', { name: 'Site server' });

/** Switches to the Site tab and lets this blog run its generator. */
async function openSiteTab(page: Page, asked?: () => Promise<void>): Promise<void> {
  await page.getByRole('tab', { name: 'Site' }).click();
  const ask = page.getByRole('region', { name: 'Run the site’s generator' });
  await expect(ask).toBeVisible();
  // The command as it will run, its placeholders said in words.
  const command = (await ask.locator('pre').textContent()) ?? '';
  expect(command).toContain('{port}');
  await expect(ask).toContainText('{port} is a free port on this computer');
  if (command.includes('{out}'))
    await expect(ask).toContainText('{out} a temporary folder outside the blog');
  await asked?.();
  await ask.getByRole('button', { name: 'Run the site' }).click();
}

for (const c of cases) {
  test.describe(`Site preview on a ${c.generator} blog`, () => {
    test.use({ blogSource: path.join(fixtures, c.generator) });

    test('shows the post in the site’s theme, follows a save, and leaves no process behind', async ({
      folio,
    }) => {
      test.skip(!c.installed, `${c.generator} is not installed here (.ci/run installs it)`);
      // Starting a generator takes seconds (Jekyll's Ruby, Hexo's plugins).
      test.setTimeout(120_000);
      const { page, blog } = folio;
      await openPost(page, c.post);
      // The cursor in a section: the site's page opens at its heading.
      await page.locator('.cm-line', { hasText: c.heading }).click();
      await openSiteTab(page, () => folio.screenshot(`site-preview-ask-${c.generator}`));
      await expect(status(page)).toHaveText(/Serving at http:\/\/127\.0\.0\.1:\d+/, {
        timeout: 60_000,
      });
      const frame = await sitePage(folio);
      await expect(frame.locator(c.theme)).toHaveText(c.themeText, { timeout: 20_000 });
      await expect(frame.locator('.post-title')).toHaveText(c.post);
      const url = await siteUrl(folio);
      expect(url.pathname).toBe(c.path);
      expect(url.hash).toBe(`#${c.anchor}`);
      // The id Folio worked out with the site's Markdown flavour is the one the site made.
      await expect(frame.locator(`[id="${c.anchor}"]`)).toHaveText(c.heading);
      // Served to this computer only: nothing answers on the machine's network address.
      const port = Number(url.port);
      expect(await answers('127.0.0.1', port)).toBe(true);
      const lan = networkAddress();
      if (lan) expect(await answers(lan, port), `${lan}:${port}`).toBe(false);
      else test.info().annotations.push({ type: 'note', description: 'no network address' });
      await folio.screenshot(`site-preview-${c.generator}`);

      // A save (from the editor, like a writer's) shows on the page once the site rebuilt.
      const editor = page.locator('.cm-content');
      await editor.click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type('\n\nA heron waited by the far bank.\n');
      await page.keyboard.press('ControlOrMeta+S');
      await expect(frame.locator('article')).toContainText('A heron waited by the far bank.', {
        timeout: 30_000,
      });
      expect(existsSync(path.join(blog, '_site'))).toBe(false);

      // Closing the window stops the server and all it started.
      const { pid } = await serverStatus(page);
      expect(pid).not.toBeNull();
      expect(isRunning(pid!)).toBe(true);
      if (folio.controls) await folio.controls.folio.dispose();
      else
        await folio.electron!.evaluate(({ BrowserWindow }) =>
          BrowserWindow.getAllWindows().forEach((win) => win.close()),
        );
      await expect.poll(() => isRunning(pid!)).toBe(false);
    });
  });
}

test.describe('Site preview without the generator', () => {
  test.use({ blogSource: path.join(fixtures, 'hugo') });

  test('says which program is missing and how to install it; the Folio tab keeps working', async ({
    folio,
  }) => {
    const { page } = folio;
    // A PATH without Hugo on it (the Chromium host's programs' environment).
    test.skip(!folio.controls, 'the Electron app takes its PATH from the system');
    folio.controls!.env.PATH = path.join(folio.dataFolder, 'no-programs-here');
    await openPost(page, 'The Harbour at Dusk');
    await page.getByRole('tab', { name: 'Site' }).click();
    const missing = page.getByRole('alert', { name: 'Generator missing' });
    await expect(missing).toContainText('Hugo is not installed (no hugo on the PATH)');
    await expect(missing.locator('code', { hasText: 'sudo apt install hugo' })).toBeVisible();
    await folio.screenshot('site-preview-missing');
    await page.getByRole('tab', { name: 'Folio' }).click();
    await expect(page.getByTestId('preview-body')).toContainText('The boats come in one by one');
  });
});

test.describe('Site preview of a broken site', () => {
  test.use({ blogSource: path.join(fixtures, 'hugo') });

  test('shows the log with the failing line, and does not retry on its own', async ({ folio }) => {
    test.skip(findOnPath('hugo') === null, 'hugo is not installed here (.ci/run installs it)');
    test.setTimeout(60_000);
    const { page, blog } = folio;
    writeFileSync(
      path.join(blog, 'themes/lantern/layouts/_default/single.html'),
      '{{ define "main" }}{{ .Title | nosuchfunction }}{{ end }}\n',
    );
    await openPost(page, 'The Harbour at Dusk');
    await openSiteTab(page);
    await expect(status(page)).toHaveText(/The server stopped/, { timeout: 30_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'nosuchfunction' })).toBeVisible();
    await page.getByRole('button', { name: 'Show log' }).click();
    const log = page.getByRole('dialog', { name: 'Server log' });
    await expect(log.locator('.site-log-failing')).toContainText('nosuchfunction');
    await folio.screenshot('site-preview-failed');
    await log.getByRole('button', { name: 'Close' }).click();
    // Nothing restarts behind the writer's back: a moment later it is still stopped.
    await page.waitForTimeout(1500);
    expect(await serverStatus(page)).toMatchObject({
      state: 'failed',
      pid: null,
    });
  });
});
