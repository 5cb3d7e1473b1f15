import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parseFrontMatter } from '../../../shared/frontmatter.ts';
import { expect, test } from '../fixtures.ts';
import { editorText, openPost } from '../helpers.ts';
import { fixtureBlogs } from '../hosts/paths.ts';

const DRAFT = 'source/_drafts/notes-on-sourdough-starters.md';
const POST = 'source/_posts/debouncing-without-tears.md';
const postTitle = 'Debouncing Without Tears';

test('New post from the palette writes the draft scaffold at the blog’s path and opens it', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const list = page.getByRole('navigation', { name: 'Posts' });
  await expect(list.getByRole('button')).toHaveCount(9);
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.getByRole('combobox', { name: 'Command' }).fill('New Post');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Morning Pages');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.locator('#fm-title')).toHaveValue('Morning Pages');
  const file = path.join(blog, 'source/_drafts/morning-pages.md');
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(/^---\ntitle: "?Morning Pages"?\ncategories:.*\ntags:/s);
  await expect(list.getByRole('button')).toHaveCount(10);
  await expect(list.getByRole('button', { name: /Morning Pages/ })).toContainText('Draft');
});

test('Rename with the file moves a draft to the new title’s name', async ({ folio }) => {
  const { page, blog } = folio;
  await openPost(page, 'Notes on Sourdough Starters');
  await page
    .getByRole('toolbar', { name: 'Post actions' })
    .getByRole('button', { name: 'Rename…' })
    .click();
  const dialog = page.getByRole('dialog', { name: /Rename/ });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Sourdough, Week One');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.locator('#fm-title')).toHaveValue('Sourdough, Week One');
  expect(existsSync(path.join(blog, DRAFT))).toBe(false);
  const moved = path.join(blog, 'source/_drafts/sourdough-week-one.md');
  expect(readFileSync(moved, 'utf8')).toContain('Sourdough, Week One');
});

test('Renaming a published post’s file asks about its URL first', async ({ folio }) => {
  const { page, blog } = folio;
  await openPost(page, postTitle);
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.getByRole('combobox', { name: 'Command' }).fill('Rename Post');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Rename/ });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Debouncing, Calmly');
  await expect(dialog.getByRole('alert')).toContainText('changes its URL');
  await folio.screenshot('post-ops-rename');
  await dialog.getByRole('button', { name: 'Rename and Change URL' }).click();
  await expect(page.locator('#fm-title')).toHaveValue('Debouncing, Calmly');
  expect(existsSync(path.join(blog, 'source/_posts/debouncing-calmly.md'))).toBe(true);
  expect(existsSync(path.join(blog, POST))).toBe(false);
});

