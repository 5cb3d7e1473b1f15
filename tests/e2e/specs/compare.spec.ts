/**
 * Comparing an open post that has unsaved text with its file after another program changed
 * it: side by side, differing lines marked, and every choice (keep mine, load theirs, take
 * one change from disk, cancel) leaves exactly the expected bytes on disk and loses nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { backupTexts, editorText, openPost } from '../helpers.ts';

const POST = 'source/_posts/debouncing-without-tears.md';
const TITLE = 'Debouncing Without Tears';

const unsaved = (page: Page) =>
  page.getByRole('navigation', { name: 'Posts' }).getByLabel('Unsaved changes');
const dialog = (page: Page) => page.getByRole('dialog', { name: /Compare with the file on disk/ });
const diskLines = (page: Page) => dialog(page).locator('.cm-merge-a .cm-changedLine');
const myLines = (page: Page) => dialog(page).locator('.cm-merge-b .cm-changedLine');

/**
 * The writer adds a line at the end; meanwhile another program renames a heading near the
 * top. Returns the writer's text and the file's new text, both exactly.
 */
async function bothSidesChanged(page: Page, blog: string) {
  const file = path.join(blog, POST);
  await openPost(page, TITLE);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nTyped in Folio.');
  await expect(unsaved(page)).toHaveCount(1);
  const mine = await editorText(page);
  const theirs = readFileSync(file, 'utf8').replace('## The Problem', '## Their Problem');
  writeFileSync(file, theirs);
  await expect(page.getByTestId('disk-change')).toContainText('This post changed on disk');
  return { file, mine, theirs };
}

async function openCompare(page: Page) {
  await page.getByTestId('disk-change').getByRole('button', { name: 'Compare…' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByTestId('compare-count')).toHaveText('2 differences');
}

test('Compare shows disk and mine side by side with the differing lines marked; Keep Mine saves mine over the version seen', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const { file, mine } = await bothSidesChanged(page, blog);
  await openCompare(page);
  await expect(diskLines(page)).toHaveText(['## Their Problem']);
  await expect(myLines(page)).toHaveText(['## The Problem', '', 'Typed in Folio.']);
  const left = await dialog(page).locator('.cm-merge-a').boundingBox();
  const right = await dialog(page).locator('.cm-merge-b').boundingBox();
  expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x);
  expect(Math.abs(left!.y - right!.y)).toBeLessThan(2);
  // The writer lands in their own text, on the first difference.
  await expect(dialog(page).locator('.cm-merge-b .cm-content')).toBeFocused();
  await folio.screenshot('compare-light');

  await dialog(page).getByRole('button', { name: 'Keep Mine and Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByTestId('status-text')).toHaveText(/^Saved /);
  await expect(page.getByTestId('disk-change')).toHaveCount(0);
  await expect(unsaved(page)).toHaveCount(0);
  expect(readFileSync(file, 'utf8')).toBe(mine);
  expect(await editorText(page)).toBe(mine);
});

test('Load Theirs from the comparison leaves the file as it is, and Undo brings the writer’s text back', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const { file, mine, theirs } = await bothSidesChanged(page, blog);
  await openCompare(page);
  await dialog(page).getByRole('button', { name: 'Load Theirs' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByTestId('disk-change')).toHaveCount(0);
  await expect.poll(() => editorText(page)).toBe(theirs);
  await expect(unsaved(page)).toHaveCount(0);
  expect(readFileSync(file, 'utf8')).toBe(theirs);
  // Nothing lost: the writer's text is one Undo away, unsaved again.
  await expect(page.locator('.cm-editor.cm-focused')).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => editorText(page)).toBe(mine);
  await expect(unsaved(page)).toHaveCount(1);
  expect(readFileSync(file, 'utf8')).toBe(theirs);
});

test('Taking one change from disk with its arrow, then saving, writes both changes (dark theme)', async ({
  folio,
}) => {
  const { page, blog } = folio;
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const { file, mine, theirs } = await bothSidesChanged(page, blog);
  await openCompare(page);
  await folio.screenshot('compare-dark');
  await dialog(page)
    .getByRole('button', { name: 'Take this change from disk', exact: true })
    .first()
    .click();
  await expect(dialog(page).getByTestId('compare-count')).toHaveText('1 difference');
  await expect(myLines(page)).toHaveText(['', 'Typed in Folio.']);
  await dialog(page).getByRole('button', { name: 'Save Merged Text' }).click();
  await expect(page.getByTestId('status-text')).toHaveText(/^Saved /);
  const merged = mine.replace('## The Problem', '## Their Problem');
  expect(merged).not.toBe(mine);
  expect(readFileSync(file, 'utf8')).toBe(merged);
  expect(readFileSync(file, 'utf8')).toBe(`${theirs}\nTyped in Folio.`);
  await expect(unsaved(page)).toHaveCount(0);
});

