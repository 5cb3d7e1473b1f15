import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ensureCorpus } from '../../bench/corpus.ts';
import { expect, skipWithoutHost, test } from '../fixtures.ts';
import { diffLines, editorText, initRepo, openPost, replaceBody } from '../helpers.ts';
import { fixtureBlogs, repoRoot } from '../hosts/paths.ts';

interface FixtureCase {
  blog: string;
  posts: number;
  drafts: number;
  tag: [string, number];
  search: [string, string];
}

// Counts as the writer sees them: every post and page the generator would build, drafts
// included (Hexo's source/about.md and Jekyll's index.md and about.md are pages).
const cases: FixtureCase[] = [
  {
    blog: 'hexo',
    posts: 5,
    drafts: 1,
    tag: ['migrants', 2],
    search: ['compost bays', 'The First Chiffchaff of March'],
  },
  { blog: 'hugo', posts: 6, drafts: 1, tag: ['sea', 3], search: ['bowline', 'Rope Work'] },
  {
    blog: 'jekyll',
    posts: 7,
    drafts: 2,
    tag: ['rain', 2],
    search: ['herons', 'The Long Way Round'],
  },
  { blog: 'astro', posts: 4, drafts: 1, tag: ['kiln', 3], search: ['crazed', 'Twelve Glaze'] },
  {
    blog: 'eleventy',
    posts: 4,
    drafts: 1,
    tag: ['autumn', 2],
    search: ['pond skaters', 'A Pond in a Half Barrel'],
  },
  {
    blog: 'vuepress',
    posts: 3,
    drafts: 0,
    tag: ['zsh', 2],
    search: ['timestamps', 'Searching Shell History'],
  },
  {
    blog: 'vitepress',
    posts: 3,
    drafts: 0,
    tag: ['drawing', 2],
    search: ['bakery', 'Drawing a Village from Memory'],
  },
  {
    blog: 'gatsby',
    posts: 4,
    drafts: 1,
    tag: ['sourdough', 3],
    search: ['linen', 'A Sourdough Rye That Slices'],
  },
  { blog: 'next', posts: 3, drafts: 0, tag: ['woodwork', 2], search: ['hinge', 'Building a Desk'] },
  { blog: 'plain', posts: 5, drafts: 0, tag: ['sebald', 1], search: ['Suffolk', 'The Rings'] },
];

const postList = (page: Page) => page.getByRole('navigation', { name: 'Posts' });
const countLine = (page: Page) => page.getByTestId('post-count');

for (const c of cases) {
  test.describe(`the ${c.blog} fixture blog`, () => {
    test.use({ blogSource: path.join(fixtureBlogs, c.blog) });

    test('lists its posts and drafts; filters by status and tag; search finds a post', async ({
      folio,
    }) => {
      const { page } = folio;
      const list = postList(page);
      await expect(countLine(page)).toHaveText(`${c.posts} posts`);
      await expect(list.getByRole('button')).toHaveCount(c.posts);
      await expect(list.getByRole('button').filter({ hasText: 'Draft' })).toHaveCount(c.drafts);

      await page.getByLabel('Status').selectOption('drafts');
      await expect(countLine(page)).toHaveText(`${c.drafts} of ${c.posts} posts`);
      await expect(list.getByRole('button')).toHaveCount(c.drafts);
      for (const row of await list.getByRole('button').all())
        await expect(row).toContainText('Draft');
      await page.getByLabel('Status').selectOption('published');
      await expect(list.getByRole('button')).toHaveCount(c.posts - c.drafts);
      await page.getByRole('button', { name: 'Clear', exact: true }).click();

      const [tag, tagged] = c.tag;
      await page.getByLabel('Tag', { exact: true }).selectOption(tag);
      await expect(countLine(page)).toHaveText(`${tagged} of ${c.posts} posts`);
      await expect(list.getByRole('button')).toHaveCount(tagged);
      for (const row of await list.getByRole('button').all())
        await expect(row).toContainText(`#${tag}`);
      await folio.screenshot(`library-filtered-${c.blog}`);

      const [query, title] = c.search;
      await page.keyboard.press('ControlOrMeta+Shift+f');
      const finder = page.getByRole('dialog');
      await finder.getByRole('searchbox').fill(query);
      await expect(finder.getByRole('option').first()).toContainText(title);
      await page.keyboard.press('Enter');
      await expect(page.locator('#fm-title')).toHaveValue(new RegExp(`^${title}`));
    });
  });
}

test.describe('a row of the list', () => {
  test('shows the whole title, the file and the opening of the post on hover', async ({
    folio,
  }) => {
    const { page } = folio;
    const row = postList(page).getByRole('button', { name: /Debouncing Without Tears/ });
    await expect(row).toHaveAttribute(
      'title',
      'Debouncing Without Tears\nsource/_posts/debouncing-without-tears.md',
    );
    await row.hover();
    await expect(row).toHaveAttribute(
      'title',
      /^Debouncing Without Tears\nsource\/_posts\/debouncing-without-tears\.md\n\nThe Problem A search box that fires a network request on every keystroke .*…$/,
    );
  });
});

