/**
 * Each generator's template syntax in the preview, on a fixture blog of that generator
 * (tests/fixtures/dialects/): the constructs render as the site would or as labelled chips,
 * and no raw braces show outside code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { answerSaveDialogs, contrasts, openPost } from '../helpers.ts';
import { repoRoot } from '../hosts/paths.ts';

const dialects = path.join(repoRoot, 'tests', 'fixtures', 'dialects');

/**
 * Raw template syntax in the preview's visible text, outside code and outside `literal`
 * (the paragraphs the post means to show literally: `{% raw %}`, Hugo's comment form).
 */
function rawSyntax(preview: Locator, literal: string[] = []): Promise<string[]> {
  return preview.evaluate((article, literal) => {
    const copy = article.cloneNode(true) as HTMLElement;
    for (const code of copy.querySelectorAll('pre, code')) code.remove();
    for (const p of copy.querySelectorAll('p'))
      if (literal.some((text) => p.textContent?.includes(text))) p.remove();
    const text = copy.textContent ?? '';
    return [...text.matchAll(/\{%|\{\{[<%]|\{\{\s*[^\s{}][^{}]*\}\}/g)].map((m) => m[0]);
  }, literal);
}

const article = (folio: { page: import('@playwright/test').Page }) =>
  folio.page.locator('#folio-preview-article');

test.describe('Hugo shortcodes', () => {
  test.use({ blogSource: path.join(dialects, 'hugo') });

  test('params, refs, figures, highlighted code and site shortcodes render; nothing raw shows', async ({
    folio,
  }) => {
    await openPost(folio.page, 'The Ridge Walk');
    const preview = article(folio);
    await expect(preview).toContainText('Written by Ines Varga in the Lakes');
    await expect(preview.getByRole('link', { name: 'the next post' })).toHaveAttribute(
      'href',
      '/posts/alpine-hut/',
    );
    await expect(preview.locator('figure figcaption h4').first()).toHaveText('Striding Edge');
    const firstImage = preview.locator('figure img').first();
    await expect
      .poll(() => firstImage.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(preview.locator('.tpl-line-number')).toHaveCount(5);
    await expect(preview.locator('.tpl-line-marked')).toHaveCount(2);
    const callout = preview.locator('[data-tpl="callout"]').first();
    await expect(callout.locator('.tpl-chip-note')).toHaveText('site');
    await expect(callout.locator('.tpl-inner strong')).toHaveText('50 mph');
    await expect(preview.locator('details summary').last()).toHaveText('Why the ridge?');
    await expect(preview.locator('.tpl-card')).toContainText('YouTube video');
    // Shown literally, and read by the typographer as Hugo's Goldmark reads it.
    await expect(preview).toContainText('type {{< figure src=“/images/x.png” >}} in the post');
    // Goldmark's own: heading attributes, definition lists, typographer; GitHub's alerts.
    await expect(preview.locator('h2#user-content-kit')).toHaveText('Kit check');
    await expect(preview.locator('h2#user-content-kit')).toHaveClass('checklist');
    await expect(preview.locator('.markdown-alert-tip .markdown-alert-title')).toHaveText('Tip');
    await expect(preview.locator('dl dt').first()).toHaveText('Bivvy bag');
    await expect(preview).toContainText(
      '“Wind” – the one thing the forecast gets wrong… every time.',
    );
    await preview.locator('h2#user-content-kit').scrollIntoViewIfNeeded();
    await folio.screenshot('22-goldmark-flavour');
    expect(await rawSyntax(preview, ['in the post'])).toEqual([]);
    await callout.scrollIntoViewIfNeeded();
    await folio.screenshot('14-hugo-shortcodes');
  });
});

test.describe('Template chips, cards and alerts', () => {
  test.use({ blogSource: path.join(dialects, 'hugo') });

  for (const theme of ['light', 'dark'] as const) {
    test(`are readable in the ${theme} theme`, async ({ folio }) => {
      const { page } = folio;
      await page.getByLabel('Theme').selectOption(theme);
      await openPost(page, 'Packing for a Long Day');
      await expect(article(folio).locator('.tpl-chip-note').first()).toBeVisible();
      await page.getByRole('button', { name: /The Ridge Walk/ }).click();
      await expect(article(folio).locator('.markdown-alert-title')).toBeVisible();
      const ratios = await contrasts(page, {
        'chip name': '.tpl-chip-name',
        'chip arguments': '.tpl-chip-args',
        'chip note': '.tpl-chip-note',
        'card label': '.tpl-card-label',
        'alert title': '.markdown-alert-title',
        'line number': '.tpl-line-number',
      });
      for (const [name, ratio] of Object.entries(ratios))
        expect(ratio, `${theme}: ${name} contrast`).toBeGreaterThanOrEqual(4.5);
      await folio.screenshot(`23-templates-${theme}`);
    });
  }
});

test.describe('Hugo’s library', () => {
  test.use({ blogSource: path.join(dialects, 'hugo') });

  test('each post shows its URL; section pages are marked; a link to a post opens it', async ({
    folio,
  }) => {
    const { page } = folio;
    const list = page.getByRole('navigation', { name: 'Posts' });
    const section = list.getByRole('button', { name: /Walks and Trips/ });
    await expect(section.locator('.badge-section')).toHaveText('Section');
    await expect(
      list.getByRole('button', { name: /Packing for a Long Day/ }).locator('.badge-expired'),
    ).toHaveText('Expired');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('sections');
    await expect(list.getByRole('button')).toHaveCount(1);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
    await openPost(page, 'The Ridge Walk');
    await expect(page.getByTestId('post-url')).toHaveText('/posts/ridge-walk/');
    await folio.screenshot('20-hugo-url-and-sections');
    // Export shows the shortcodes as the preview does.
    const out = mkdtempSync(path.join(os.tmpdir(), 'folio-export-'));
    try {
      const target = path.join(out, 'ridge.html');
      await answerSaveDialogs(folio, [target]);
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: 'HTML file…' }).click();
      await expect(page.getByTestId('status-text')).toHaveText(`Exported to ${target}`);
      const html = readFileSync(target, 'utf8');
      expect(html).toContain('Written by Ines Varga in the Lakes');
      expect(html).toContain('<h4>Striding Edge</h4>');
      expect(html).toContain('.tpl-chip');
      // Only the shortcodes the post writes literally (`{{</* */>}}`) show braces.
      expect(html).not.toMatch(/\{\{&lt; (param|ref|figure src=&quot;\/images\/ridge)/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    await article(folio).getByRole('link', { name: 'the next post' }).click();
    await expect(page.locator('#fm-title')).toHaveValue('A Night in the Alpine Hut');
    await expect(page.getByTestId('post-url')).toHaveText('/posts/alpine-hut/');
  });
});

test.describe('Hugo shortcodes in the editor', () => {
  test.use({ blogSource: path.join(dialects, 'hugo') });

  test('are highlighted, and Insert Shortcode lists the site’s and Hugo’s with their parameters', async ({
    folio,
  }) => {
    const { page } = folio;
    await openPost(page, 'Packing for a Long Day');
    const editor = page.locator('.cm-content');
    await expect(
      editor.locator('.cm-tpl-name', { hasText: 'config-sample' }).first(),
    ).toBeVisible();
    // The cursor in a paired construct outlines it and its close.
    await editor.locator('.cm-tpl-name', { hasText: 'config-sample' }).first().click();
    await expect(editor.locator('.cm-tpl-match')).toHaveCount(2);
    await expect(editor.locator('.cm-tpl-match').last()).toContainText('/config-sample');
    // An opener never closed is marked as such.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nBroken {{< figure src="a.png"');
    await expect(editor.locator('.cm-tpl-broken')).toHaveCount(1);
    // Past the braces the editor closed for us.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await page.keyboard.type('insert shortcode');
    await expect(palette.getByRole('option').first()).toContainText('Edit: Insert Shortcode…');
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    const list = page.locator('.cm-tooltip-autocomplete');
    await expect(list.getByRole('option', { name: /callout/ })).toBeVisible();
    await expect(list.getByRole('option', { name: /figure/ })).toBeVisible();
    await page.keyboard.type('callo');
    const selected = list.locator('[aria-selected="true"]');
    await expect(selected).toContainText('callout');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' ');
    await expect(list.getByRole('option', { name: /type/ })).toBeVisible();
    await page.keyboard.type('ty');
    await expect(selected).toContainText('type');
    await folio.screenshot('19-shortcode-completion');
    await page.keyboard.press('Enter');
    await expect(page.locator('.cm-activeLine')).toContainText('{{< callout type="" >}}');
  });
});

test.describe('Hexo tag plugins', () => {
  test.use({ blogSource: path.join(dialects, 'hexo') });

  test('asset images, included code, code blocks, quotes and post links render', async ({
    folio,
  }) => {
    // source/about/index.md is a page: listed, with its own URL, and a Kind of its own.
    const kind = folio.page.getByRole('combobox', { name: 'Kind' });
    await expect(kind.locator('option').first()).toHaveText('2 posts, 1 page');
    await kind.selectOption('pages');
    await openPost(folio.page, 'About the Diary');
    await expect(folio.page.getByTestId('post-url')).toHaveText('/about/');
    await expect(article(folio).getByRole('link', { name: 'Start here' })).toHaveAttribute(
      'href',
      '/2024/05/03/first-cruise/',
    );
    await kind.selectOption('');
    await openPost(folio.page, 'Working the Canal Locks');
    await expect(folio.page.getByTestId('post-url')).toHaveText('/2024/07/14/canal-locks/');
    const preview = article(folio);
    const gate = preview.locator('img[alt="Bottom gates of lock 7"]');
    await expect
      .poll(() => gate.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(preview.locator('[data-tpl="include_code"]').first()).toContainText(
      'function turns',
    );
    await expect(preview.locator('[data-tpl="codeblock"] figcaption')).toContainText(
      'lock-order.txt',
    );
    await expect(preview.locator('blockquote footer').first()).toContainText('Oskar Lind');
    await expect(preview.getByRole('link', { name: 'Our First Cruise' }).first()).toBeVisible();
    await expect(preview.locator('[data-tpl="pullout"] .tpl-chip-note')).toHaveText('site');
    await expect(preview.locator('.raw-block em')).toHaveText('as written');
    await expect(preview.locator('code', { hasText: '{% asset_img x.png %}' })).toHaveCount(1);
    expect(await rawSyntax(preview, ['Kept'])).toEqual([]);
    await preview.locator('[data-tpl="include_code"]').first().scrollIntoViewIfNeeded();
    await folio.screenshot('15-hexo-tags');
  });
});

test.describe('Jekyll Liquid', () => {
  test.use({ blogSource: path.join(dialects, 'jekyll') });

  test('site and page values, includes, highlight and raw render; control flow shows as chips', async ({
    folio,
  }) => {
    // The docs collection is listed with the posts, and the Kind filter tells them apart.
    const kind = folio.page.getByRole('combobox', { name: 'Kind' });
    await expect(kind.locator('option').first()).toHaveText('2 posts, 2 docs, 1 page');
    await kind.selectOption('docs');
    const list = folio.page.getByRole('navigation', { name: 'Posts' });
    await expect(list.getByRole('button')).toHaveText([/Getting Started/, /Tyre Levers/]);
    await list.getByRole('button', { name: /Tyre Levers/ }).click();
    await expect(folio.page.getByTestId('post-url')).toHaveText('/journal/docs/tools/tyre-levers/');
    await folio.screenshot('24-jekyll-collection');
    await expect(article(folio).getByRole('link', { name: 'the first steps' })).toHaveAttribute(
      'href',
      '/journal/docs/getting-started/',
    );
    await kind.selectOption('');
    await openPost(folio.page, 'Over the Col du Galibier');
    const preview = article(folio);
    await expect(preview).toContainText(
      'A post for Saddle Sore (Notes from long days on a bicycle), by Priya Nair.',
    );
    await expect(preview).toContainText('filed under climbs, france');
    // relative_url writes the site's base path; the preview still finds the file.
    const climb = preview.locator('img[alt="The climb"]');
    await expect(climb).toHaveAttribute('data-src', '/journal/assets/img/climb.png');
    await expect
      .poll(() => climb.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(preview.getByRole('link', { name: 'by file' })).toHaveAttribute(
      'href',
      '/journal/2024/08/02/valloire.html',
    );
    await expect(preview.locator('aside.tip').first()).toContainText('Eat before you are hungry.');
    await expect(preview.locator('table td', { hasText: '110 g' })).toHaveCount(1);
    await expect(preview.locator('.language-python .tpl-line-number')).toHaveCount(2);
    await expect(preview.locator('[data-tpl="if"] > .tpl-chip')).toContainText(
      'page.distance > 40',
    );
    await expect(preview.locator('[data-tpl="strava"] .tpl-chip-note')).toHaveText('site');
    await expect(preview).toContainText(
      'In a layout, write {{ page.title }} and {% include tip.html %}.',
    );
    await expect(preview).not.toContainText('Check the gradient figures');
    // kramdown's own: {:toc}, IALs, definition lists, abbreviations; ALDs hidden.
    await expect(preview.locator('.markdown-toc a')).toHaveText([
      'The last kilometre',
      'Gearing notes',
    ]);
    await expect(preview.locator('p.note')).toContainText('Compact cranks');
    await expect(preview.locator('abbr[title="Hyper Text Markup Language"]')).toHaveText('HTML');
    await expect(preview.locator('dl dd')).toHaveText('The smallest ring, for the steepest part.');
    await expect(preview.locator('.markdown-alert-caution')).toContainText('cold even in August');
    await expect(preview).not.toContainText('{:gear');
    await preview.locator('.markdown-toc').scrollIntoViewIfNeeded();
    await folio.screenshot('21-kramdown-flavour');
    expect(await rawSyntax(preview, ['In a layout', 'Inline raw'])).toEqual([]);
    await preview.locator('[data-tpl="if"]').scrollIntoViewIfNeeded();
    await folio.screenshot('16-jekyll-liquid');
  });
});

test.describe('Eleventy', () => {
  test.use({ blogSource: path.join(dialects, 'eleventy') });

  test('front matter values, paired shortcodes and includes render', async ({ folio }) => {
    await openPost(folio.page, 'Planting Autumn Garlic');
    const preview = article(folio);
    await expect(preview).toContainText(
      'This is "Planting Autumn Garlic" in bed 4; the page lives at /posts/autumn-garlic/.',
    );
    await expect(preview.locator('[data-tpl="callout"] .tpl-inner strong')).toHaveText(
      'pointy end up',
    );
    await expect(preview.locator('table td', { hasText: 'October' })).toHaveCount(1);
    await expect(preview).toContainText('Template tip: write {{ title }} in layouts.');
    expect(await rawSyntax(preview, ['Template tip'])).toEqual([]);
    await folio.screenshot('17-eleventy-liquid');
  });
});

test.describe('MDX', () => {
  test.use({ blogSource: path.join(dialects, 'astro') });

  test('imports and exports are hidden; components show as chips around their children', async ({
    folio,
  }) => {
    await openPost(folio.page, 'Developing HP5 at Home');
    const preview = article(folio);
    await expect(
      preview.getByTestId('preview-body').getByRole('heading', { name: 'Developing HP5 at home' }),
    ).toBeVisible();
    await expect(preview).not.toContainText('import Callout');
    await expect(preview).not.toContainText('developer:');
    const callout = preview.locator('[data-tpl="Callout"]').first();
    await expect(callout.locator('.tpl-chip-note')).toHaveText('site');
    await expect(callout.locator('.tpl-inner strong')).toHaveText('reusable');
    await expect(preview.locator('[data-tpl="Chart"] .tpl-chip-note')).toHaveText('unknown');
    await expect(preview.locator('kbd')).toHaveText('Ctrl');
    await folio.screenshot('18-mdx-components');
  });
});
