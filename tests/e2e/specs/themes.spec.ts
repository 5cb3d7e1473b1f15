import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures.ts';
import { contrasts, openPost } from '../helpers.ts';
import { repoRoot, screenshotDir } from '../hosts/paths.ts';

const READ = {
  'preview text': '[data-testid="preview-body"] p',
  'preview title': '.preview-title',
  'editor text': '.cm-line',
  // The second line of the front matter is `title: …`: its first span is the YAML key.
  'YAML key in the editor': '.cm-line:nth-child(2) > span:first-child',
  'post title in the list': 'nav[aria-label="Posts"] button',
  'form field': '#fm-title',
  'workspace name': '.workspace-name',
};
const SECONDARY = {
  'post date in the list': 'nav[aria-label="Posts"] .post-meta',
  'preview date': '.preview-meta time',
  'status bar': '.status-bar',
};

for (const theme of ['light', 'dark'] as const) {
  test(`the ${theme} theme: readable everywhere a writer looks, and its screenshot`, async ({
    folio,
  }) => {
    const { page } = folio;
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await openPost(page, 'What the Tomatoes Taught Me This Summer');
    const preview = page.getByTestId('preview-body');
    await expect(preview.locator('img')).toHaveJSProperty('complete', true);
    await expect(page.locator('.preview-cover')).toHaveJSProperty('complete', true);

    // The highlighter parses in the background: wait for the YAML key to be coloured.
    await page.locator(READ['YAML key in the editor']).waitFor();
    const main = await contrasts(page, READ);
    for (const [name, ratio] of Object.entries(main)) {
      expect(ratio, `${theme}: ${name} contrast`).toBeGreaterThanOrEqual(4.5);
    }
    const secondary = await contrasts(page, SECONDARY);
    for (const [name, ratio] of Object.entries(secondary)) {
      expect(ratio, `${theme}: ${name} contrast`).toBeGreaterThanOrEqual(3);
    }

    // Nothing a writer reads spills sideways out of its pane (the splitters straddle the
    // pane edges on purpose).
    const overflowing = await page.evaluate(() =>
      ['.sidebar', '.editor-column', '.preview-scroller'].flatMap((selector) => {
        const pane = document.querySelector(selector)!;
        const { left, right } = pane.getBoundingClientRect();
        return [...pane.querySelectorAll('*')]
          .filter((el) => !el.closest('[role="separator"]'))
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && (box.right > right + 1 || box.left < left - 1);
          })
          .slice(0, 3)
          .map((el) => `${selector} > ${el.tagName.toLowerCase()}.${el.className}`);
      }),
    );
    await folio.screenshot(`90-theme-${theme}`);
    expect(overflowing).toEqual([]);
    // `FOLIO_DOCS_SCREENSHOTS=1 npm run test:e2e -- specs/themes.spec.ts` refreshes the README's.
    if (process.env.FOLIO_DOCS_SCREENSHOTS && folio.host === 'chromium') {
      const docs = path.join(repoRoot, 'docs');
      mkdirSync(docs, { recursive: true });
      copyFileSync(
        path.join(screenshotDir, `chromium-90-theme-${theme}.png`),
        path.join(docs, theme === 'light' ? 'screenshot.png' : 'screenshot-dark.png'),
      );
    }
  });
}
