/**
 * Publishing against real git: a blog clone, its bare remote, and a second clone that
 * pushes first. Each failure is checked for its message and for losing nothing: no commit
 * gone, no edit gone.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitService, type GitService } from '../../../electron/services/git/git-service.ts';
import type { GitFailure, GitProgressEvent, GitResult } from '../../../shared/models.ts';
import {
  head,
  isolateGit,
  POST,
  POST_TEXT,
  published,
  pushFromOther,
  read,
  sh,
  show,
  write,
} from '../support/git.ts';
import { useTempFolders } from '../support/temp.ts';

const tempFolder = useTempFolders();
let base: string;
let service: GitService;
let progress: GitProgressEvent[];

beforeEach(async () => {
  base = await tempFolder();
  isolateGit(base);
  progress = [];
  const answers = new Map<string, { fingerprint: string; trusted: boolean }>();
  service = createGitService({
    ask: async () => null,
    onProgress: (event) => progress.push(event),
    trust: { get: (dir) => answers.get(dir), set: async (dir, a) => void answers.set(dir, a) },
  });
});

afterEach(() => service.close());

function failure<T>(result: GitResult<T>): GitFailure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.failure;
}

function value<T>(result: GitResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const EDIT = POST_TEXT.replace('First line.', 'First line, edited in Folio.');

describe('publish (commit and push)', () => {
  it('commits exactly the selected files with the message and pushes them', async () => {
    const { blog, remote } = published(base);
    write(blog, POST, EDIT);
    write(blog, 'notes.md', 'not selected\n');
    const done = value(await service.commitAndPush(blog, [POST], 'Publish: Hello'));
    expect(done.message).toBe('Published 1 file');
    expect(head(remote, 'main')).toBe(done.commit);
    expect(show(remote, 'main', POST)).toBe(EDIT);
    expect(sh(remote, 'log', '-1', '--format=%B', 'main')).toBe('Publish: Hello');
    expect(sh(remote, 'show', '--name-only', '--format=', 'main')).toBe(POST);
    // The file not selected is still a change waiting, untouched.
    expect(read(blog, 'notes.md')).toBe('not selected\n');
    const status = value(await service.status(blog));
    expect(status.files).toEqual([{ path: 'notes.md', change: 'untracked' }]);
    expect(status.ahead).toBe(0);
    expect(progress.at(-1)).toMatchObject({ operation: 'push', percent: 100 });
  });

  it('publishes a new post, a deleted one and a staged rename together', async () => {
    const { blog, remote } = published(base);
    write(blog, 'source/_posts/second.md', 'second\n');
    sh(blog, 'mv', '_config.yml', 'config.yml');
    const changed = value(await service.status(blog)).files.map((f) => f.path);
    value(await service.commitAndPush(blog, changed, 'Update 2 files'));
    expect(sh(remote, 'ls-tree', '-r', '--name-only', 'main').split('\n')).toEqual([
      'config.yml',
      POST,
      'source/_posts/second.md',
    ]);
  });

  it('not a git repository: says so and offers git init; nothing is touched', async () => {
    const blog = path.join(base, 'plain');
    write(blog, POST, POST_TEXT);
    const f = failure(await service.status(blog));
    expect(f.kind).toBe('NOT_A_REPO');
    expect(f.message).toBe('This blog folder is not a git repository yet.');
    expect(failure(await service.commitAndPush(blog, [POST], 'x')).kind).toBe('NOT_A_REPO');
    expect(read(blog, POST)).toBe(POST_TEXT);
    value(await service.init(blog));
    expect(value(await service.status(blog))).toMatchObject({
      branch: 'main',
      unborn: true,
      files: [{ path: POST, change: 'untracked' }],
    });
  });

  it('git not installed: says so; nothing is touched', async () => {
    const { blog } = published(base);
    write(blog, POST, EDIT);
    const before = head(blog);
    const savedPath = process.env.PATH;
    process.env.PATH = mkdtempSync(path.join(base, 'empty-path-'));
    try {
      const f = failure(await service.status(blog));
      expect(f.kind).toBe('GIT_NOT_FOUND');
      expect(f.message).toMatch(/^git is not installed/);
      expect(failure(await service.commitAndPush(blog, [POST], 'x')).kind).toBe('GIT_NOT_FOUND');
    } finally {
      process.env.PATH = savedPath;
    }
    expect(head(blog)).toBe(before);
    expect(read(blog, POST)).toBe(EDIT);
  });

  it('no remote: refuses before committing; a remote added in the app then works', async () => {
    const { blog, remote } = published(base);
    sh(blog, 'remote', 'remove', 'origin');
    write(blog, POST, EDIT);
    const before = head(blog);
    const f = failure(await service.commitAndPush(blog, [POST], 'Publish: Hello'));
    expect(f.kind).toBe('NO_REMOTE');
    expect(f.message).toMatch(/no remote to publish to.*Nothing was committed yet/);
    expect(head(blog)).toBe(before);
    expect(read(blog, POST)).toBe(EDIT);
    expect(failure(await service.addRemote(blog, 'origin', '--upload-pack=evil')).kind).toBe(
      'NO_REMOTE',
    );
    value(await service.addRemote(blog, 'origin', remote));
    // A new remote has nothing tracked yet: the first publish sets it up (push -u).
    value(await service.commitAndPush(blog, [POST], 'Publish: Hello'));
    expect(show(remote, 'main', POST)).toBe(EDIT);
    expect(value(await service.status(blog))).toMatchObject({
      upstream: 'origin/main',
      unpushed: { commits: 0, files: [] },
    });
  });

  it('no upstream: Publish pushes the branch and makes it track the remote', async () => {
    const { blog, remote } = published(base);
    sh(blog, 'checkout', '-q', '-b', 'drafts');
    write(blog, POST, EDIT);
    value(await service.commitAndPush(blog, [POST], 'Publish: Hello'));
    expect(head(remote, 'drafts')).toBe(head(blog));
    expect(value(await service.status(blog)).upstream).toBe('origin/drafts');
  });

  it('a first push cut short: status lists the commit and its posts; Push sends it, tracked', async () => {
    const { blog, remote } = published(base);
    sh(blog, 'checkout', '-q', '-b', 'drafts');
    write(blog, POST, EDIT);
    write(blog, 'notes.txt', 'not a post\n');
    sh(blog, 'add', '-A');
    sh(blog, 'commit', '-qm', 'Committed; the push never ran');
    const commit = head(blog);
    const before = value(await service.status(blog));
    expect(before).toMatchObject({ upstream: null, files: [] });
    expect(before.unpushed).toEqual({ commits: 1, files: ['notes.txt', POST] });

    const done = value(await service.push(blog, false));
    expect(done.message).toBe('Pushed 1 commit to origin/drafts, which drafts tracks now');
    expect(head(remote, 'drafts')).toBe(commit);
    expect(value(await service.status(blog))).toMatchObject({
      upstream: 'origin/drafts',
      upstreamGone: false,
      unpushed: { commits: 0, files: [] },
    });
  });

  it('an upstream whose branch is gone from the remote: the commits show, and Push restores it', async () => {
    const { blog, remote } = published(base);
    sh(remote, 'update-ref', '-d', 'refs/heads/main');
    sh(blog, 'fetch', '-q', '--prune');
    const status = value(await service.status(blog));
    expect(status).toMatchObject({ upstream: 'origin/main', upstreamGone: true, ahead: 0 });
    expect(status.unpushed).toEqual({ commits: 1, files: ['_config.yml', POST] });
    value(await service.push(blog, false));
    expect(head(remote, 'main')).toBe(head(blog));
    expect(value(await service.status(blog))).toMatchObject({
      upstreamGone: false,
      unpushed: { commits: 0 },
    });
  });

  it('rejected as non-fast-forward: offers Sync, keeps the commit; Sync then publishes both', async () => {
    const p = published(base);
    pushFromOther(p, 'source/_posts/theirs.md', 'theirs\n', 'Their post');
    write(p.blog, POST, EDIT);
    const f = failure(await service.commitAndPush(p.blog, [POST], 'Publish: Hello'));
    expect(f.kind).toBe('REJECTED');
    expect(f.message).toMatch(/Sync first.*Your commit is kept/);
    const mine = head(p.blog);
    expect(sh(p.blog, 'log', '-1', '--format=%s')).toBe('Publish: Hello');
    expect(show(p.blog, 'HEAD', POST)).toBe(EDIT);
    const done = value(await service.sync(p.blog));
    expect(done.message).toMatch(/^Synced: pulled .* and pushed 2 commits$/);
    expect(show(p.remote, 'main', POST)).toBe(EDIT);
    expect(show(p.remote, 'main', 'source/_posts/theirs.md')).toBe('theirs\n');
    expect(sh(p.remote, 'merge-base', '--is-ancestor', mine, 'main')).toBe('');
  });

  it('detached HEAD: refuses before committing', async () => {
    const { blog } = published(base);
    sh(blog, 'checkout', '-q', '--detach');
    write(blog, POST, EDIT);
    const before = head(blog);
    const f = failure(await service.commitAndPush(blog, [POST], 'x'));
    expect(f.kind).toBe('DETACHED_HEAD');
    expect(f.message).toMatch(/not on a branch \(detached HEAD\).*Nothing was committed/);
    expect(head(blog)).toBe(before);
    expect(read(blog, POST)).toBe(EDIT);
  });

  it('nothing to commit: no file selected, an unchanged file, or no message', async () => {
    const { blog } = published(base);
    const before = head(blog);
    expect(failure(await service.commitAndPush(blog, [], 'x'))).toMatchObject({
      kind: 'NOTHING_TO_COMMIT',
      message: 'Select at least one changed file to publish.',
    });
    expect(failure(await service.commitAndPush(blog, [POST], 'x')).message).toMatch(
      /has no changes to publish/,
    );
    write(blog, POST, EDIT);
    expect(failure(await service.commitAndPush(blog, [POST], '  \n')).message).toBe(
      'Write a commit message first.',
    );
    expect(head(blog)).toBe(before);
    expect(read(blog, POST)).toBe(EDIT);
  });

  it('a failing pre-commit hook: shows its output; no commit, the edit stays', async () => {
    const { blog } = published(base);
    const hook = path.join(blog, '.git/hooks/pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho "lint: hello.md line 4 is too long" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    write(blog, POST, EDIT);
    // The writer's own lint hook: it runs once the blog is trusted (trust.test.ts).
    expect(value(await service.status(blog)).trust).toBe('ask');
    value(await service.trust(blog, true));
    const before = head(blog);
    const f = failure(await service.commitAndPush(blog, [POST], 'Publish: Hello'));
    expect(f.kind).toBe('HOOK_FAILED');
    expect(f.message).toMatch(/pre-commit hook .* stopped the commit/);
    expect(f.detail).toContain('lint: hello.md line 4 is too long');
    expect(head(blog)).toBe(before);
    expect(read(blog, POST)).toBe(EDIT);
  });

  it('no name and email for git: says how to set them; no commit, the edit stays', async () => {
    const { blog } = published(base);
    sh(blog, 'config', '--unset', 'user.name');
    sh(blog, 'config', '--unset', 'user.email');
    sh(blog, 'config', 'user.useConfigOnly', 'true');
    write(blog, POST, EDIT);
    const before = head(blog);
    const f = failure(await service.commitAndPush(blog, [POST], 'x'));
    expect(f.kind).toBe('IDENTITY_UNKNOWN');
    expect(f.message).toMatch(/git config --global user.name/);
    expect(head(blog)).toBe(before);
    expect(read(blog, POST)).toBe(EDIT);
  });

  it('host unreachable: says so; the commit is kept for the next push', async () => {
    const { blog } = published(base);
    // A port nothing listens on: one the system just handed out and took back.
    const port = await freePort();
    sh(blog, 'remote', 'set-url', 'origin', `http://127.0.0.1:${port}/blog.git`);
    write(blog, POST, EDIT);
    const f = failure(await service.commitAndPush(blog, [POST], 'Publish: Hello'));
    expect(f.kind).toBe('UNREACHABLE');
    expect(f.message).toMatch(
      new RegExp(`^Could not reach http://127.0.0.1:${port}/blog.git/.*committed on this computer`),
    );
    expect(sh(blog, 'log', '-1', '--format=%s')).toBe('Publish: Hello');
    expect(show(blog, 'HEAD', POST)).toBe(EDIT);
  });

  it('a repository already mid-merge: reported on open, publishing refused, Abort restores', async () => {
    const p = published(base);
    pushFromOther(p, POST, POST_TEXT.replace('First line.', 'Their first line.'), 'Theirs');
    write(p.blog, POST, EDIT);
    sh(p.blog, 'commit', '-qam', 'Mine');
    const mine = head(p.blog);
    sh(p.blog, 'fetch', '-q');
    expect(() => sh(p.blog, 'merge', 'origin/main')).toThrow();
    const status = value(await service.status(p.blog));
    expect(status).toMatchObject({ operation: 'merge', conflicted: [POST] });
    const f = failure(await service.commitAndPush(p.blog, [POST], 'x'));
    expect(f.kind).toBe('MID_OPERATION');
    expect(f.message).toMatch(/A merge is in progress .* with conflicts/);
    expect(f.files).toEqual([POST]);
    value(await service.abort(p.blog));
    expect(head(p.blog)).toBe(mine);
    expect(read(p.blog, POST)).toBe(EDIT);
    expect(value(await service.status(p.blog)).operation).toBeNull();
  });

  it('one operation at a time; Cancel stops a push and keeps the commit', async () => {
    const { startGitHttpServer } = await import('../support/git-http.ts');
    const p = published(base);
    const server = await startGitHttpServer(base);
    try {
      sh(p.blog, 'remote', 'set-url', 'origin', server.url('remote.git'));
      write(p.blog, POST, EDIT);
      const held = server.holdPushes();
      const publishing = service.commitAndPush(p.blog, [POST], 'Publish: Hello');
      await held;
      expect(failure(await service.sync(p.blog)).kind).toBe('BUSY');
      expect(service.cancel()).toBe(true);
      const f = failure(await publishing);
      expect(f.kind).toBe('CANCELLED');
      expect(sh(p.blog, 'log', '-1', '--format=%s')).toBe('Publish: Hello');
      expect(sh(p.remote, 'log', '-1', '--format=%s', 'main')).toBe('First post');
      expect(service.cancel()).toBe(false);
    } finally {
      await server.close();
    }
  });
});

describe('sync and conflicts', () => {
  const theirs = POST_TEXT.replace('First line.', 'Their first line.');

  async function conflicted(p: ReturnType<typeof published>) {
    pushFromOther(p, POST, theirs, 'Theirs');
    write(p.blog, POST, EDIT);
    expect(failure(await service.commitAndPush(p.blog, [POST], 'Mine')).kind).toBe('REJECTED');
    const mine = head(p.blog);
    const f = failure(await service.sync(p.blog));
    return { f, mine };
  }

  for (const mode of ['merge', 'rebase'] as const) {
    it(`a ${mode} conflict lists the files; Abort restores the state before the sync`, async () => {
      const p = published(base);
      if (mode === 'rebase') sh(p.blog, 'config', 'pull.rebase', 'true');
      const { f, mine } = await conflicted(p);
      expect(f.kind).toBe('CONFLICT');
      expect(f.files).toEqual([POST]);
      expect(f.message).toMatch(/changed the same lines.*Abort puts everything back/);
      expect(read(p.blog, POST)).toMatch(/^<<<<<<< /m);
      expect(value(await service.status(p.blog)).operation).toBe(mode);
      expect(value(await service.abort(p.blog)).message).toBe(
        `Aborted the ${mode}: everything is as it was before`,
      );
      expect(head(p.blog)).toBe(mine);
      expect(read(p.blog, POST)).toBe(EDIT);
      expect(value(await service.status(p.blog))).toMatchObject({ operation: null, files: [] });
    });

    it(`a ${mode} conflict: Continue refuses while markers remain, then publishes`, async () => {
      const p = published(base);
      if (mode === 'rebase') sh(p.blog, 'config', 'pull.rebase', 'true');
      await conflicted(p);
      const early = failure(await service.continue(p.blog));
      expect(early.kind).toBe('UNRESOLVED');
      expect(early.files).toEqual([POST]);
      expect(read(p.blog, POST)).toMatch(/^>>>>>>> /m);
      const resolved = POST_TEXT.replace('First line.', 'Both first lines.');
      write(p.blog, POST, resolved);
      value(await service.continue(p.blog));
      expect(value(await service.status(p.blog)).operation).toBeNull();
      value(await service.sync(p.blog));
      expect(show(p.remote, 'main', POST)).toBe(resolved);
      expect(sh(p.remote, 'log', '--format=%s', 'main')).toContain('Mine');
    });
  }

  it('a sync keeps edits not yet committed (autostash) and pulls the remote’s', async () => {
    const p = published(base);
    sh(p.blog, 'config', 'pull.rebase', 'true');
    pushFromOther(p, 'source/_posts/theirs.md', 'theirs\n', 'Their post');
    write(p.blog, POST, EDIT);
    value(await service.sync(p.blog));
    expect(read(p.blog, POST)).toBe(EDIT);
    expect(read(p.blog, 'source/_posts/theirs.md')).toBe('theirs\n');
  });

  it('no upstream: sync says to push first', async () => {
    const { blog } = published(base);
    sh(blog, 'checkout', '-q', '-b', 'drafts');
    expect(failure(await service.sync(blog)).kind).toBe('NO_UPSTREAM');
  });

  it('history lists the latest commits, newest first', async () => {
    const { blog } = published(base);
    write(blog, POST, EDIT);
    value(await service.commitAndPush(blog, [POST], 'Publish: Hello'));
    const log = value(await service.log(blog, 10));
    expect(log.map((c) => c.subject)).toEqual(['Publish: Hello', 'First post']);
    expect(log[0]).toMatchObject({ author: 'Writer', shortHash: head(blog).slice(0, 7) });
    const fresh = path.join(base, 'fresh');
    mkdirSync(fresh);
    sh(fresh, 'init', '-q');
    expect(value(await service.log(fresh, 10))).toEqual([]);
  });

  it('diff: the committed and current text of a changed file, nothing for others', async () => {
    const { blog } = published(base);
    write(blog, POST, EDIT);
    write(blog, 'new.md', 'new\n');
    expect(value(await service.diff(blog, POST))).toEqual({
      path: POST,
      before: POST_TEXT,
      after: EDIT,
      binary: false,
      tooLarge: false,
    });
    expect(value(await service.diff(blog, 'new.md'))).toMatchObject({ before: '', after: 'new\n' });
    expect(failure(await service.diff(blog, '_config.yml')).message).toMatch(/has no changes/);
    expect(failure(await service.diff(blog, '../../etc/passwd')).message).toMatch(/has no changes/);
  });
});