test('By keyboard: F7 moves between differences, a change is taken, Escape closes without choosing', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const { file, mine, theirs } = await bothSidesChanged(page, blog);
  await openCompare(page);
  // The cursor starts on the first difference; F7 goes to the next (the typed line).
  await page.keyboard.press('F7');
  await dialog(page)
    .getByRole('button', { name: 'Take This Change from Disk', exact: true })
    .press('Enter');
  await expect(dialog(page).getByTestId('compare-count')).toHaveText('1 difference');
  await expect(myLines(page)).toHaveText(['## The Problem']);
  await expect(dialog(page).locator('.cm-merge-b .cm-content')).toBeFocused();
  // Tab goes round the dialog, never to the window behind it.
  const keep = dialog(page).getByRole('button', { name: 'Save Merged Text' });
  await keep.focus();
  await page.keyboard.press('Tab');
  await expect(dialog(page).getByRole('button', { name: '↑ Previous' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(keep).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  // Nothing was chosen: mine in the editor, theirs on disk, and the banner still asks.
  expect(await editorText(page)).toBe(mine);
  expect(readFileSync(file, 'utf8')).toBe(theirs);
  await expect(page.getByTestId('disk-change')).toBeVisible();
  await expect(unsaved(page)).toHaveCount(1);
  await expect(page.locator('.cm-editor.cm-focused')).toHaveCount(1);
});

test('A save refused over a newer file offers the comparison; Keep Mine saves over the newest version shown', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const { file, mine, theirs } = await bothSidesChanged(page, blog);
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByTestId('status-text')).toContainText(
    'changed on disk since you opened it',
  );
  const banner = page.getByTestId('disk-change');
  await expect(banner).toContainText('Not saved: this post changed on disk');
  await folio.screenshot('compare-save-refused-banner');
  expect(readFileSync(file, 'utf8')).toBe(theirs);
  await openCompare(page);
  await expect(diskLines(page)).toHaveText(['## Their Problem']);

  // Another program writes again while the writer is comparing: the left side follows.
  const again = theirs.replace('## A JavaScript Version', '## A JavaScript Version, Again');
  writeFileSync(file, again);
  await expect(dialog(page).getByRole('status')).toContainText('changed again on disk');
  await expect(dialog(page).getByTestId('compare-count')).toHaveText('3 differences');
  await expect(diskLines(page)).toHaveText(['## Their Problem', '## A JavaScript Version, Again']);
  await dialog(page).getByRole('button', { name: 'Keep Mine and Save' }).click();
  await expect(page.getByTestId('status-text')).toHaveText(/^Saved /);
  expect(readFileSync(file, 'utf8')).toBe(mine);
  await expect(banner).toHaveCount(0);
  await expect(unsaved(page)).toHaveCount(0);
});

test('Restored unsaved text whose file changed since offers the comparison; one change from disk plus mine is saved', async ({
  folio,
}) => {
  test.skip(folio.host === 'electron', 'reloads the page in place, which the Chromium host allows');
  const { page, blog, dataFolder } = folio;
  const { file, mine, theirs } = await bothSidesChanged(page, blog);
  await expect.poll(() => backupTexts(dataFolder)).toEqual([mine]);
  // Gone without saving, as a crash would; the next start offers the text back.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  const recovery = page.getByTestId('recovery');
  await expect(recovery).toContainText('changed on disk since');
  await recovery.getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => editorText(page)).toBe(mine);
  await expect(page.getByTestId('disk-change')).toContainText(
    'also changed on disk since your restored text was backed up',
  );
  expect(readFileSync(file, 'utf8')).toBe(theirs);
  await openCompare(page);
  await dialog(page)
    .getByRole('button', { name: 'Take this change from disk', exact: true })
    .first()
    .click();
  await dialog(page).getByRole('button', { name: 'Save Merged Text' }).click();
  await expect(page.getByTestId('status-text')).toHaveText(/^Saved /);
  expect(readFileSync(file, 'utf8')).toBe(`${theirs}\nTyped in Folio.`);
  await expect(page.getByTestId('disk-change')).toHaveCount(0);
  await expect(unsaved(page)).toHaveCount(0);
});
