import type { Locator, Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures.ts';
import { openPost, replaceBody } from '../helpers.ts';

const longBody = Array.from(
  { length: 120 },
  (_, i) =>
    `## Section ${i + 1}\n\nParagraph ${i + 1} has a few sentences so that the preview has some height to scroll through, like a real post would.\n`,
).join('\n');

/** Scrolls the editor so the line holding `text` is at its top; CodeMirror places the line. */
function scrollEditorTo(page: Page, text: string): Promise<void> {
  return page.evaluate((find) => {
    type View = {
      dispatch(spec: { effects: unknown }): void;
      state: { doc: { toString(): string } };
      constructor: { scrollIntoView(pos: number, options: { y: 'start' }): unknown };
    };
    const view = (document.querySelector('.cm-content') as HTMLElement & { cmTile: { view: View } })
      .cmTile.view;
    const at = view.state.doc.toString().indexOf(find);
    view.dispatch({ effects: view.constructor.scrollIntoView(at, { y: 'start' }) });
  }, text);
}

/** The text of the first editor line showing at the top of the editor. */
function firstEditorLine(page: Page): Promise<string> {
  return page.evaluate(() => {
    const scroller = document.querySelector('.cm-scroller')!;
    const top = scroller.getBoundingClientRect().top;
    const line = [...document.querySelectorAll('.cm-line')].find(
      (l) => l.getBoundingClientRect().bottom > top + 20,
    );
    return line?.textContent ?? '';
  });
}

/** How far the preview's heading `text` is from the preview's top, in pixels. */
function headingOffset(preview: Locator, text: string): Promise<number> {
  return preview.evaluate((el, wanted) => {
    const heading = [...el.querySelectorAll('h2')].find((h) => h.textContent === wanted);
    if (!heading) return Infinity;
    return Math.abs(heading.getBoundingClientRect().top - el.getBoundingClientRect().top);
  }, text);
}

test('the preview follows the editor’s scroll and the editor follows the preview’s', async ({
  folio,
}) => {
  const { page } = folio;
  await openPost(page, 'Debouncing Without Tears');
  await replaceBody(page, longBody);
  const preview = page.getByTestId('preview-scroller');
  await expect(preview.locator('h2', { hasText: 'Section 120' })).toHaveCount(1);

  // Editor -> preview: bring "## Section 100" to the top of the editor. The preview's blocks
  // sit in groups of 64 (patch-blocks.ts): both moves land outside the first group. CodeMirror
  // places the line itself: it knows line heights it has only estimated so far.
  await scrollEditorTo(page, '## Section 100');
  await expect.poll(() => headingOffset(preview, 'Section 100')).toBeLessThan(40);

  // Preview -> editor: bring "Section 70" to the top of the preview. While the preview still
  // settles from the editor's move (its skipped groups being laid out), its scroll events are
  // taken for layout, not the reader's (useScrollSync.ts): a reader keeps scrolling, and so
  // does this, a pixel short and then there, until the editor follows.
  await expect
    .poll(async () => {
      await preview.evaluate(async (el) => {
        const heading = [...el.querySelectorAll('h2')].find((h) => h.textContent === 'Section 70')!;
        const target =
          el.scrollTop + heading.getBoundingClientRect().top - el.getBoundingClientRect().top;
        el.scrollTop = target - 1;
        await new Promise(requestAnimationFrame);
        el.scrollTop = target;
      });
      return firstEditorLine(page);
    })
    .toMatch(/Section 70|Paragraph 69/);
  await folio.screenshot('20-scroll-sync');
});

test('clicking a block in the preview puts the cursor on its line', async ({ folio }) => {
  const { page } = folio;
  await openPost(page, 'Debouncing Without Tears');
  await replaceBody(page, longBody);
  await page.getByTestId('preview-body').locator('p', { hasText: 'Paragraph 3 has' }).click();
  await expect(page.locator('.cm-activeLine')).toContainText('Paragraph 3 has');
});

test('sync can be turned off', async ({ folio }) => {
  const { page } = folio;
  await openPost(page, 'Debouncing Without Tears');
  await replaceBody(page, longBody);
  await page.getByLabel('Sync scroll').uncheck();
  await page.evaluate(() => {
    document.querySelector('.cm-scroller')!.scrollTop = 2000;
  });
  await page.waitForTimeout(200);
  expect(await page.getByTestId('preview-scroller').evaluate((el) => el.scrollTop)).toBe(0);
});

test('images resolve like the site does, and a missing one says which path', async ({ folio }) => {
  const { page } = folio;
  await openPost(page, 'What the Tomatoes Taught Me This Summer');
  const inline = page.getByTestId('preview-body').locator('img').first();
  await expect(inline).toHaveJSProperty('complete', true);
  expect(await inline.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await replaceBody(
    page,
    '![gone](/images/not-here.png)\n\n![outside](../../../../etc/passwd)\n\n![remote-js](javascript:alert(1))\n',
  );
  const missing = page.getByTestId('preview-body').locator('.missing-image');
  await expect(missing).toHaveCount(2);
  // markdown-it refuses a javascript: image outright: it stays text, never an <img>.
  await expect(page.getByTestId('preview-body')).toContainText('![remote-js](javascript:alert(1))');
  await expect(page.getByTestId('preview-body').locator('img')).toHaveCount(0);
  await expect(missing.first()).toHaveText('Image not found: /images/not-here.png');
  await folio.screenshot('21-missing-images');
});

test('the dark theme', async ({ folio }) => {
  const { page } = folio;
  await page.getByLabel('Theme').selectOption('dark');
  await openPost(page, 'Debouncing Without Tears');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
    'rgb(246, 243, 238)',
  );
  await folio.screenshot('22-dark');
});

test('math, task lists and heading ids survive sanitizing, safely', async ({ folio }) => {
  const { page } = folio;
  await openPost(page, 'Debouncing Without Tears');
  await replaceBody(
    page,
    '## Title\n\nEuler: $e^{i\\pi} + 1 = 0$\n\n- [x] done\n- [ ] to do\n\n[back to the title](#Title)\n',
  );
  const body = page.getByTestId('preview-body');
  await expect(body.locator('.katex')).toHaveCount(1);
  // KaTeX positions glyphs with inline styles; those are kept inside .katex only.
  expect(await body.locator('.katex [style]').count()).toBeGreaterThan(0);
  await expect(body.locator('input[type=checkbox]')).toHaveCount(2);
  await expect(body.locator('input[type=checkbox]').first()).toBeDisabled();
  await expect(body.locator('input[type=checkbox]').first()).toBeChecked();
  // The sample blog is Hexo's: its heading ids keep their case, as hexo-renderer-marked makes
  // them; they get GitHub's prefix so a heading cannot shadow a document property.
  await expect(body.locator('h2')).toHaveAttribute('id', 'user-content-Title');
  await body.getByText('back to the title').click();
  await folio.screenshot('23-math-tasks');
});

test('a post too heavy to show at once pauses the preview; Render anyway shows it, and the next post previews as usual', async ({
  folio,
}) => {
  const { page, blog } = folio;
  // 3,000 formulas in one paragraph: more than the window builds without stalling.
  const storm = `---\ntitle: Formula Storm\n---\n${'$x^2$ '.repeat(3000)}\n\nAfter the storm.\n`;
  writeFileSync(path.join(blog, 'source/_posts/formula-storm.md'), storm);
  await openPost(page, 'Formula Storm');
  const paused = page.getByRole('status').filter({ hasText: 'Preview paused' });
  await expect(paused).toContainText('more math or markup than the window can show');
  const body = page.getByTestId('preview-body');
  await expect(body.locator('.katex')).toHaveCount(0);
  // The editor goes on: typing works while the preview is paused.
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Calm.');
  await folio.screenshot('24-preview-paused-heavy');
  await paused.getByRole('button', { name: 'Render anyway' }).click();
  await expect(paused).toHaveCount(0);
  await expect(body.locator('.katex')).toHaveCount(3000);
  await expect(body).toContainText('After the storm. Calm.');
  await openPost(page, 'Debouncing Without Tears');
  await expect(page.getByRole('status').filter({ hasText: 'Preview paused' })).toHaveCount(0);
  await expect(body.locator('h1, h2').first()).toBeVisible();
});

test('the blog’s own stylesheet styles the preview and nothing else', async ({ folio }) => {
  const { page, controls } = folio;
  test.skip(!controls, 'needs the Chromium host: it answers the file dialog');
  const css = path.join(folio.blog, 'themes', 'mine', 'style.css');
  mkdirSync(path.dirname(css), { recursive: true });
  writeFileSync(
    css,
    [
      '@import url("https://evil.example/more.css");',
      'body { background: rgb(250, 240, 200); font-family: monospace; }',
      'h2 { color: rgb(200, 0, 0); }',
      'button, .toolbar, .preview-bar { color: rgb(0, 200, 0); }',
      '.missing { position: fixed; top: 0; left: 0; }',
      '} .status-bar { display: none; } {',
    ].join('\n'),
  );
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await openPost(page, 'Debouncing Without Tears');
  const article = page.locator('#folio-preview-article');
  const heading = article.locator('.preview-body h2').first();
  const colour = (locator: Locator, property: string) =>
    locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
  const appBackground = await colour(page.locator('body'), 'background-color');

  controls!.filePicks.push(css);
  await page.getByRole('button', { name: 'Blog CSS…' }).click();
  await expect(page.getByRole('button', { name: 'style.css' })).toBeVisible();
  await expect.poll(() => colour(heading, 'color')).toBe('rgb(200, 0, 0)');
  expect(await colour(article, 'background-color')).toBe('rgb(250, 240, 200)');
  expect(await colour(article, 'font-family')).toBe('monospace');
  // The app around the preview keeps its own look; nothing was fetched for the @import.
  expect(await colour(page.locator('body'), 'background-color')).toBe(appBackground);
  expect(await colour(page.getByRole('button', { name: 'style.css' }), 'color')).not.toBe(
    'rgb(0, 200, 0)',
  );
  expect(await colour(page.locator('.preview-bar'), 'color')).not.toBe('rgb(0, 200, 0)');
  await expect(page.locator('.status-bar')).toBeVisible();
  expect(requests.filter((url) => url.includes('evil.example'))).toEqual([]);
  await folio.screenshot('24-blog-css');

  // × drops it.
  await page.getByRole('button', { name: 'Stop using the blog’s stylesheet' }).click();
  await expect(page.getByRole('button', { name: 'Blog CSS…' })).toBeVisible();
  await expect.poll(() => colour(heading, 'color')).not.toBe('rgb(200, 0, 0)');
});

test('a post opens at its top, or where the writer left it; the preview matches', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const shell = path.join(blog, 'source/_posts/why-i-still-write-shell-scripts.md');
  const text = readFileSync(shell, 'utf8');
  const head = text.slice(0, text.indexOf('---', 4) + 4);
  writeFileSync(shell, `${head}\n${longBody.replaceAll('Section', 'Part')}`);
  const preview = page.getByTestId('preview-scroller');

  await openPost(page, 'Debouncing Without Tears');
  await replaceBody(page, longBody);
  await expect(preview.locator('h2', { hasText: 'Section 120' })).toHaveCount(1);
  await scrollEditorTo(page, '## Section 100');
  await expect.poll(() => headingOffset(preview, 'Section 100')).toBeLessThan(40);

  await openPost(page, 'Why I Still Write Shell Scripts');
  await expect(preview.locator('h2', { hasText: 'Part 120' })).toHaveCount(1);
  await expect.poll(() => firstEditorLine(page)).toBe('---');
  await expect.poll(() => preview.evaluate((el) => el.scrollTop)).toBe(0);
  await folio.screenshot('21-opens-at-top');

  await openPost(page, 'Debouncing Without Tears');
  await expect.poll(() => firstEditorLine(page)).toMatch(/Section 100|Paragraph 99/);
  await expect.poll(() => headingOffset(preview, 'Section 100')).toBeLessThan(40);
  await folio.screenshot('22-opens-where-left');
});

