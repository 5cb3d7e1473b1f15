/**
 * Files the library leaves out are named, with why, under the post list: a binary file named
 * `.md`, a folder linked to its parent, a link out of the blog. A missing post is never a
 * mystery to the writer. docs/SAFETY.md lists what this proves.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures.ts';
import { openChromiumHost } from '../hosts/chromium-host.ts';
import { screenshotDir, tempBlog } from '../hosts/paths.ts';

const POSTS = 'source/_posts';
const TITLE = 'Debouncing Without Tears';
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

test('the post list names the files it skipped, and why', async ({ folio }, testInfo) => {
  test.skip(folio.host === 'electron', 'the blog is prepared before the Chromium host opens it');
  test.skip(process.platform === 'win32', 'symbolic links need privileges on Windows');
  // A blog of its own, odd before it is opened (the fixture's is open already).
  const temp = tempBlog();
  const at = (rel: string) => path.join(temp.blog, rel);
  writeFileSync(at(`${POSTS}/cover-photo.md`), BINARY);
  symlinkSync('..', at(`${POSTS}/loop`), 'dir');
  symlinkSync(path.dirname(temp.blog), at(`${POSTS}/elsewhere`), 'dir');
  const opened = await openChromiumHost(temp.blog, temp.data);
  try {
    const { page } = opened;
    const note = page.getByTestId('skipped-files');
    await expect(note.locator('summary')).toHaveText('3 files skipped');
    // Folded: the list stays the writer's.
    await expect(note.locator('li')).toHaveCount(3);
    await expect(note.locator('li').first()).toBeHidden();
    await note.locator('summary').click();
    const rows = note.getByRole('listitem');
    await expect(rows.filter({ hasText: `${POSTS}/cover-photo.md` })).toContainText(
      'binary (contains NUL bytes)',
    );
    for (const link of ['loop', 'elsewhere']) {
      await expect(rows.filter({ hasText: `${POSTS}/${link}` })).toContainText(
        'symbolic link, not followed',
      );
    }
    // The real posts are all there, once.
    await expect(
      page.getByRole('navigation', { name: 'Posts' }).getByRole('button', { name: TITLE }),
    ).toHaveCount(1);
    await page.screenshot({
      path: path.join(screenshotDir, `${testInfo.project.name}-skipped-files.png`),
    });
  } finally {
    await opened.close();
    temp.dispose();
  }
});

test('a post that turns into a binary file while the blog is open is named as skipped', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const post = page.getByRole('navigation', { name: 'Posts' }).getByRole('button', { name: TITLE });
  await expect(post).toBeVisible();
  await expect(page.getByTestId('skipped-files')).toHaveCount(0);
  writeFileSync(path.join(blog, POSTS, 'debouncing-without-tears.md'), BINARY);
  await expect(post).toHaveCount(0);
  const note = page.getByTestId('skipped-files');
  await expect(note.locator('summary')).toHaveText('1 file skipped');
  await note.locator('summary').click();
  await expect(note.locator('.skipped-path')).toHaveText([`${POSTS}/debouncing-without-tears.md`]);
  await expect(note.locator('.skipped-reason')).toHaveText(['binary (contains NUL bytes)']);
});
