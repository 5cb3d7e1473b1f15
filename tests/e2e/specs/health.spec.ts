/**
 * Site health in the app: the Problems tab on a blog with seeded defects
 * (tests/fixtures/health/hugo), a row opening the post at the spot, a certain fix made as a
 * one-line change, and Publish asking before it sends a broken link.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures.ts';
import { repoRoot } from '../hosts/paths.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

// git in the host process must not read this machine's config (as in publish.spec.ts).
const saved = { ...process.env };
let scratch: string;
test.beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-health-'));
  writeFileSync(path.join(scratch, 'gitconfig'), '');
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.GIT_CONFIG_GLOBAL = path.join(scratch, 'gitconfig');
  process.env.GIT_CEILING_DIRECTORIES = realpathSync(os.tmpdir());
});
test.afterAll(() => {
  for (const key of ['GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL', 'GIT_CEILING_DIRECTORIES']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  rmSync(scratch, { recursive: true, force: true });
});

test.use({ blogSource: path.join(repoRoot, 'tests', 'fixtures', 'health', 'hugo') });

test('the Problems tab lists the defects; a row opens the spot; a fix is one line; Publish asks', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const remote = path.join(path.dirname(blog), 'remote.git');
  mkdirSync(remote);
  git(remote, 'init', '--bare', '-q', '--initial-branch=main');
  git(blog, 'init', '-q', '--initial-branch=main');
  git(blog, 'config', 'user.name', 'Writer');
  git(blog, 'config', 'user.email', 'writer@example.org');
  git(blog, 'add', '-A');
  git(blog, 'commit', '-qm', 'The blog');
  git(blog, 'remote', 'add', 'origin', remote);
  git(blog, 'push', '-q', '-u', 'origin', 'main');

  // The status bar counts errors and warnings; a click shows the tab.
  const count = page.getByTestId('health-count');
  await expect(count).toHaveText('8 errors, 6 warnings');
  await count.click();
  const panel = page.getByLabel('Problems', { exact: true });
  await expect(panel.getByRole('status')).toHaveText('8 errors, 6 warnings, 6 notes');
  const moved = panel.getByRole('button', {
    name: /Link “\/blog\/spring-tea\/” leads to no post or file of the blog/,
  });
  await expect(moved).toContainText('10:22');
  await expect(panel).toContainText('Image “/images/kettle.png” is not in the blog');
  await expect(panel).toContainText('{ref} “no-such-post”: no post of the blog is called that.');
  await folio.screenshot('health-01-problems');

  // A row opens the post with the cursor on the link.
  await moved.click();
  await expect(page.locator('#fm-title')).toHaveValue('Kettle Notes');
  await expect(page.locator('.cm-activeLine')).toContainText('/blog/spring-tea/');

  // The certain fix: the moved post's URL, as a change of that link alone.
  await panel.getByRole('button', { name: 'Link to “Spring Tea”' }).click();
  await expect(page.getByTestId('status-text')).toHaveText(
    'Fixed in content/posts/kettle-notes.md: Link to “Spring Tea”',
  );
  expect(git(blog, 'diff', '--numstat')).toBe('1\t1\tcontent/posts/kettle-notes.md');
  expect(
    git(blog, 'diff', '-U0')
      .split('\n')
      .filter((l) => /^[-+][^-+]/.test(l)),
  ).toEqual([
    '-Back to [spring tea](/blog/spring-tea/) and its [steeping](/posts/spring-tea/#steeping).',
    '+Back to [spring tea](/posts/spring-tea/) and its [steeping](/posts/spring-tea/#steeping).',
  ]);
  await expect(moved).toHaveCount(0);
  await expect(count).toHaveText('7 errors, 6 warnings');
  await expect(page.locator('.cm-content')).toContainText('[spring tea](/posts/spring-tea/)');

  // Publishing that post asks first: it still has missing images.
  await page.getByRole('button', { name: 'Publish…' }).click();
  const publish = page.getByRole('complementary', { name: 'Publish' });
  const notice = publish.getByRole('region', { name: 'Problems in these files' });
  await expect(notice).toContainText('broken links and missing images in the files you publish');
  await publish.getByRole('button', { name: 'Publish 1 file' }).click();
  const ask = publish.getByRole('alertdialog', { name: 'Problems in these files' });
  await expect(ask).toContainText('Publish anyway?');
  await folio.screenshot('health-02-publish-asks');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  expect(git(remote, 'rev-list', '--count', 'main')).toBe('1');
  await publish.getByRole('button', { name: 'Publish 1 file' }).click();
  await publish.getByRole('button', { name: 'Publish anyway' }).click();
  await expect(publish.locator('.publish-notice.ok')).toHaveText('Published 1 file');
  expect(git(remote, 'rev-list', '--count', 'main')).toBe('2');
});
