/**
 * Publishing from the app, against real git: the blog is a repository with a local bare
 * remote; the writer edits a post, opens Publish and publishes; the remote gets the commit.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures.ts';
import { editorText, openPost, replaceBody, save } from '../helpers.ts';
import { startGitHttpServer } from '../../unit/support/git-http.ts';
import { openChromiumHost } from '../hosts/chromium-host.ts';

const POST = 'source/_posts/debouncing-without-tears.md';
const TITLE = 'Debouncing Without Tears';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** The identity of the writer's other computer, for its commits. */
const OTHER = ['-c', 'user.name=Other', '-c', 'user.email=other@example.org'];

/** The blob of a path in a ref, as bytes. */
function blob(repo: string, ref: string, rel: string): Buffer {
  return execFileSync('git', ['cat-file', 'blob', `${ref}:${rel}`], { cwd: repo });
}

// git in the host process (the handlers run there) must not read this machine's config.
const saved = { ...process.env };
let scratch: string;
test.beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-git-'));
  writeFileSync(path.join(scratch, 'gitconfig'), '');
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.GIT_CONFIG_GLOBAL = path.join(scratch, 'gitconfig');
  // Repository discovery stops above the temp blogs (a stray /tmp/.git must not count).
  process.env.GIT_CEILING_DIRECTORIES = realpathSync(os.tmpdir());
});
test.afterAll(() => {
  for (const key of ['GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL', 'GIT_CEILING_DIRECTORIES']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  rmSync(scratch, { recursive: true, force: true });
  // The template lived in that folder: a worker that runs this file again makes a new one.
  template = null;
});

/**
 * The sample blog committed on `main` and pushed to a bare remote, made once per worker: each
 * test copies it rather than running eight git commands while the machine may be busy.
 */
let template: { git: string; remote: string } | null = null;
function publishedTemplate(blog: string): { git: string; remote: string } {
  if (template) return template;
  const base = path.join(scratch, 'template');
  const copy = path.join(base, 'blog');
  const remote = path.join(base, 'remote.git');
  cpSync(blog, copy, { recursive: true });
  mkdirSync(remote);
  git(remote, 'init', '--bare', '-q', '--initial-branch=main');
  git(copy, 'init', '-q', '--initial-branch=main');
  git(copy, 'config', 'user.name', 'Writer');
  git(copy, 'config', 'user.email', 'writer@example.org');
  git(copy, 'add', '-A');
  git(copy, 'commit', '-qm', 'The blog');
  git(copy, 'remote', 'add', 'origin', remote);
  git(copy, 'push', '-q', '-u', 'origin', 'main');
  template = { git: path.join(copy, '.git'), remote };
  return template;
}

/** Makes the open blog a repository on `main`, pushed to a new bare remote; returns the remote. */
function publishedBlog(blog: string): string {
  const made = publishedTemplate(blog);
  const remote = path.join(path.dirname(blog), 'remote.git');
  cpSync(made.remote, remote, { recursive: true });
  cpSync(made.git, path.join(blog, '.git'), { recursive: true });
  git(blog, 'remote', 'set-url', 'origin', remote);
  return remote;
}

async function editAndSave(page: import('@playwright/test').Page, line: string): Promise<void> {
  await openPost(page, TITLE);
  await replaceBody(page, `\n${line}\n\nThe rest was trimmed for this test.\n`);
  await save(page);
}

test('edit a post, Publish: the remote has the commit with exactly the saved bytes', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const remote = publishedBlog(blog);
  await editAndSave(page, 'Debouncing, rewritten in Folio.');

  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = page.getByRole('complementary', { name: 'Publish' });
  await expect(panel.locator('.branch')).toHaveText('main');
  const posts = panel.getByRole('region', { name: 'Changed posts' });
  await expect(posts.getByRole('listitem')).toHaveCount(1);
  await expect(posts).toContainText(TITLE);
  await expect(panel.getByLabel('Commit message')).toHaveValue(`Update ${TITLE}`);

  await posts.getByRole('button', { name: new RegExp(TITLE) }).click();
  const diff = panel.getByRole('table', { name: `Changes in ${POST}` });
  await expect(diff.locator('.diff-row.add').first()).toContainText(
    'Debouncing, rewritten in Folio.',
  );
  await folio.screenshot('publish-01-changes');

  await panel.getByRole('button', { name: 'Publish 1 file' }).click();
  await expect(panel.locator('.publish-notice.ok')).toHaveText('Published 1 file');
  await expect(
    panel.getByRole('list', { name: 'Recent commits' }).locator('li').first(),
  ).toContainText(`Update ${TITLE}`);
  await folio.screenshot('publish-02-published');

  expect(blob(remote, 'HEAD', POST).equals(readFileSync(path.join(blog, POST)))).toBe(true);
  expect(blob(remote, 'HEAD', POST).toString('utf8')).toContain('Debouncing, rewritten in Folio.');
  expect(git(remote, 'log', '-1', '--format=%B', 'HEAD')).toBe(`Update ${TITLE}`);
  expect(git(remote, 'show', '--name-only', '--format=', 'HEAD')).toBe(POST);
  expect(git(blog, 'status', '--porcelain')).toBe('');
});

