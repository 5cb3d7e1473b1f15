/**
 * Data safety as the writer sees it: a save the disk refuses, closing with unsaved posts, the
 * whole app going away mid-edit, and files that are not what a Markdown editor expects.
 * docs/SAFETY.md lists what these prove.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { FolioBridge } from '../../../shared/client.ts';
import { expect, test } from '../fixtures.ts';
import { backupTexts, editorText, openPost, save } from '../helpers.ts';
import { openChromiumHost } from '../hosts/chromium-host.ts';
import { electronBinary, openElectronHost } from '../hosts/electron-host.ts';
import { tempBlog } from '../hosts/paths.ts';

const POST = 'source/_posts/debouncing-without-tears.md';
const TITLE = 'Debouncing Without Tears';
const OTHER = 'source/_posts/what-the-tomatoes-taught-me.md';
const OTHER_TITLE = 'What the Tomatoes Taught Me This Summer';

const listed = (page: Page, title: string) =>
  page.getByRole('navigation', { name: 'Posts' }).getByRole('button', { name: title });

/**
 * Waits until the library has indexed the folder and search has read every post, so a file
 * changed afterwards stays in the list as indexed (nothing re-reads it until it is opened).
 */
async function libraryIdle(page: Page): Promise<void> {
  await expect(listed(page, TITLE)).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(async () => {
        type Status = { ok: boolean; value?: { indexing: boolean; search: string } };
        const folio = (window as unknown as { folio: { getLibraryStatus(): Promise<Status> } })
          .folio;
        const status = (await folio.getLibraryStatus()).value;
        return status ? !status.indexing && status.search !== 'preparing' : false;
      }),
    )
    .toBe(true);
}

const unsavedDots = (page: Page) =>
  page.getByRole('navigation', { name: 'Posts' }).getByLabel('Unsaved changes');

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

const chromiumOnly = 'faults are injected through the Chromium host’s file system';

for (const fault of [
  { at: 'write', code: 'ENOSPC', says: 'the disk is full' },
  { at: 'rename', code: 'EROFS', says: 'the disk is read-only' },
  { at: 'create', code: 'EACCES', says: 'permission was denied' },
] as const) {
  test(`a save that meets ${fault.code} at ${fault.at} keeps the text unsaved and says why`, async ({
    folio,
  }) => {
    test.skip(folio.host === 'electron', chromiumOnly);
    const { page, blog, controls } = folio;
    const file = path.join(blog, POST);
    const before = readFileSync(file);
    await openPost(page, TITLE);
    await typeAtEnd(page, 'Words the disk refused.');
    controls!.saveFaults.push({ at: fault.at, code: fault.code });

    await page.keyboard.press('ControlOrMeta+s');

    await expect(page.getByTestId('status-text')).toHaveText(
      `Could not save “${POST}”: ${fault.says}. The file on disk was not changed; your text is still in the editor.`,
    );
    await expect(unsavedDots(page)).toHaveCount(1);
    expect(await editorText(page)).toContain('Words the disk refused.');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(file)).filter((n) => n.endsWith('.folio-tmp'))).toEqual([]);
    if (fault.code === 'ENOSPC') await folio.screenshot('safety-01-disk-full');

    // The disk is fixed: the same save goes through.
    await save(page);
    expect(readFileSync(file, 'utf8')).toBe(`${before.toString('utf8')}Words the disk refused.`);
  });
}

test('closing with unsaved posts asks; Save writes every post, then the window may close', async ({
  folio,
}) => {
  test.skip(
    folio.host === 'electron',
    'Electron’s native Save/Don’t Save/Cancel dialog cannot be clicked from Playwright',
  );
  const { page, blog } = folio;
  const first = readFileSync(path.join(blog, POST), 'utf8');
  const second = readFileSync(path.join(blog, OTHER), 'utf8');
  await openPost(page, TITLE);
  await typeAtEnd(page, 'First unsaved.');
  await openPost(page, OTHER_TITLE);
  await typeAtEnd(page, 'Second unsaved.');
  await expect(unsavedDots(page)).toHaveCount(2);

  // Closing asks (the renderer blocks the unload); dismissing it is Cancel: nothing changes.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
  await expect(unsavedDots(page)).toHaveCount(2);

  // Save: electron/window.ts sends this event; the renderer saves all, then closes.
  await page.evaluate(() => {
    (window as unknown as { __closeCalls: number }).__closeCalls = 0;
    window.close = () => void (window as unknown as { __closeCalls: number }).__closeCalls++;
    (window as unknown as { __folioEmit(c: string, p: unknown): void }).__folioEmit(
      'saveAllAndClose',
      {},
    );
  });
  await expect(unsavedDots(page)).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __closeCalls: number }).__closeCalls))
    .toBe(1);
  expect(readFileSync(path.join(blog, POST), 'utf8')).toBe(`${first}First unsaved.`);
  expect(readFileSync(path.join(blog, OTHER), 'utf8')).toBe(`${second}Second unsaved.`);

  // Nothing is unsaved now: the window closes without asking.
  let askedAgain = false;
  page.on('dialog', () => (askedAgain = true));
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(askedAgain).toBe(false);
});

