import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { getStatus } from '../../../electron/services/git/status.ts';
import { head, identify, isolateGit, POST, published, sh, write } from '../support/git.ts';
import { useTempFolders } from '../support/temp.ts';

const tempFolder = useTempFolders();
let base: string;

beforeEach(async () => {
  base = await tempFolder();
  isolateGit(base);
});

describe('getStatus', () => {
  it('lists every kind of change, with the branch, its upstream and remote', async () => {
    const { blog, remote } = published(base);
    write(blog, POST, 'changed\n');
    write(blog, 'source/_posts/new folder/new post.md', 'new\n');
    rmSync(path.join(blog, '_config.yml'));
    mkdirSync(path.join(blog, 'source/images'));
    write(blog, 'source/images/a.png', 'png');
    sh(blog, 'add', 'source/images/a.png');
    const status = await getStatus(blog);
    expect(status).toMatchObject({
      branch: 'main',
      unborn: false,
      upstream: 'origin/main',
      ahead: 0,
      behind: 0,
      remotes: [{ name: 'origin', url: remote }],
      operation: null,
      conflicted: [],
    });
    expect(status.files).toEqual([
      { path: '_config.yml', change: 'deleted' },
      { path: POST, change: 'modified' },
      { path: 'source/images/a.png', change: 'added' },
      { path: 'source/_posts/new folder/new post.md', change: 'untracked' },
    ]);
  });

  it('counts commits ahead and behind the upstream, and reports a staged rename', async () => {
    const { blog } = published(base);
    write(blog, 'a.md', 'a\n');
    sh(blog, 'add', 'a.md');
    sh(blog, 'commit', '-qm', 'a');
    sh(blog, 'mv', POST, 'source/_posts/renamed.md');
    sh(blog, 'update-ref', 'refs/remotes/origin/main', 'HEAD~1');
    const status = await getStatus(blog);
    expect([status.ahead, status.behind]).toEqual([1, 0]);
    expect(status.files).toEqual([
      { path: 'source/_posts/renamed.md', from: POST, change: 'renamed' },
    ]);
  });

  it('reports a detached HEAD and a branch with no commit yet', async () => {
    const { blog } = published(base);
    sh(blog, 'checkout', '-q', '--detach', head(blog));
    expect((await getStatus(blog)).branch).toBeNull();
    const fresh = path.join(base, 'fresh');
    mkdirSync(fresh);
    sh(fresh, 'init', '-q', '--initial-branch=main');
    expect(await getStatus(fresh)).toMatchObject({ branch: 'main', unborn: true, remotes: [] });
  });

  it('sees only the blog’s files, with blog-relative paths, when the blog is a subfolder', async () => {
    const repo = path.join(base, 'site');
    mkdirSync(repo);
    sh(repo, 'init', '-q', '--initial-branch=main');
    identify(repo);
    write(repo, 'blog/posts/a.md', 'a\n');
    write(repo, 'app/code.ts', 'x\n');
    sh(repo, 'add', '-A');
    sh(repo, 'commit', '-qm', 'init');
    write(repo, 'blog/posts/a.md', 'b\n');
    write(repo, 'app/code.ts', 'y\n');
    const status = await getStatus(path.join(repo, 'blog'));
    expect(status.files).toEqual([{ path: 'posts/a.md', change: 'modified' }]);
  });

  it('reads file names with spaces, quotes and non-ASCII letters byte for byte', async () => {
    const { blog } = published(base);
    const name = 'source/_posts/Café "à" l’heure.md';
    write(blog, name, 'x\n');
    expect((await getStatus(blog)).files).toEqual([{ path: name, change: 'untracked' }]);
  });
});
