/**
 * A site's pages and collections, not only its posts: on each generator's fixture blog
 * (tests/fixtures/dialects/) the Kind filter lists them, a page and a collection entry open
 * with their flavour's structure in the preview, and New… makes a page or an entry with its
 * kind's fields.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { openPost } from '../helpers.ts';
import { repoRoot } from '../hosts/paths.ts';

const dialects = path.join(repoRoot, 'tests', 'fixtures', 'dialects');
const article = (page: Page) => page.locator('#folio-preview-article');
const list = (page: Page) => page.getByRole('navigation', { name: 'Posts' });

/** Shows one kind in the list and opens its entry titled `title`. */
async function openOfKind(page: Page, kind: string, title: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Kind' }).selectOption(kind);
  await openPost(page, title);
}

/** New… with `kind` chosen in the dialog; returns once the new entry is open. */
async function createOfKind(page: Page, kind: string, title: string): Promise<void> {
  await page
    .getByRole('toolbar', { name: 'Post actions' })
    .getByRole('button', { name: 'New…' })
    .click();
  const dialog = page.getByRole('dialog', { name: /^New / });
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.locator('#fm-title')).toHaveValue(title);
}

test.describe('Jekyll pages and collections', () => {
  test.use({ blogSource: path.join(dialects, 'jekyll') });

  test('a page shows kramdown’s table of contents, ids and definitions; New… makes a docs entry with the docs’ fields', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    await openOfKind(page, 'pages', 'About the Journal');
    await expect(page.getByTestId('post-url')).toHaveText('/journal/about/');
    const preview = article(page);
    await expect(preview.locator('.markdown-toc a')).toHaveText(['Who rides', 'Words we use']);
    await expect(preview.locator('h2#user-content-riders')).toHaveText('Who rides');
    await expect(preview.locator('dl dt')).toHaveText(['Col', 'Bonk']);
    await expect(preview.locator('.markdown-alert-tip')).toContainText('New here?');
    await folio.screenshot('25-jekyll-page');

    await openOfKind(page, 'docs', 'Getting Started');
    await expect(preview.locator('.markdown-alert-note')).toContainText('Jekyll collection');
    // A docs entry's form has the docs' own fields, not the posts' tags.
    await expect(page.locator('#fm-order')).toHaveValue('1');
    await expect(page.locator('#fm-tags')).toHaveCount(0);

    await createOfKind(page, 'Docs entry', 'Pump Maintenance');
    expect(readFileSync(path.join(blog, '_docs/pump-maintenance.md'), 'utf8')).toBe(
      '---\ntitle: Pump Maintenance\n---\n\n',
    );
    await expect(page.locator('#fm-order')).toHaveValue('');
    await expect(page.locator('#fm-tags')).toHaveCount(0);
    await expect(page.getByTestId('status-text')).toHaveText('New docs entry: Pump Maintenance');
    await expect(list(page).getByRole('button', { name: /Pump Maintenance/ })).toBeVisible();
  });
});

test.describe('Hexo pages', () => {
  test.use({ blogSource: path.join(dialects, 'hexo') });

  test('a page of source/ opens with marked’s ids; New… makes one from the page scaffold', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    await openOfKind(page, 'pages', 'About the Diary');
    const preview = article(page);
    await expect(preview.locator('h2#user-content-The-Boat')).toHaveText('The Boat');
    await expect(preview.locator('.markdown-alert-tip')).toContainText('map of every lock');

    await page.getByRole('combobox', { name: 'Kind' }).selectOption('');
    await page
      .getByRole('toolbar', { name: 'Post actions' })
      .getByRole('button', { name: 'New…' })
      .click();
    // The open entry is a page: New… offers a page first, and a page has no draft.
    const dialog = page.getByRole('dialog', { name: 'New page' });
    await expect(dialog.getByRole('combobox', { name: 'Kind' })).toHaveValue('pages');
    await expect(dialog.getByRole('checkbox', { name: 'Start as a draft' })).toHaveCount(0);
    await expect(dialog).toContainText('Goes in source/.');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Lock Keepers');
    await folio.screenshot('26-new-page');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(page.locator('#fm-title')).toHaveValue('Lock Keepers');
    const text = readFileSync(path.join(blog, 'source/lock-keepers/index.md'), 'utf8');
    // Dated as the blog's posts are (days only, here).
    expect(text).toMatch(/^---\ntitle: Lock Keepers\ndate: \d{4}-\d\d-\d\d\n---\n$/);
    await expect(page.locator('#fm-tags')).toHaveCount(0);
  });
});

test.describe('Hugo pages', () => {
  test.use({ blogSource: path.join(dialects, 'hugo') });

  test('a page at the top of content/ shows Goldmark’s heading id, definitions and alert', async ({
    folio,
  }) => {
    const { page } = folio;
    await openPost(page, 'About These Walks');
    await expect(page.getByTestId('post-url')).toHaveText('/about/');
    const preview = article(page);
    await expect(preview.locator('h2#user-content-grading')).toHaveText('How walks are graded');
    await expect(preview.locator('dl dt')).toHaveText(['Easy', 'Hard']);
    await expect(preview.locator('.markdown-alert-note')).toContainText('walking times');
  });
});

test.describe('Eleventy pages', () => {
  test.use({ blogSource: path.join(dialects, 'eleventy') });

  test('a page at the top of the site opens with its heading ids and alert', async ({ folio }) => {
    const { page } = folio;
    await openPost(page, 'About the Garden');
    const preview = article(page);
    await expect(preview.locator('h2#user-content-beds-and-rotation')).toHaveText(
      'Beds and rotation',
    );
    await expect(preview.locator('.markdown-alert-note')).toContainText('garlic bed');
  });
});

test.describe('Astro pages and collections', () => {
  test.use({ blogSource: path.join(dialects, 'astro') });

  test('a docs entry and a page of src/pages open; New… makes a docs entry dated as its siblings are', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    const kind = page.getByRole('combobox', { name: 'Kind' });
    await expect(kind.locator('option').first()).toHaveText('2 blog, 1 doc, 1 page');
    await openOfKind(page, 'docs', 'Metering for Black and White');
    await expect(page.getByTestId('post-url')).toHaveText('/docs/metering/');
    const preview = article(page);
    await expect(preview.locator('h2#user-content-expose-for-the-shadows')).toBeVisible();
    await expect(preview.locator('.markdown-alert-important')).toContainText('highlights');
    await openOfKind(page, 'pages', 'About the Darkroom');
    await expect(page.getByTestId('post-url')).toHaveText('/about/');
    await expect(preview.locator('h2#user-content-the-enlarger')).toBeVisible();

    await openOfKind(page, 'docs', 'Metering for Black and White');
    await createOfKind(page, 'Docs entry', 'Pushing Film');
    const text = readFileSync(path.join(blog, 'src/content/docs/pushing-film.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: Pushing Film\npubDate: \S.*\ndraft: true\n---\n\n$/);
  });
});
