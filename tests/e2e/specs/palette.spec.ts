import { expect, test } from '../fixtures.ts';
import { editorText, openPost } from '../helpers.ts';

const postTitle = 'Debouncing Without Tears';

/** Waits for the app to be listening before pressing its keys (the browser acts on some). */
async function ready(page: import('@playwright/test').Page) {
  await expect(page.getByRole('navigation', { name: 'Posts' }).getByRole('button')).toHaveCount(9);
}

test('the command palette lists commands with their keys and runs the one picked', async ({
  folio,
}) => {
  const { page } = folio;
  await ready(page);
  await openPost(page, postTitle);
  await expect(page.getByRole('complementary', { name: 'Preview' })).toBeVisible();

  await page.keyboard.press('ControlOrMeta+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await page.keyboard.type('tog prev');
  const first = palette.getByRole('option').first();
  await expect(first).toContainText('View: Toggle Preview');
  await expect(first.locator('.palette-keys')).toHaveAttribute(
    'aria-label',
    /^(Ctrl\+Shift\+V|⇧⌘V)$/,
  );
  await folio.screenshot('palette');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Preview' })).toBeHidden();
  // The focus goes back to the text, so writing goes on.
  await expect(page.locator('.cm-content')).toBeFocused();

  // Arrows move the choice; the last command run comes first next time.
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await expect(palette.getByRole('option').first()).toContainText('Toggle Preview');
  await expect(palette.getByRole('option').first()).toContainText('recently used');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
});

test('the palette opens the settings, and its search narrows to what matches', async ({
  folio,
}) => {
  const { page } = folio;
  await ready(page);
  await page.keyboard.press('ControlOrMeta+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.type('zzqx');
  await expect(palette.getByText('No matching commands')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('settings');
  await expect(palette.getByRole('option').first()).toContainText('Preferences: Settings…');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});

test('focus mode dims all but the paragraph and hides the chrome; typewriter centres the line', async ({
  folio,
}) => {
  const { page } = folio;
  await ready(page);
  await openPost(page, postTitle);
  await page.locator('.cm-content').click();
  await page.keyboard.press('F8');
  const editor = page.locator('.cm-editor');
  await expect(editor).toHaveClass(/cm-focus-mode/);
  await expect(page.locator('.toolbar')).toBeHidden();
  await expect(page.locator('.sidebar')).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Preview' })).toBeHidden();
  // One paragraph is marked current; the other lines are dimmed.
  await expect(page.locator('.cm-line.cm-focus-current').first()).toBeVisible();
  const dimmed = await page
    .locator('.cm-line:not(.cm-focus-current)')
    .first()
    .evaluate((el) => getComputedStyle(el).opacity);
  expect(Number(dimmed)).toBeLessThan(0.5);
  await folio.screenshot('focus-mode');
  await page.keyboard.press('F8');
  await expect(editor).not.toHaveClass(/cm-focus-mode/);
  await expect(page.locator('.toolbar')).toBeVisible();

  await page.keyboard.press('F9');
  await expect(editor).toHaveClass(/cm-typewriter/);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('x');
  // The line being written sits in the middle of the editor (CodeMirror scrolls it there
  // in its next measure frame, so the check waits for it).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
        const cursor = document.querySelector('.cm-activeLine')!.getBoundingClientRect();
        return Math.abs(cursor.top + cursor.height / 2 - (scroller.top + scroller.height / 2));
      }),
    )
    .toBeLessThan(40);
  await page.keyboard.press('F9');
  await expect(editor).not.toHaveClass(/cm-typewriter/);
});

test('Enter continues a list, and Enter on an empty item ends it', async ({ folio }) => {
  test.slow(); // types character by character on a loaded machine
  const { page } = folio;
  await ready(page);
  await openPost(page, postTitle);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  for (const keys of [
    '\n\n- milk',
    '\n',
    'eggs',
    '\n',
    '\n',
    'Done.\n\n1. first',
    '\n',
    'second',
  ]) {
    if (keys === '\n') await page.keyboard.press('Enter');
    else await page.keyboard.type(keys);
  }
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const text = await editorText(page);
  expect(text).toMatch(/\n- milk\n- eggs\nDone\.\n\n1\. first\n2\. second\n$/);
});