test('Move to Trash asks, then hands the file to the system trash', async ({ folio }) => {
  const { page, blog, controls } = folio;
  test.skip(!controls, 'the Chromium host stands in for the system trash and records it');
  await openPost(page, postTitle);
  await page
    .getByRole('toolbar', { name: 'Post actions' })
    .getByRole('button', { name: 'Trash…' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move to Trash' }).click();
  await expect(page.getByRole('navigation', { name: 'Posts' }).getByRole('button')).toHaveCount(8);
  expect(controls!.trashed).toEqual([path.join(blog, POST)]);
  expect(existsSync(path.join(blog, POST))).toBe(false);
  await expect(page.locator('#fm-title')).toHaveCount(0);
});

test('Publishing a draft moves it to the posts, dated, with its tags kept', async ({ folio }) => {
  const { page, blog } = folio;
  await openPost(page, 'Notes on Sourdough Starters');
  const actions = page.getByRole('toolbar', { name: 'Post actions' });
  await actions.getByRole('button', { name: 'Publish' }).click();
  await expect(actions.getByRole('button', { name: 'Unpublish' })).toBeVisible();
  const published = readFileSync(
    path.join(blog, 'source/_posts/notes-on-sourdough-starters.md'),
    'utf8',
  );
  expect(published).toMatch(/\ndate: \d{4}-\d\d-\d\d/);
  expect(published).toMatch(/tags:\n {2}- Baking\n {2}- Recipes\n/);
  expect(existsSync(path.join(blog, DRAFT))).toBe(false);
  await expect(page.locator('[data-field=tags] .chip')).toHaveText(['Baking×', 'Recipes×']);
});

test('An edit from another program reloads the open post when it has no unsaved text', async ({
  folio,
}) => {
  const { page, blog } = folio;
  await openPost(page, postTitle);
  const file = path.join(blog, POST);
  writeFileSync(file, readFileSync(file, 'utf8') + '\nWritten by another editor.\n');
  await expect.poll(() => editorText(page)).toContain('Written by another editor.');
  await expect(page.getByTestId('disk-change')).toHaveCount(0);
});

test('An edit from another program while typing asks; Keep mine keeps the typed text and saves over it', async ({
  folio,
}) => {
  const { page, blog } = folio;
  await openPost(page, postTitle);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nTyped in Folio.');
  const file = path.join(blog, POST);
  writeFileSync(file, readFileSync(file, 'utf8') + '\nWritten by another editor.\n');
  const banner = page.getByTestId('disk-change');
  await expect(banner).toContainText('This post changed on disk');
  await folio.screenshot('post-ops-disk-change');
  expect(await editorText(page)).toContain('Typed in Folio.');
  await banner.getByRole('button', { name: 'Keep mine' }).click();
  await expect(banner).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByTestId('status-text')).toHaveText(/^Saved /);
  const saved = readFileSync(file, 'utf8');
  expect(saved).toContain('Typed in Folio.');
  expect(saved).not.toContain('Written by another editor.');
});

test('Load theirs replaces the unsaved text with the file on disk', async ({ folio }) => {
  const { page, blog } = folio;
  await openPost(page, postTitle);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nTyped in Folio.');
  const file = path.join(blog, POST);
  writeFileSync(file, readFileSync(file, 'utf8') + '\nWritten by another editor.\n');
  await page.getByTestId('disk-change').getByRole('button', { name: 'Load theirs' }).click();
  await expect.poll(() => editorText(page)).toContain('Written by another editor.');
  expect(await editorText(page)).not.toContain('Typed in Folio.');
  await expect(
    page.getByRole('navigation', { name: 'Posts' }).getByLabel('Unsaved changes'),
  ).toHaveCount(0);
});

/** The post toolbar's button by name. */
const postAction = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Post actions' }).getByRole('button', { name, exact: true });

test('Duplicate writes a draft copy: the title marked as a copy, every other field and the body the same', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const list = page.getByRole('navigation', { name: 'Posts' });
  const original = readFileSync(path.join(blog, POST), 'utf8');
  await openPost(page, postTitle);
  await postAction(page, 'Duplicate').click();
  // Hexo keeps drafts in source/_drafts, named from the new title.
  const copy = path.join(blog, 'source/_drafts/debouncing-without-tears-copy.md');
  await expect.poll(() => existsSync(copy)).toBe(true);
  await expect(page.locator('#fm-title')).toHaveValue(`${postTitle} (copy)`);
  const text = readFileSync(copy, 'utf8');
  // One line differs: the title; date, categories, tags and the body are byte for byte the original's.
  expect(text).toBe(original.replace(`title: "${postTitle}"\n`, `title: "${postTitle} (copy)"\n`));
  expect(text).not.toBe(original);
  expect(parseFrontMatter(text).data).toEqual({
    ...parseFrontMatter(original).data,
    title: `${postTitle} (copy)`,
  });
  expect(readFileSync(path.join(blog, POST), 'utf8')).toBe(original);
  await expect(list.getByRole('button')).toHaveCount(10);
  await expect(list.getByRole('button', { name: /\(copy\)/ })).toContainText('Draft');
  await expect(list.getByRole('button', { name: new RegExp(postTitle) })).toHaveCount(2);
});