test('a push refused because the remote moved on offers Sync, which publishes both', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const remote = publishedBlog(blog);
  const other = path.join(path.dirname(blog), 'other');
  git(path.dirname(blog), 'clone', '-q', remote, other);
  writeFileSync(
    path.join(other, 'source/_posts/from-elsewhere.md'),
    '---\ntitle: Elsewhere\n---\nHi\n',
  );
  git(other, 'add', '-A');
  git(other, ...OTHER, 'commit', '-qm', 'From another computer');
  git(other, 'push', '-q');

  await editAndSave(page, 'Written while the remote moved on.');
  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = page.getByRole('complementary', { name: 'Publish' });
  await panel.getByRole('button', { name: 'Publish 1 file' }).click();
  const notice = panel.locator('.publish-notice.error');
  await expect(notice).toContainText('the push was refused');
  await expect(notice).toContainText('Your commit is kept');
  await expect(notice.getByRole('button', { name: 'Sync now' })).toBeVisible();
  await folio.screenshot('publish-03-rejected');

  await notice.getByRole('button', { name: 'Sync now' }).click();
  await expect(panel.locator('.publish-notice.ok')).toContainText('Synced');
  await expect(panel.getByLabel('1 ahead, 0 behind')).toHaveCount(0);
  await expect(panel.getByLabel('0 ahead, 0 behind')).toBeVisible();
  expect(blob(remote, 'main', POST).equals(readFileSync(path.join(blog, POST)))).toBe(true);
  expect(blob(remote, 'main', 'source/_posts/from-elsewhere.md').toString()).toContain('Elsewhere');
  // The pulled post is in the library now.
  await expect(page.getByRole('navigation', { name: 'Posts' })).toContainText('Elsewhere');
});

test('a blog that is not a repository offers git init, then a field for the remote', async ({
  folio,
}) => {
  const { page, blog } = folio;
  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = page.getByRole('complementary', { name: 'Publish' });
  await expect(panel.locator('.publish-notice.error')).toContainText('not a git repository yet');
  await folio.screenshot('publish-04-not-a-repo');
  await panel.getByRole('button', { name: 'Set up git here (git init)' }).click();
  await expect(panel.locator('.publish-notice.ok')).toHaveText('This blog is a git repository now');
  await expect(
    panel.getByRole('region', { name: 'Changed posts' }).getByRole('listitem'),
  ).toHaveCount(9);
  await expect(panel.getByLabel('Commit message')).toHaveValue('Update 9 posts');
  await expect(panel.getByLabel('Remote URL')).toBeVisible();
  expect(git(blog, 'rev-parse', '--is-inside-work-tree')).toBe('true');
  await folio.screenshot('publish-05-initialised');
});

test('the commit message starts from the writer’s setting, {title} filled in', async ({
  folio,
}) => {
  const { page, blog } = folio;
  publishedBlog(blog);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const message = settings.getByLabel('Commit message');
  await message.fill('Blog: {title} (from Folio)');
  await message.press('Enter');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await editAndSave(page, 'A small fix.');
  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = page.getByRole('complementary', { name: 'Publish' });
  await expect(panel.getByLabel('Commit message')).toHaveValue(`Blog: ${TITLE} (from Folio)`);
});

/** Another computer commits its own version of the post and pushes it first. */
function pushFromElsewhere(blog: string, remote: string, rel: string, text: string): void {
  const other = path.join(path.dirname(blog), 'other');
  git(path.dirname(blog), 'clone', '-q', remote, other);
  writeFileSync(path.join(other, rel), text);
  git(other, 'add', '-A');
  git(other, ...OTHER, 'commit', '-qm', 'From another computer');
  git(other, 'push', '-q');
}