test('remote images: loaded by default; held back when the writer asks, and loaded per post on request', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('pixel.example')) requested.push(request.url());
  });
  const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
  await page.route('https://pixel.example/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/gif', body: gif }),
  );
  const file = path.join(blog, 'source/_posts/debouncing-without-tears.md');
  const text = readFileSync(file, 'utf8');
  const head = text.slice(0, text.indexOf('---', 4) + 4);
  writeFileSync(
    file,
    `${head}\nA pixel: ![](https://pixel.example/t.gif) and <img src="//pixel.example/u.gif">.\n`,
  );

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Remote images').selectOption('ask');
  await page.keyboard.press('Escape');
  await openPost(page, 'Debouncing Without Tears');
  const preview = page.getByTestId('preview-scroller');
  await expect(preview.locator('.remote-image')).toHaveText([
    'Remote image not loaded: pixel.example',
    'Remote image not loaded: pixel.example',
  ]);
  const bar = page.getByRole('status', { name: 'Remote images' });
  await expect(bar).toContainText('images from the web are not loaded');
  await folio.screenshot('23-remote-images-held');
  expect(requested).toEqual([]);

  await bar.getByRole('button', { name: 'Load for this post' }).click();
  await expect(preview.locator('img[src="https://pixel.example/t.gif"]')).toHaveCount(1);
  await expect(preview.locator('.remote-image')).toHaveCount(0);
  await expect.poll(() => requested.length).toBeGreaterThan(0);
});