test('Unpublish moves a Hexo post back to the drafts folder, its bytes untouched', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const original = readFileSync(path.join(blog, POST), 'utf8');
  await openPost(page, postTitle);
  await postAction(page, 'Unpublish').click();
  await expect(postAction(page, 'Publish')).toBeVisible();
  const draft = path.join(blog, 'source/_drafts/debouncing-without-tears.md');
  expect(existsSync(path.join(blog, POST))).toBe(false);
  expect(readFileSync(draft, 'utf8')).toBe(original);
  await expect(
    page
      .getByRole('navigation', { name: 'Posts' })
      .getByRole('button', { name: new RegExp(postTitle) }),
  ).toContainText('Draft');
});

test.describe('in a Hugo blog', () => {
  test.use({ blogSource: path.join(fixtureBlogs, 'hugo') });

  test('Unpublish flips `draft = false` in TOML; every other byte (its comment too) stays', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    const file = path.join(blog, 'content/posts/tide-tables.md');
    const original = readFileSync(file, 'utf8');
    await openPost(page, 'Reading Tide Tables');
    await postAction(page, 'Unpublish').click();
    await expect(postAction(page, 'Publish')).toBeVisible();
    expect(readFileSync(file, 'utf8')).toBe(
      original.replace('\ndraft = false\n', '\ndraft = true\n'),
    );
  });

  test('Unpublish adds `draft: true` to a post that has no draft field, and changes nothing else', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    const file = path.join(blog, 'content/posts/boat-log.md');
    const original = readFileSync(file, 'utf8');
    await openPost(page, 'Boat Log');
    await postAction(page, 'Unpublish').click();
    await expect(postAction(page, 'Publish')).toBeVisible();
    expect(readFileSync(file, 'utf8')).toBe(
      original.replace('  mood: calm\n---\n', '  mood: calm\ndraft: true\n---\n'),
    );
    await expect(
      page.getByRole('navigation', { name: 'Posts' }).getByRole('button', { name: /Boat Log/ }),
    ).toContainText('Draft');
  });
});

test.describe('New… on a Hugo site with sections and archetypes', () => {
  test.use({ blogSource: path.join(fixtureBlogs, 'hugo') });

  test('the new post goes to the open post’s section, from its archetype, with the typed title', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    // A section of its own, with an archetype shaped like the Hugo docs' default.
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(blog, rel)), { recursive: true });
      writeFileSync(path.join(blog, rel), text);
    };
    write(
      'archetypes/guides.md',
      '---\ntitle: {{ replace .File.ContentBaseName "-" " " | strings.FirstUpper }}\nlinkTitle: {{ .Name | humanize }}\ndescription:\nkeywords: []\n---\n',
    );
    write('content/guides/first-steps.md', '---\ntitle: First Steps\n---\nWhere to begin.\n');
    await openPost(page, 'First Steps');

    await page
      .getByRole('toolbar', { name: 'Post actions' })
      .getByRole('button', { name: 'New…' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    const section = dialog.getByRole('combobox', { name: 'Section' });
    await expect(section).toHaveValue('content/guides');
    await expect(section.locator('option')).toHaveText(['guides', 'posts']);
    await dialog.getByRole('textbox', { name: 'Title' }).fill('A Newcomer Writes');
    await dialog.getByRole('checkbox', { name: 'Start as a draft' }).uncheck();
    await folio.screenshot('post-ops-new-hugo-section');
    await dialog.getByRole('button', { name: 'Create' }).click();

    await expect(page.locator('#fm-title')).toHaveValue('A Newcomer Writes');
    const text = readFileSync(path.join(blog, 'content/guides/a-newcomer-writes.md'), 'utf8');
    expect(text).toBe(
      '---\ntitle: A Newcomer Writes\nlinkTitle: A newcomer writes\ndescription:\nkeywords: []\n---\n',
    );
    expect(existsSync(path.join(blog, 'content/posts/a-newcomer-writes.md'))).toBe(false);
    await expect(page.getByTestId('status-text')).toHaveText('New post: A Newcomer Writes');
    await folio.screenshot('post-ops-new-hugo-created');
  });
});