test('a conflict on Sync lists the post, opens it with the markers highlighted, Abort restores it', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const remote = publishedBlog(blog);
  const original = readFileSync(path.join(blog, POST), 'utf8');
  const head = original.slice(0, original.indexOf('---', 4) + 4);
  pushFromElsewhere(blog, remote, POST, `${head}\nTheir version of the opening.\n`);

  await editAndSave(page, 'My version of the opening.');
  const saved = readFileSync(path.join(blog, POST));
  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = page.getByRole('complementary', { name: 'Publish' });
  await panel.getByRole('button', { name: 'Publish 1 file' }).click();
  await panel.locator('.publish-notice.error').getByRole('button', { name: 'Sync now' }).click();

  const conflict = panel.locator('.publish-notice.error[data-kind=CONFLICT]');
  await expect(conflict).toContainText('changed the same lines');
  const banner = panel.locator('.publish-notice.warn');
  await expect(banner).toContainText('A merge is in progress');
  await expect(banner.getByRole('listitem')).toHaveText([`${POST}Open`]);
  // Publishing waits until the merge is finished or aborted.
  await expect(panel.getByRole('button', { name: /^Publish \d/ })).toHaveCount(0);
  await banner.getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('.cm-conflict-marker')).toHaveCount(3);
  await expect(page.locator('.cm-conflict-theirs')).toContainText('Their version of the opening.');
  await folio.screenshot('publish-06-conflict');

  await banner.getByRole('button', { name: 'Abort merge' }).click();
  await expect(panel.locator('.publish-notice.ok')).toHaveText(
    'Aborted the merge: everything is as it was before',
  );
  expect(readFileSync(path.join(blog, POST)).equals(saved)).toBe(true);
  expect(git(blog, 'log', '-1', '--format=%s')).toBe(`Update ${TITLE}`);
  await expect(page.locator('.cm-conflict-marker')).toHaveCount(0);
  expect(await editorText(page)).toContain('My version of the opening.');
});

test('git asks for a password: the writer answers in the app, and only the answer crosses', async ({
  folio,
}) => {
  const { page, blog, controls } = folio;
  test.skip(!controls, 'the call recorder is a Chromium-host control');
  const remote = publishedBlog(blog);
  const server = await startGitHttpServer(path.dirname(remote), {
    user: 'writer',
    password: 'tok3n',
  });
  try {
    git(blog, 'remote', 'set-url', 'origin', server.url('remote.git'));
    await editAndSave(page, 'Pushed over HTTP with a password.');
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = page.getByRole('complementary', { name: 'Publish' });
    await panel.getByRole('button', { name: 'Publish 1 file' }).click();

    const dialog = page.getByRole('dialog', { name: 'git needs to sign in' });
    await expect(dialog.getByLabel(/^Username for 'http:\/\/127\.0\.0\.1:\d+'$/)).toBeVisible();
    await dialog.getByRole('textbox').fill('writer');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    const password = dialog.getByLabel(/^Password for 'http:\/\/writer@127\.0\.0\.1:\d+'$/);
    await expect(password).toHaveAttribute('type', 'password');
    await password.fill('tok3n');
    await folio.screenshot('publish-07-credentials');
    await dialog.getByRole('button', { name: 'Sign in' }).click();

    await expect(panel.locator('.publish-notice.ok')).toHaveText('Published 1 file');
    expect(blob(remote, 'main', POST).equals(readFileSync(path.join(blog, POST)))).toBe(true);
    const answers = controls!.calls.filter((c) => c.channel === 'answerCredential');
    expect(answers.map((c) => Object.keys(c.args as object).sort())).toEqual([
      ['answer', 'id'],
      ['answer', 'id'],
    ]);
    expect(answers.map((c) => (c.args as { answer: string }).answer)).toEqual(['writer', 'tok3n']);
  } finally {
    await server.close();
  }
});

/**
 * The blog committed, with a new remote behind a password that has none of its commits: the
 * state after a first push that never finished. Returns the remote's folder and its server.
 */
async function firstPushPending(blog: string) {
  const made = publishedTemplate(blog);
  const remote = path.join(path.dirname(blog), 'remote.git');
  mkdirSync(remote);
  git(remote, 'init', '--bare', '-q', '--initial-branch=main');
  cpSync(made.git, path.join(blog, '.git'), { recursive: true });
  git(blog, 'branch', '--unset-upstream');
  git(blog, 'update-ref', '-d', 'refs/remotes/origin/main');
  const server = await startGitHttpServer(path.dirname(remote), PASSWORD);
  git(blog, 'remote', 'set-url', 'origin', server.url('remote.git'));
  return { remote, server };
}

const PASSWORD = { user: 'writer', password: 'tok3n' };

async function signIn(page: import('@playwright/test').Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'git needs to sign in' });
  await dialog.getByRole('textbox').fill(PASSWORD.user);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await dialog.getByLabel(/^Password for/).fill(PASSWORD.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
}

