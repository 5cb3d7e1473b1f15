import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures.ts';
import { commitAll, diffLines, editorText, initRepo, openPost, save } from '../helpers.ts';
import { fixtureBlogs } from '../hosts/paths.ts';

const NOTEBOOK = 'A Paper Notebook Next to the Keyboard';

test.describe('the form on a Hexo post (the sample blog, with .folio/config.yaml)', () => {
  test('every widget turns one edit into a one-line git diff', async ({ folio }) => {
    const { page, blog } = folio;
    initRepo(blog);
    await openPost(page, NOTEBOOK);
    const form = page.getByRole('region', { name: 'Front matter' });

    const step = async (name: string, act: () => Promise<unknown>, expected: string[]) => {
      await act();
      await save(page);
      expect(diffLines(blog), name).toEqual(expected);
      commitAll(blog, name);
    };

    await step(
      'text',
      () => form.locator('#fm-title').fill('A Paper Notebook Beside the Keyboard'),
      [
        '-title: "A Paper Notebook Next to the Keyboard"',
        '+title: "A Paper Notebook Beside the Keyboard"',
      ],
    );
    await step('date', () => form.locator('#fm-date').fill('2025-01-15'), [
      '-date: 2025-01-14',
      '+date: 2025-01-15',
    ]);
    await step(
      'textarea',
      () => form.locator('#fm-description').fill('Paper still wins for thinking.'),
      [
        '-description: "Why a cheap paper notebook is still the most useful tool on my desk."',
        '+description: "Paper still wins for thinking."',
      ],
    );
    await step(
      'list with autocomplete',
      async () => {
        // The suggestions are the tags used across the blog.
        await expect(
          form.locator('[data-field=tags] datalist option[value="Photography"]'),
        ).toHaveCount(1);
        await form.locator('#fm-tags').fill('Photography');
        await form.locator('#fm-tags').press('Enter');
      },
      ['+  - Photography'],
    );
    // An empty field shows the schema's default (.folio/config.yaml) without writing it.
    await expect(form.locator('#fm-layout option').first()).toHaveText('Default: post');
    await step('select', () => form.locator('#fm-layout').selectOption('photo'), [
      '+layout: photo',
    ]);
    await step('number', () => form.locator('#fm-sticky').fill('2'), ['-sticky: 1', '+sticky: 2']);
    await step('boolean', () => form.locator('#fm-comments').check(), ['+comments: true']);
    if (folio.controls) {
      // The native file dialog, stood in for by the Chromium host.
      folio.controls.filePicks.push(path.join(blog, 'source', 'images', 'harbour-dusk.png'));
      await step('image', () => form.getByRole('button', { name: 'Choose…' }).click(), [
        '-cover: /images/desk-notebook.png',
        '+cover: /images/harbour-dusk.png',
      ]);
      await expect(form.locator('[data-field=cover] img.thumb')).toHaveJSProperty('complete', true);
      expect(
        await form
          .locator('[data-field=cover] img.thumb')
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      ).toBeGreaterThan(0);
    }
    await folio.screenshot('10-form-widgets');
  });

  test('typing into the form key by key saves the bytes a one-shot edit would: plain stays plain, quotes stay', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    initRepo(blog);
    const form = page.getByRole('region', { name: 'Front matter' });
    const typeAfterTitle = async (title: string) => {
      await openPost(page, title);
      await form.locator('#fm-title').click();
      await form.locator('#fm-title').press('End');
      // Through "… Scripts " (a trailing space needs quotes) to "… Scripts (edited)".
      await form.locator('#fm-title').pressSequentially(' (edited)');
      await save(page);
    };
    await typeAfterTitle('Why I Still Write Shell Scripts');
    expect(diffLines(blog)).toEqual([
      '-title: Why I Still Write Shell Scripts',
      '+title: Why I Still Write Shell Scripts (edited)',
    ]);
    commitAll(blog, 'plain');
    await typeAfterTitle(NOTEBOOK);
    expect(diffLines(blog)).toEqual([`-title: "${NOTEBOOK}"`, `+title: "${NOTEBOOK} (edited)"`]);
  });

  test('broken YAML shows the error and its line, locks the form, and saves the text as typed', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    await openPost(page, NOTEBOOK);
    await page.locator('.cm-line', { hasText: 'sticky: 1' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('\ntitle: A second title');
    const error = page.getByTestId('fm-error');
    await expect(error).toContainText('line 7: Map keys must be unique');
    await expect(page.locator('#fm-title')).toBeDisabled();
    await expect(page.locator('#fm-tags')).toBeDisabled();
    await folio.screenshot('11-front-matter-error');
    await save(page);
    const onDisk = readFileSync(
      path.join(blog, 'source/_posts/a-paper-notebook-next-to-the-keyboard.md'),
      'utf8',
    );
    expect(onDisk).toBe(await editorText(page));
    expect(onDisk).toContain('sticky: 1\ntitle: A second title\n');
    // Clicking the error puts the cursor on the line it names.
    await page.locator('.cm-line', { hasText: 'categories:' }).click();
    await error.click();
    await expect(page.locator('.cm-activeLine')).toHaveText('title: A second title');
  });

  test('an alias inside its own anchor shows the error, locks the form, and the text still saves', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    await openPost(page, NOTEBOOK);
    await page.locator('.cm-line', { hasText: 'sticky: 1' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('\nnode: &x\n  child: *x', { delay: 5 });
    await expect(page.getByTestId('fm-error')).toContainText('inside its own anchor');
    await expect(page.locator('#fm-title')).toBeDisabled();
    await folio.screenshot('front-matter-alias-cycle');
    await save(page);
    const onDisk = readFileSync(
      path.join(blog, 'source/_posts/a-paper-notebook-next-to-the-keyboard.md'),
      'utf8',
    );
    expect(onDisk).toBe(await editorText(page));
  });

  test('a required field that is empty shows a warning, and saving still works', async ({
    folio,
  }) => {
    const { page } = folio;
    await openPost(page, 'Notes on Sourdough Starters');
    await expect(page.locator('[data-field=date] .field-warning')).toHaveText(
      'Required: this post has no date',
    );
    await page.locator('#fm-title').fill('Notes on Sourdough Starters, Week One');
    await save(page);
  });
});

test.describe('TOML, JSON and nested YAML (a Hugo-style blog)', () => {
  test.use({ blogSource: path.join(fixtureBlogs, 'hugo') });

  test('TOML and JSON posts edit cleanly, and a nested map edits as YAML', async ({ folio }) => {
    const { page, blog } = folio;
    initRepo(blog);
    await openPost(page, 'Reading Tide Tables');
    await page.locator('#fm-title').fill('Reading the Tide Tables');
    await expect(page.locator('[data-format=toml]')).toHaveCount(1);
    await save(page);
    expect(diffLines(blog)).toEqual([
      "-title = 'Reading Tide Tables'",
      "+title = 'Reading the Tide Tables'",
    ]);
    commitAll(blog, 'toml');

    await openPost(page, 'Rope Work for Beginners');
    await page.locator('#fm-tags').fill('splices');
    await page.locator('#fm-tags').press('Enter');
    await save(page);
    expect(diffLines(blog)).toEqual(['-  "tags": ["knots"],', '+  "tags": ["knots", "splices"],']);
    commitAll(blog, 'json');

    await openPost(page, 'Boat Log');
    const params = page.locator('#fm-params');
    await expect(params).toHaveValue('toc: true\nmood: calm');
    await params.fill('toc: true\nmood: stormy');
    await params.blur();
    await save(page);
    expect(diffLines(blog)).toEqual(['-  mood: calm', '+  mood: stormy']);
    await folio.screenshot('12-hugo-yaml-object');
  });
});

test.describe('a CRLF post with a BOM (a Hugo-style blog)', () => {
  test.use({ blogSource: path.join(fixtureBlogs, 'hugo') });

  test('form and text edits keep CRLF line endings and the BOM', async ({ folio }) => {
    const { page, blog } = folio;
    const file = path.join(blog, 'content/posts/windows-notes.md');
    const original = readFileSync(file, 'utf8');
    await openPost(page, 'Windows Notes');
    await page.locator('#fm-title').fill('Windows Notes, Kept');
    await page.locator('#fm-tags').fill('bom');
    await page.locator('#fm-tags').press('Enter');
    await page.locator('.cm-line', { hasText: 'Written on Windows' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('A new line.');
    await save(page);
    expect(readFileSync(file, 'utf8')).toBe(
      original
        .replace('title: Windows Notes', 'title: Windows Notes, Kept')
        .replace('  - crlf\r\n', '  - crlf\r\n  - bom\r\n')
        .replace('kept on Windows.\r\n', 'kept on Windows.\r\nA new line.\r\n'),
    );
  });
});

test.describe('Jekyll’s singular category (a Jekyll blog)', () => {
  test.use({ blogSource: path.join(fixtureBlogs, 'jekyll') });

  test('`category: routes` is the Categories field in the form and the preview header', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    const file = path.join(blog, '_posts/2024-04-15-the-long-way-round.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('categories: [routes]', 'category: routes'),
    );
    initRepo(blog);
    await openPost(page, 'The Long Way Round');
    const form = page.getByRole('region', { name: 'Front matter' });
    const categories = form.locator('[data-field=categories]');
    await expect(categories.locator('.chip')).toHaveText(['routes×']);
    await expect(form.locator('[data-field=category]')).toHaveCount(0);
    await expect(page.locator('.preview-tag')).toContainText(['routes']);

    await form.locator('#fm-categories').fill('canals');
    await form.locator('#fm-categories').press('Enter');
    await expect(page.locator('.preview-tag')).toContainText(['routes', 'canals']);
    await categories.getByRole('button', { name: /^Remove .* canals$/ }).click();
    await expect(categories.locator('.chip')).toHaveText(['routes×']);
    // One value again: back to the key and the plain value the post had.
    expect(await editorText(page)).toContain('\ncategory: routes\n');
    await folio.screenshot('11-jekyll-category');
  });
});

test.describe('dates from file names (a Jekyll blog)', () => {
  test.use({ blogSource: path.join(fixtureBlogs, 'jekyll') });

  test('a post without `date:` is dated and sorted by its file name; the form says so', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    const file = path.join(blog, '_posts/2024-02-29-leap-day-loop.md');
    writeFileSync(file, '---\ntitle: Leap Day Loop\ncategories: [routes]\n---\nA short ride.\n');
    const list = page.getByRole('navigation', { name: 'Posts' });
    const row = list.getByRole('button', { name: /^Leap Day Loop/ });
    await expect(row).toContainText('Feb 29, 2024');
    // Newest first: between the April and the January posts.
    const titles = await list.locator('.post-title').allTextContents();
    expect(titles.indexOf('Leap Day Loop')).toBe(titles.indexOf('The Long Way Round') + 1);
    await openPost(page, 'Leap Day Loop');
    await expect(page.getByTestId('date-from-file-name')).toContainText(
      '2024-02-29, from the file name',
    );
    await expect(page.locator('[data-field=date] .field-warning')).toHaveCount(0);
    await folio.screenshot('12-date-from-file-name');
    // Setting a date writes the field; the file keeps its name.
    await page.locator('#fm-date').fill('2024-03-01T09:30');
    await expect(page.getByTestId('date-from-file-name')).toHaveCount(0);
    await save(page);
    expect(readFileSync(file, 'utf8')).toContain('\ndate: ');
  });
});

test.describe('scheduled posts (a Jekyll blog)', () => {
  test.use({ blogSource: path.join(fixtureBlogs, 'jekyll') });

  test('a post dated after today is marked Scheduled and has its own filter', async ({ folio }) => {
    const { page, blog } = folio;
    const year = new Date().getFullYear() + 2;
    writeFileSync(
      path.join(blog, `_posts/${year}-05-01-spring-tour.md`),
      `---\ntitle: Spring Tour\ndate: ${year}-05-01 09:00:00 +0000\n---\nPlans.\n`,
    );
    const list = page.getByRole('navigation', { name: 'Posts' });
    await expect(list.getByRole('button', { name: /^Spring Tour/ })).toContainText('Scheduled');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('scheduled');
    await expect(list.locator('.post-title')).toHaveText(['Spring Tour']);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('published');
    await expect(list.getByRole('button', { name: /^Spring Tour/ })).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
    await folio.screenshot('13-scheduled-post');
  });
});

test.describe('a post with 100,000 front-matter keys (2 MB)', () => {
  test('opens at once: the form says it is too large, the text stays editable and saves', async ({
    folio,
  }) => {
    const { page, blog } = folio;
    const keys = Array.from({ length: 100_000 }, (_, i) => `key${i}: value ${i}`).join('\n');
    const file = path.join(blog, 'source/_posts/huge-head.md');
    writeFileSync(file, `---\ntitle: Huge Head\n${keys}\n---\nA short body.\n`);
    const list = page.getByRole('navigation', { name: 'Posts' });
    await list.getByRole('button', { name: /^Huge Head/ }).click();
    await expect(page.getByTestId('fm-error')).toContainText(
      'Front matter error on line 2: It is 2127 KB, more than the form reads (64 KB)',
    );
    // The window answers: another post opens, and back.
    await openPost(page, NOTEBOOK);
    await list.getByRole('button', { name: /^Huge Head/ }).click();
    await expect(page.getByTestId('fm-error')).toBeVisible();
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(' More.');
    await save(page);
    expect(readFileSync(file, 'utf8').endsWith('A short body. More.\n')).toBe(true);
  });
});
