/**
 * The screens a writer sees, in both themes at a laptop's 1280×800: each is photographed for
 * a person to look at, and nothing in it spills out of its box or is cut short.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { initRepo, openPost } from '../helpers.ts';

/** Elements whose content is wider than they are (cut text) or that stick out of the window. */
function clipped(page: Page, root: string): Promise<string[]> {
  return page.evaluate((root) => {
    const scope = document.querySelector(root);
    if (!scope) throw new Error(`nothing matches ${root}`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}`;
    return [...scope.querySelectorAll('button, label, input, select, h2, h3, p, span, a')]
      .filter((el) => {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') return false;
        const box = el.getBoundingClientRect();
        if (box.width === 0) return false;
        const outside = box.right > window.innerWidth + 1 || box.left < -1;
        // Inputs scroll their text; ellipsis is a deliberate cut (the title says the rest).
        const cut =
          !(el instanceof HTMLInputElement) &&
          style.textOverflow !== 'ellipsis' &&
          style.overflowX !== 'visible' &&
          el.scrollWidth > el.clientWidth + 1;
        return outside || cut;
      })
      .map(name)
      .slice(0, 5);
  }, root);
}

for (const theme of ['light', 'dark'] as const) {
  test(`the ${theme} theme at 1280×800: every main screen fits`, async ({ folio }) => {
    test.slow(); // many screens in one test
    const { page } = folio;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const shot = (name: string) => folio.screenshot(`screens-${theme}-${name}`);
    const postAction = (name: string) =>
      page.getByRole('toolbar', { name: 'Post actions' }).getByRole('button', { name }).click();

    await shot('01-library');
    expect(await clipped(page, '.sidebar')).toEqual([]);

    await openPost(page, 'What the Tomatoes Taught Me This Summer');
    await expect(page.locator('.preview-cover')).toHaveJSProperty('complete', true);
    await shot('02-editor');
    expect(await clipped(page, 'body')).toEqual([]);
    await page.locator('[data-field="draft"]').scrollIntoViewIfNeeded();
    await page.locator('#fm-comments').focus();
    await shot('02b-form-end');

    await page.keyboard.press('ControlOrMeta+Shift+P');
    await expect(page.getByRole('combobox', { name: 'Command' })).toBeFocused();
    await shot('03-palette');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings).toBeVisible();
    await shot('04-settings');
    expect(await clipped(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press('Escape');

    await postAction('New…');
    const create = page.getByRole('dialog', { name: 'New post' });
    await expect(create).toBeVisible();
    // The sample blog has pages too: the Kind menu comes after the title.
    await page.keyboard.press('Tab');
    await expect(create.getByRole('combobox', { name: 'Kind' })).toBeFocused();
    await page.keyboard.press('Tab');
    // The keyboard's place shows: the checkbox it reached wears the accent ring.
    await expect(create.getByLabel('Start as a draft')).toBeFocused();
    await expect(create.getByLabel('Start as a draft')).toHaveCSS('outline-style', 'solid');
    await expect(create.getByLabel('Start as a draft')).toHaveCSS('outline-width', '2px');
    await shot('05-new-post');
    expect(await clipped(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press('Escape');

    await postAction('Trash…');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await shot('06-trash');
    await page.keyboard.press('Escape');

    // A repository with one post changed on disk, as the writer would have it.
    initRepo(folio.blog);
    appendFileSync(path.join(folio.blog, 'source/_posts/debouncing-without-tears.md'), '\nMore.\n');
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = page.getByRole('complementary', { name: 'Publish' });
    await expect(panel.getByRole('region', { name: 'Changed posts' })).toContainText(
      'Debouncing Without Tears',
    );
    await shot('07-publish');
    expect(await clipped(page, '.publish-panel')).toEqual([]);
    // The panel covers the preview edge to edge: no strip of it beside the panel.
    const covered = await panel.boundingBox();
    const preview = await page.getByRole('complementary', { name: 'Preview' }).boundingBox();
    expect(covered && preview && [covered.x, covered.x + covered.width]).toEqual([
      preview!.x,
      preview!.x + preview!.width,
    ]);
  });
}
