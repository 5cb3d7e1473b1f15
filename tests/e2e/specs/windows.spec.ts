import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openChromiumHost } from '../hosts/chromium-host.ts';
import { sampleBlog } from '../hosts/paths.ts';
import { expect, test } from '../fixtures.ts';

/** A copy of the sample blog under another folder name and site title. */
function copyOfSample(folder: string, title: string): void {
  cpSync(sampleBlog, folder, { recursive: true });
  const config = path.join(folder, '_config.yml');
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace('title: Field Notes', `title: ${title}`),
  );
}

const posts = (page: import('@playwright/test').Page) =>
  page.getByRole('navigation', { name: 'Posts' }).getByRole('button');

test('two windows show two blogs at once, each with its own handlers', async ({ folio }) => {
  test.skip(folio.host !== 'chromium', 'a second window is a second Chromium host page');
  const other = path.join(path.dirname(folio.blog), 'second-blog');
  copyOfSample(other, 'Second Blog');
  const second = await openChromiumHost(other, folio.dataFolder);
  try {
    await expect(posts(folio.page)).toHaveCount(9);
    await expect(posts(second.page)).toHaveCount(9);
    await expect(folio.page.locator('.workspace-name')).toHaveText('Field Notes');
    await expect(second.page.locator('.workspace-name')).toHaveText('Second Blog');
    // The settings are the app's, in one data folder: the recent list holds both blogs.
    await second.page.keyboard.press('ControlOrMeta+Shift+P');
    await second.page.keyboard.type('open recent field');
    await expect(
      second.page.getByRole('dialog', { name: 'Command palette' }).getByRole('option').first(),
    ).toContainText(`Open Recent: field-notes — ${folio.blog}`);
  } finally {
    await second.close();
  }
});

test('Open Recent reopens a folder; Reveal in Folder shows the post', async ({ folio }) => {
  test.skip(folio.host !== 'chromium', 'stands in for the native dialogs of the Chromium host');
  const { page, controls } = folio;
  const other = path.join(path.dirname(folio.blog), 'travel-notes');
  copyOfSample(other, 'Travel Notes');
  await expect(posts(page)).toHaveCount(9);
  controls!.folderPicks.push(other);
  await page.keyboard.press('ControlOrMeta+o');
  await expect(page.locator('.workspace-name')).toHaveText('Travel Notes');

  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.keyboard.type('recent field');
  await page.keyboard.press('Enter');
  await expect(page.locator('.workspace-name')).toHaveText('Field Notes');

  await posts(page).filter({ hasText: 'Debouncing Without Tears' }).click();
  await expect(page.locator('#fm-title')).toHaveValue('Debouncing Without Tears');
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.keyboard.type('reveal');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => controls!.revealed)
    .toEqual([path.join(folio.blog, 'source', '_posts', 'debouncing-without-tears.md')]);
});

test('a post named at launch opens with its blog', async ({ folio }) => {
  test.skip(folio.host !== 'chromium', 'launches a second page with the post in its address');
  const second = await openChromiumHost(
    folio.blog,
    folio.dataFolder,
    '?post=' + encodeURIComponent('source/_posts/what-the-tomatoes-taught-me.md'),
  );
  try {
    await expect(second.page.locator('#fm-title')).toHaveValue(
      'What the Tomatoes Taught Me This Summer',
    );
  } finally {
    await second.close();
  }
});
