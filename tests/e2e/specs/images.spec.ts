import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { editorText, openPost } from '../helpers.ts';
import { sampleBlog } from '../hosts/paths.ts';

const png = readFileSync(path.join(sampleBlog, 'source/images/garden-rows.png'));

/** Fires a paste or a drop of these files on the editor, as the OS would deliver them. */
async function deliverFiles(
  page: Page,
  kind: 'paste' | 'drop',
  files: Array<{ name: string; type: string; bytes: number[] }>,
): Promise<void> {
  await page.evaluate(
    ([kind, files]) => {
      const transfer = new DataTransfer();
      for (const f of files)
        transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      const content = document.querySelector('.cm-content')!;
      const lines = content.querySelectorAll('.cm-line');
      const line = lines[lines.length - 1]!.getBoundingClientRect();
      const event =
        kind === 'paste'
          ? new ClipboardEvent('paste', {
              clipboardData: transfer,
              bubbles: true,
              cancelable: true,
            })
          : new DragEvent('drop', {
              dataTransfer: transfer,
              bubbles: true,
              cancelable: true,
              clientX: line.right - 2,
              clientY: line.top + line.height / 2,
            });
      content.dispatchEvent(event);
    },
    [kind, files] as const,
  );
}

test('a pasted image is copied into source/images, named after the post, and shows in the preview', async ({
  folio,
}) => {
  const { page, blog } = folio;
  await openPost(page, 'Debouncing Without Tears');
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await deliverFiles(page, 'paste', [{ name: 'image.png', type: 'image/png', bytes: [...png] }]);

  await expect.poll(() => editorText(page)).toContain('![](/images/debouncing-without-tears.png)');
  const file = path.join(blog, 'source/images/debouncing-without-tears.png');
  expect(readFileSync(file).equals(png)).toBe(true);
  await expect(page.getByTestId('status-text')).toHaveText(
    'Added source/images/debouncing-without-tears.png',
  );
  const shown = page
    .getByTestId('preview-body')
    .locator('img[data-src="/images/debouncing-without-tears.png"]');
  await expect(shown).toHaveCount(1);
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);
  await folio.screenshot('40-image-pasted');

  // A second image never overwrites the first.
  await deliverFiles(page, 'drop', [{ name: 'again.png', type: 'image/png', bytes: [...png] }]);
  await expect
    .poll(() => editorText(page))
    .toContain('![](/images/debouncing-without-tears-2.png)');
  expect(
    readdirSync(path.join(blog, 'source/images')).filter((f) => f.startsWith('debouncing')),
  ).toEqual(['debouncing-without-tears-2.png', 'debouncing-without-tears.png']);
});

test('dropping a file that is not an image is refused with a message, and nothing is written', async ({
  folio,
}) => {
  const { page, blog } = folio;
  await openPost(page, 'Debouncing Without Tears');
  const before = await editorText(page);
  const imagesBefore = readdirSync(path.join(blog, 'source/images'));
  await deliverFiles(page, 'drop', [
    { name: 'notes.txt', type: 'text/plain', bytes: [...Buffer.from('some notes')] },
  ]);
  await expect(page.getByTestId('status-text')).toHaveText(
    '“notes.txt” is not an image Folio can add (PNG, JPEG, GIF, WebP, SVG or AVIF)',
  );
  expect(await editorText(page)).toBe(before);
  expect(readdirSync(path.join(blog, 'source/images'))).toEqual(imagesBefore);
});
