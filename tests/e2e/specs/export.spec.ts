import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures.ts';
import { answerSaveDialogs, openPost } from '../helpers.ts';
import { sampleBlog } from '../hosts/paths.ts';

test('a post exports to one HTML file: title, images inlined as data: URIs, no script', async ({
  folio,
}) => {
  const { page } = folio;
  const out = mkdtempSync(path.join(os.tmpdir(), 'folio-export-'));
  try {
    const target = path.join(out, 'tomatoes.html');
    await answerSaveDialogs(folio, [target]);
    await openPost(page, 'What the Tomatoes Taught Me This Summer');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'HTML file…' }).click();
    await expect(page.getByTestId('status-text')).toHaveText(`Exported to ${target}`);

    const html = readFileSync(target, 'utf8');
    expect(html).toContain('<title>What the Tomatoes Taught Me This Summer</title>');
    expect(html).toContain(
      '<h1 class="preview-title">What the Tomatoes Taught Me This Summer</h1>',
    );
    const garden = readFileSync(path.join(sampleBlog, 'source/images/garden-rows.png'));
    const dataUri = `data:image/png;base64,${garden.toString('base64')}`;
    // The body image and the cover, both the same file.
    expect(html.split(dataUri).length - 1).toBe(2);
    expect(html).toContain('alt="Rows of raised beds in late summer"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('folio-asset:');
    expect(html).toContain('.preview-body'); // the preview's styles came along

    // The file stands alone: opened straight from disk, it shows the images.
    const viewer = await page.context().newPage();
    await viewer.goto(`file://${target}`);
    await expect(viewer.locator('h1')).toHaveText('What the Tomatoes Taught Me This Summer');
    const sizes = await viewer
      .locator('img')
      .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    expect(sizes).toEqual([800, 800]);
    await viewer.screenshot({ path: path.join(out, 'shot.png') });
    await viewer.close();
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// PDF: Playwright's page.pdf() stands in for webContents.printToPDF in the Chromium host.
test('a post exports to PDF; cancelling the dialog writes nothing', async ({ folio }) => {
  const { page } = folio;
  const out = mkdtempSync(path.join(os.tmpdir(), 'folio-export-'));
  try {
    const target = path.join(out, 'dal.pdf');
    await answerSaveDialogs(folio, [null, target]);
    await openPost(page, 'A Weeknight Dal That Actually Works');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'PDF…' }).click();
    await expect(page.getByRole('menuitem', { name: 'PDF…' })).toBeHidden();
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'PDF…' }).click();
    await expect(page.getByTestId('status-text')).toHaveText(`Exported to ${target}`);
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