test('a first push cancelled midway, its notice dismissed: the panel still offers the push', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const { remote, server } = await firstPushPending(blog);
  try {
    await editAndSave(page, 'Written before the first push.');
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = page.getByRole('complementary', { name: 'Publish' });
    await panel.getByRole('button', { name: 'Publish 1 file' }).click();
    const dialog = page.getByRole('dialog', { name: 'git needs to sign in' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await panel.locator('.publish-notice.error').getByRole('button', { name: 'Dismiss' }).click();
    await expect(panel.locator('.publish-notice.error')).toHaveCount(0);

    const unpushed = panel.getByRole('status', { name: 'Not pushed yet' });
    await expect(unpushed).toContainText('main is not on origin yet: 2 commits to push.');
    await expect(unpushed.getByRole('listitem')).toContainText([TITLE]);
    await expect(panel.getByText('Nothing to publish: every change is committed.')).toBeVisible();
    await folio.screenshot('publish-08-not-pushed');

    await unpushed.getByRole('button', { name: 'Push and track origin/main' }).click();
    await signIn(page);
    await expect(panel.locator('.publish-notice.ok')).toHaveText(
      'Pushed 2 commits to origin/main, which main tracks now',
    );
    await expect(unpushed).toHaveCount(0);
    await expect(panel.getByLabel('0 ahead, 0 behind')).toBeVisible();
    expect(blob(remote, 'main', POST).equals(readFileSync(path.join(blog, POST)))).toBe(true);
  } finally {
    await server.close();
  }
});

test('the app closed during a push: reopened, the panel names the commit and pushes it', async ({
  folio,
}) => {
  test.skip(folio.host !== 'chromium', 'a second app is a second Chromium host');
  const { page, blog } = folio;
  const { remote, server } = await firstPushPending(blog);
  try {
    const first = await openChromiumHost(blog, path.join(path.dirname(blog), 'first-app'));
    try {
      await editAndSave(first.page, 'Written just before the app closed.');
      await first.page.getByRole('button', { name: 'Publish…' }).click();
      await first.page.getByRole('button', { name: 'Publish 1 file' }).click();
      // The push waits on git's question when the app closes.
      await expect(first.page.getByRole('dialog', { name: 'git needs to sign in' })).toBeVisible();
    } finally {
      await first.close();
    }
    expect(git(remote, 'for-each-ref')).toBe(''); // the push never reached the remote

    await page.reload();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = page.getByRole('complementary', { name: 'Publish' });
    await expect(panel.locator('.upstream')).toHaveText('not on a remote yet');
    const unpushed = panel.getByRole('status', { name: 'Not pushed yet' });
    await expect(unpushed).toContainText('main is not on origin yet: 2 commits to push.');
    await expect(unpushed.getByRole('listitem')).toContainText([TITLE]);
    await folio.screenshot('publish-09-reopened');
    await unpushed.getByRole('button', { name: 'Push and track origin/main' }).click();
    await signIn(page);
    await expect(panel.locator('.publish-notice.ok')).toContainText('Pushed 2 commits');
    expect(blob(remote, 'main', POST).toString('utf8')).toContain(
      'Written just before the app closed.',
    );
  } finally {
    await server.close();
  }
});

test('a blog whose git names programs asks first; published without them, none runs', async ({
  folio,
}) => {
  const { page, blog } = folio;
  const remote = publishedBlog(blog);
  const marker = path.join(path.dirname(blog), 'hook-ran');
  const hook = path.join(blog, '.git/hooks/pre-commit');
  writeFileSync(hook, `#!/bin/sh\ntouch "${marker}"\n`);
  chmodSync(hook, 0o755);
  await editAndSave(page, 'Published without the hook.');

  await page.getByRole('button', { name: 'Publish…' }).click();
  const panel = page.getByRole('complementary', { name: 'Publish' });
  const question = panel.getByRole('region', { name: 'Blog programs' });
  await expect(question).toContainText('This blog’s git names 1 program that would run');
  await expect(question.getByRole('listitem')).toHaveText([`hook pre-commit ${hook}`]);
  await folio.screenshot('publish-10-trust');
  await question.getByRole('button', { name: 'Publish without them' }).click();
  await expect(panel.getByRole('status', { name: 'Blog programs' })).toContainText(
    'Publishing without this blog’s 1 program',
  );
  await panel.getByRole('button', { name: 'Publish 1 file' }).click();
  await expect(panel.locator('.publish-notice.ok')).toHaveText('Published 1 file');
  expect(blob(remote, 'main', POST).toString('utf8')).toContain('Published without the hook.');
  expect(existsSync(marker)).toBe(false);
});