test('Save on close keeps the window open when a post cannot be saved', async ({ folio }) => {
  test.skip(folio.host === 'electron', chromiumOnly);
  const { page, blog, controls } = folio;
  const before = readFileSync(path.join(blog, POST));
  await openPost(page, TITLE);
  await typeAtEnd(page, 'Unsavable.');
  controls!.saveFaults.push({ at: 'sync', code: 'ENOSPC' });
  await page.evaluate(() => {
    (window as unknown as { __closeCalls: number }).__closeCalls = 0;
    window.close = () => void (window as unknown as { __closeCalls: number }).__closeCalls++;
    (window as unknown as { __folioEmit(c: string, p: unknown): void }).__folioEmit(
      'saveAllAndClose',
      {},
    );
  });
  await expect(page.getByTestId('status-text')).toContainText('the disk is full');
  expect(
    await page.evaluate(() => (window as unknown as { __closeCalls: number }).__closeCalls),
  ).toBe(0);
  await expect(unsavedDots(page)).toHaveCount(1);
  expect(readFileSync(path.join(blog, POST)).equals(before)).toBe(true);
});

test('unsaved text survives the whole app going away, and comes back with a diff', async ({
  folio,
}) => {
  test.skip(
    folio.host === 'electron',
    'the Electron host has its own version below, which SIGKILLs the real main process',
  );
  test.setTimeout(90_000); // two hosts start in this test
  const { page, blog } = folio;
  // tests/e2e/hosts/paths.ts keeps the data folder next to the blog.
  const data = path.join(path.dirname(blog), 'data');
  const onDisk = readFileSync(path.join(blog, POST), 'utf8');
  await openPost(page, TITLE);
  await typeAtEnd(page, '\nA paragraph nobody saved, with “quotes” and émojis 🎉.');
  const typed = await editorText(page);

  // The backup is on disk shortly after the last keystroke (0.7 s, then an atomic write
  // with two fsyncs, which a loaded machine can stretch), before anything goes.
  await expect.poll(() => backupTexts(data)).toEqual([typed]);

  // The Chromium host's "main process" is the handlers object and the page: both go, with no
  // unload handler and no save (as a SIGKILL would); a new host starts from the disk alone.
  await page.context().close();
  const again = await openChromiumHost(blog, data);
  try {
    const banner = again.page.getByTestId('recovery');
    await expect(banner).toContainText('debouncing-without-tears.md');
    await banner.getByRole('button', { name: 'Show Changes' }).click();
    const diff = banner.getByRole('figure', { name: `Unsaved changes to ${POST}` });
    await expect(diff.locator('.diff-add')).toContainText([
      'A paragraph nobody saved, with “quotes” and émojis 🎉.',
    ]);
    await again.page.screenshot({
      path: path.join('test-results', 'screenshots', 'chromium-safety-02-recovery-diff.png'),
    });
    await banner.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => editorText(again.page)).toBe(typed);
    await expect(unsavedDots(again.page)).toHaveCount(1);
    expect(readFileSync(path.join(blog, POST), 'utf8')).toBe(onDisk);
  } finally {
    await again.close();
  }
});