test.describe('pages of a docs site (a Hugo blog)', () => {
  test.use({ blogSource: path.join(fixtureBlogs, 'hugo') });

  test('pages titled alike show their folders; an untitled section page is named with its folder', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(blog, rel)), { recursive: true });
      writeFileSync(path.join(blog, rel), text);
    };
    write('content/docs/templates/sections.md', '---\ntitle: Sections\n---\nTemplates.\n');
    write('content/docs/content/sections.md', '---\ntitle: Sections\n---\nContent.\n');
    write('content/docs/functions/_index.md', '---\nweight: 10\n---\n');
    const list = postList(page);
    const rows = list.getByRole('button', { name: /^Sections/ });
    await expect(rows).toHaveCount(2);
    await expect(rows.locator('.post-folder')).toHaveText(['docs/content', 'docs/templates'], {
      useInnerText: true,
    });
    await expect(list.getByRole('button', { name: 'functions/_index' })).toHaveCount(1);
    // A title of its own needs no folder beside it.
    await expect(
      list.getByRole('button', { name: /Rope Work for Beginners/ }).locator('.post-folder'),
    ).toHaveCount(0);
    await folio.screenshot('library-alike-titles');
  });
});

test.describe('the taxonomy panel', () => {
  test.use({ blogSource: path.join(fixtureBlogs, 'hexo') });
  // Long stories on a machine shared with other runs; nothing in them is timed.
  test.describe.configure({ timeout: 90_000 });

  test('merges a tag across posts: the affected files first, then only the tag lines change', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    initRepo(blog);
    const chiff = path.join(blog, 'source/_posts/2024-03-17-first-chiffchaff.md');
    const dawn = path.join(blog, 'source/_posts/2024-06-08-a-dawn-chorus-count.md');
    const dawnBefore = readFileSync(dawn, 'utf8');
    // One post open and clean, one open with unsaved changes.
    await openPost(page, 'The First Chiffchaff of March');
    await openPost(page, 'A Dawn Chorus Count');
    await replaceBody(page, '\nNot saved yet.\n');

    await page.getByRole('tab', { name: 'Tags' }).click();
    const tags = page.getByRole('region', { name: 'Tags' });
    await expect(tags.getByRole('button', { name: /#warblers\s*2/ })).toBeVisible();
    await folio.screenshot('library-taxonomy-panel');
    await tags.getByRole('button', { name: 'Rename or merge the tag “warblers”' }).click();

    const dialog = page.getByRole('dialog', { name: 'Rename the tag “warblers”' });
    await dialog.getByLabel('New name').fill('migrants');
    await expect(dialog.getByTestId('taxonomy-summary')).toContainText(
      '“migrants” already exists: the two tags merge. 2 posts will change',
    );
    const files = dialog.getByRole('list', { name: 'Posts that will change' });
    await expect(files.getByRole('listitem')).toHaveCount(2);
    await expect(files.getByRole('listitem').filter({ hasText: 'Has both' })).toContainText(
      'The First Chiffchaff of March',
    );
    await expect(files.getByRole('listitem').filter({ hasText: 'Unsaved' })).toContainText(
      'A Dawn Chorus Count',
    );
    await expect(dialog.getByRole('alert')).toContainText('Save them first');
    await folio.screenshot('library-taxonomy-dialog');
    await dialog.getByRole('button', { name: 'Merge into “migrants”' }).click();
    await expect(dialog.getByTestId('taxonomy-result')).toHaveText(
      'Merged in 1 post. 1 post skipped:',
    );
    await expect(dialog).toContainText('it is open with unsaved changes: save it first');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The chiffchaff post lost its duplicate item and nothing else; the unsaved one is untouched.
    expect(diffLines(blog)).toEqual(['-- warblers']);
    expect(readFileSync(chiff, 'utf8')).not.toContain('warblers');
    expect(readFileSync(dawn, 'utf8')).toBe(dawnBefore);
    // The open, clean post shows the file as it is now.
    await page.getByRole('tab', { name: /^Posts/ }).click();
    await openPost(page, 'The First Chiffchaff of March');
    expect(await editorText(page)).not.toContain('warblers');
    // The panel counts follow.
    await page.getByRole('tab', { name: 'Tags' }).click();
    await expect(tags.getByRole('button', { name: /#warblers\s*1/ })).toBeVisible();

    // A click on a term filters the list by it.
    await tags.getByRole('button', { name: /#migrants\s*2/ }).click();
    await expect(countLine(page)).toHaveText('2 of 5 posts');
    await expect(page.getByLabel('Tag', { exact: true })).toHaveValue('migrants');
  });

  test('renames a category in every post that has it', async ({ folio }) => {
    const { page, blog } = folio;
    initRepo(blog);
    await page.getByRole('tab', { name: 'Tags' }).click();
    const categories = page.getByRole('region', { name: 'Categories' });
    await categories.getByRole('button', { name: 'Rename or merge the category “Patch”' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('New name').fill('Allotment');
    await expect(dialog.getByTestId('taxonomy-summary')).toContainText('3 posts will change');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog.getByTestId('taxonomy-result')).toHaveText('Renamed in 3 posts.');
    expect(diffLines(blog).sort()).toEqual(
      [
        '-- Patch',
        '+- Allotment',
        '-- Patch',
        '+- Allotment',
        '-categories: [Patch]',
        '+categories: [Allotment]',
      ].sort(),
    );
  });
});

test.describe('a 10,000-post blog', () => {
  test.use({
    // Playwright reads a fixture's dependencies from this (empty) pattern.
    // eslint-disable-next-line no-empty-pattern
    blogSource: async ({}, use, testInfo) => {
      // Before the corpus: a test that will skip should not generate 10,000 posts first.
      skipWithoutHost(testInfo);
      await use(ensureCorpus({ posts: 10_000 }));
    },
  });
  // Copying and indexing 10,000 files on a loaded machine takes a while; nothing here is timed.
  test.describe.configure({ timeout: 300_000 });

  test('the first posts and the count show while the whole list is on its way', async ({
    folio,
  }) => {
    test.skip(folio.host === 'electron', 'the list is held back in the Chromium host’s bridge');
    const { page, controls } = folio;
    const list = postList(page);
    const sortBy = page.getByLabel('Sort by');
    await expect(countLine(page)).toHaveText('10,000 posts', { timeout: 120_000 });

    for (const sort of ['Newest first', 'By title']) {
      await sortBy.selectOption({ label: sort });
      const first = await list.locator('[data-index="0"]').getAttribute('data-path');
      let release = () => {};
      controls!.held.set('listPosts', new Promise<void>((resolve) => (release = resolve)));
      await page.reload();

      // The same first row, in the order the writer chose; the filters wait for the rest.
      await expect(list.locator('[data-index="0"]')).toHaveAttribute('data-path', first!);
      await expect(countLine(page)).toHaveText('10,000 posts');
      await expect(sortBy).toHaveValue(sort === 'By title' ? 'title' : 'date');
      await expect(sortBy).toBeDisabled();
      await list.locator('[data-index="0"]').focus();
      await page.keyboard.press('End');
      await expect(list.locator('[data-index="199"]')).toBeFocused();
      expect(await list.locator('[data-index="200"]').count()).toBe(0);
      if (sort === 'By title') await folio.screenshot('library-first-posts');

      controls!.held.delete('listPosts');
      release();
      await expect(sortBy).toBeEnabled();
      await expect(countLine(page)).toHaveText('10,000 posts');
      await list.locator('[data-index="199"]').focus();
      await page.keyboard.press('End');
      await expect(list.locator('[data-index="9999"]')).toBeFocused();
      await page.keyboard.press('Home');
    }
  });

  test('the list stays virtualized, scrolls and moves with the keyboard', async ({ folio }) => {
    const { page } = folio;
    const list = postList(page);
    await expect(countLine(page)).toHaveText('10,000 posts', { timeout: 120_000 });
    // Only the rows in view exist in the page.
    const rendered = await list.getByRole('button').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);

    await list.hover();
    await page.mouse.wheel(0, 40_000);
    await expect(list.locator('[data-index="600"]')).toHaveCount(0);
    await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(20_000);

    // Keyboard: the first row, down twice, End, Enter opens the last post.
    await list.getByRole('button').first().focus();
    await page.keyboard.press('Home');
    await expect(list.locator('[data-index="0"]')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(list.locator('[data-index="2"]')).toBeFocused();
    await page.keyboard.press('End');
    await expect(list.locator('[data-index="9999"]')).toBeFocused();
    const lastTitle = (await list.locator('[data-index="9999"] .post-title').textContent()) ?? '';
    await page.keyboard.press('Enter');
    await expect(page.locator('#fm-title')).toHaveValue(lastTitle.trim());

    await page.getByLabel('Status').selectOption('drafts');
    await expect(countLine(page)).toHaveText(/^\d+ of 10,000 posts$/);
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    // A view from the middle of the list for the README, with a post open (its cover is
    // one of the sample blog's pictures: the corpus names covers it does not ship).
    await list.evaluate((el) => el.scrollTo(0, 56 * 500));
    const row = list.locator('[data-index="503"]');
    await expect(row).toBeVisible();
    const slug = path.basename((await row.getAttribute('data-path')) ?? '', '.md');
    mkdirSync(path.join(folio.blog, 'source/images'), { recursive: true });
    copyFileSync(
      path.join(repoRoot, 'assets/sample-blog/source/images/harbour-dusk.png'),
      path.join(folio.blog, 'source/images', `${slug}.jpg`),
    );
    await row.click();
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect
      .poll(() =>
        page.locator('.preview-cover').evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'library-10k.png') });
    await folio.screenshot('library-10k');
  });
});
