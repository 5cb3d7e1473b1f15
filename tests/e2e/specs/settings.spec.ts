import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openChromiumHost } from '../hosts/chromium-host.ts';
import { expect, test } from '../fixtures.ts';
import { openPost } from '../helpers.ts';

const postTitle = 'Debouncing Without Tears';

const editorFontSize = (page: import('@playwright/test').Page) =>
  page.locator('.cm-editor').evaluate((el) => getComputedStyle(el).fontSize);

test('settings apply live and are still there after a restart', async ({ folio }) => {
  test.skip(folio.host !== 'chromium', 'restarts by opening a second page in the Chromium host');
  test.slow(); // two app starts in one test
  const { page } = folio;
  await openPost(page, postTitle);
  await expect.poll(() => editorFontSize(page)).toBe('15px');

  await page.keyboard.press('ControlOrMeta+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  const size = dialog.getByLabel('Font size');
  await size.fill('20');
  await size.press('Enter');
  await expect.poll(() => editorFontSize(page)).toBe('20px');
  await dialog.getByLabel('Typewriter scrolling').check();
  await expect(page.locator('.cm-editor')).toHaveClass(/cm-typewriter/);
  await dialog.getByLabel('Autosave').selectOption('afterDelay');
  await expect(dialog.getByText('seconds after the last edit')).toBeVisible();
  await folio.screenshot('settings');

  // A value out of range says what is wrong and changes nothing.
  await size.fill('99');
  await size.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Font size: 10 to 32');
  await expect.poll(() => editorFontSize(page)).toBe('20px');
  await size.fill('20');
  await size.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Hide the preview from the palette: the pane layout is a setting too.
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.keyboard.type('toggle preview');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Preview' })).toBeHidden();

  const stored = () =>
    JSON.parse(readFileSync(path.join(folio.dataFolder, 'settings.json'), 'utf8')) as unknown;
  await expect.poll(stored).toMatchObject({
    editorFontSize: 20,
    typewriter: true,
    autosave: 'afterDelay',
    layout: { preview: false },
  });

  // The next start: a new page over the same data folder.
  await page.close();
  const again = await openChromiumHost(folio.blog, folio.dataFolder);
  try {
    await openPost(again.page, postTitle);
    await expect.poll(() => editorFontSize(again.page)).toBe('20px');
    await expect(again.page.locator('.cm-editor')).toHaveClass(/cm-typewriter/);
    await expect(again.page.getByRole('complementary', { name: 'Preview' })).toBeHidden();
    await again.page.getByRole('button', { name: 'Settings' }).click();
    const reopened = again.page.getByRole('dialog', { name: 'Settings' });
    await expect(reopened.getByLabel('Font size')).toHaveValue('20');
    await expect(reopened.getByLabel('Autosave')).toHaveValue('afterDelay');
  } finally {
    await again.close();
  }
});

test('autosave after a delay writes the post without a keystroke to save', async ({ folio }) => {
  const { page } = folio;
  await openPost(page, postTitle);
  await page.keyboard.press('ControlOrMeta+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Autosave').selectOption('afterDelay');
  const delay = dialog.getByLabel('Seconds after the last edit');
  await delay.fill('1');
  await delay.press('Enter');
  await page.keyboard.press('Escape');

  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Saved by itself.');
  const file = path.join(folio.blog, 'source/_posts/debouncing-without-tears.md');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('Saved by itself.');
  await expect(
    page.getByRole('navigation', { name: 'Posts' }).getByLabel('Unsaved changes'),
  ).toHaveCount(0);
});

test('autosave on focus change saves when the editor loses the focus', async ({ folio }) => {
  const { page } = folio;
  await openPost(page, postTitle);
  await page.keyboard.press('ControlOrMeta+Comma');
  await page
    .getByRole('dialog', { name: 'Settings' })
    .getByLabel('Autosave')
    .selectOption('onFocusChange');
  await page.keyboard.press('Escape');
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Kept on blur.');
  const file = path.join(folio.blog, 'source/_posts/debouncing-without-tears.md');
  expect(readFileSync(file, 'utf8')).not.toContain('Kept on blur.');
  await page.locator('#fm-title').click();
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('Kept on blur.');
});

test('the date format setting writes the date of a new post; a layout blogs cannot read is refused', async ({
  folio,
}) => {
  const { page, blog } = folio;
  // The sample blog's .folio/config.yaml declares a format, which would win over the setting.
  const config = path.join(blog, '.folio/config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^dateFormat:.*\n/m, ''));
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const format = dialog.getByLabel('Date format');
  await format.fill('DD.MM.YYYY');
  await format.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('blogs do not read as a date');
  await format.fill('YYYY/MM/DD');
  await format.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByText(/Now that writes \d{4}\/\d{2}\/\d{2}\./)).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.getByRole('combobox', { name: 'Command' }).fill('New Post');
  await page.keyboard.press('Enter');
  const create = page.getByRole('dialog', { name: 'New post' });
  await create.getByRole('textbox', { name: 'Title' }).fill('Morning Pages');
  await create.getByLabel('Start as a draft').uncheck();
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page.locator('#fm-title')).toHaveValue('Morning Pages');
  // The sample's newest post writes `… 10:00:00`; the setting wins over copying it.
  const text = readFileSync(path.join(blog, 'source/_posts/morning-pages.md'), 'utf8');
  expect(text).toMatch(/^date: \d{4}\/\d{2}\/\d{2}$/m);
});