// eslint-disable-next-line no-empty-pattern -- this test makes its own hosts, not the fixture's
test('Electron: unsaved text survives SIGKILL of the main process', async ({}, testInfo) => {
  test.skip(
    testInfo.project.metadata.host !== 'electron',
    'Electron host only; the Chromium host restarts its handlers and page in the test above',
  );
  test.skip(!electronBinary(), 'no Electron binary');
  const temp = tempBlog();
  try {
    const first = await openElectronHost(temp.blog, temp.data);
    await openPost(first.page, TITLE);
    await typeAtEnd(first.page, 'Killed before saving.');
    const typed = await editorText(first.page);
    await expect.poll(() => backupTexts(temp.data)).toEqual([typed]);
    first.app.process().kill('SIGKILL');
    await expect
      .poll(() => first.app.process().exitCode !== null || first.app.process().signalCode !== null)
      .toBe(true);

    const second = await openElectronHost(temp.blog, temp.data);
    try {
      await second.page.getByTestId('recovery').getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => editorText(second.page)).toBe(typed);
    } finally {
      await second.close();
    }
  } finally {
    temp.dispose();
  }
});

test('a post that is not UTF-8 opens read-only, with a warning, and its bytes never change', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const file = path.join(blog, POST);
  // The post saved as Latin-1 by another editor: "è" is the one byte 0xE8, not UTF-8.
  const latin1 = Buffer.from(`---\ntitle: "${TITLE}"\n---\nCrème brûlée\n`, 'latin1');
  await libraryIdle(page);
  writeFileSync(file, latin1);
  await openPost(page, TITLE);
  await expect(page.getByTestId('status-text')).toContainText(
    'is not UTF-8 text, so Folio opened it read-only',
  );
  await expect(page.locator('.cm-content')).toHaveAttribute('contenteditable', 'false');
  await page.locator('.cm-content').click();
  await page.keyboard.type('typed into a read-only post');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(unsavedDots(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  expect(readFileSync(file).equals(latin1)).toBe(true);
  await folio.screenshot('safety-03-read-only');
});

test('a binary file named .md is refused with a message', async ({ folio }) => {
  const { page, blog } = folio;
  await libraryIdle(page);
  writeFileSync(
    path.join(blog, POST),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  );
  // The watcher drops it from the list (it is no post), and asking for it says why.
  await expect(listed(page, TITLE)).toHaveCount(0);
  const result = await page.evaluate(
    (post) => (window as unknown as { folio: FolioBridge }).folio.readPost({ path: post }),
    POST,
  );
  expect(result.ok ? 'opened' : result.error.message).toBe(
    `“${POST}” contains NUL bytes: it looks like a binary file, not Markdown`,
  );
});

test('mixed line endings, a very long line and a BOM survive an edit byte for byte', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const file = path.join(blog, POST);
  const long = 'word '.repeat(40_000);
  const original = `\uFEFF---\r\ntitle: "${TITLE}"\r\n---\r\nCRLF line\r\nLF line\n${long}\r\nlone CR\rend`;
  await libraryIdle(page);
  writeFileSync(file, original);
  await openPost(page, TITLE);
  await typeAtEnd(page, '!');
  await save(page);
  expect(readFileSync(file, 'utf8')).toBe(`${original}!`);
});

test('a 10 MB post opens, edits and saves; the preview shows its start with a notice', async ({
  folio,
}) => {
  test.setTimeout(180_000);
  const { page, blog } = folio;
  const file = path.join(blog, POST);
  const paragraph = `A paragraph of a very long post, with *some* Markdown in it and a [link](https://example.com).\n\n`;
  const original = `---\ntitle: "${TITLE}"\n---\n${paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length))}`;
  await libraryIdle(page);
  writeFileSync(file, original);
  // Ten megabytes cross to the renderer and into the editor: longer than a normal open.
  await listed(page, TITLE).click();
  await expect(page.locator('#fm-title')).toHaveValue(TITLE, { timeout: 30_000 });
  await expect(page.getByRole('note')).toContainText('MB: the preview shows its first 1 MB');
  // Rendering 1 MB takes a while on a loaded machine; the editor does not wait for it.
  await expect(page.getByTestId('preview-body').locator('p').first()).toContainText(
    'A paragraph of a very long post',
    { timeout: 60_000 },
  );
  await typeAtEnd(page, 'The end.');
  await page.keyboard.press('ControlOrMeta+s');
  // Ten megabytes hashed, written, fsynced: longer than the usual five seconds on a busy machine.
  await expect(unsavedDots(page)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('status-text')).toHaveText(`Saved ${TITLE}`);
  const saved = readFileSync(file, 'utf8');
  expect(saved.length).toBe(original.length + 'The end.'.length);
  expect(saved === `${original}The end.`).toBe(true);
  await folio.screenshot('safety-04-large-post');
});
