/**
 * Real git for the git service's tests: an isolated environment (no system or user config),
 * temp repositories with a local bare remote, and a second clone to race them.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Points git at an empty HOME and no system config for the rest of this test file (Vitest
 * runs each file in its own worker), and stops repository discovery at the temp folder.
 */
export function isolateGit(base: string): void {
  const home = path.join(base, 'home');
  mkdirSync(home, { recursive: true });
  process.env.HOME = home;
  process.env.XDG_CONFIG_HOME = path.join(home, '.config');
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  delete process.env.GIT_CONFIG_GLOBAL;
  process.env.GIT_CEILING_DIRECTORIES = path.dirname(base);
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_ASKPASS', 'SSH_ASKPASS']) {
    delete process.env[name];
  }
}

/** Runs git for a test's setup and checks; throws on failure. */
export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export function identify(repo: string, name = 'Writer'): void {
  sh(repo, 'config', 'user.name', name);
  sh(repo, 'config', 'user.email', `${name.toLowerCase()}@example.org`);
}

export function write(repo: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), text);
}

export function read(repo: string, rel: string): string {
  return readFileSync(path.join(repo, rel), 'utf8');
}

export const POST = 'source/_posts/hello.md';
export const POST_TEXT = '---\ntitle: Hello\n---\nFirst line.\nSecond line.\n';

export interface Published {
  /** The bare remote. */
  remote: string;
  /** The writer's blog: a clone tracking origin/main, one post committed and pushed. */
  blog: string;
  /** Another clone of the same remote, standing for a second computer. */
  other: string;
}

/** A blog with one pushed post, its bare remote, and a second clone. */
export function published(base: string): Published {
  const remote = path.join(base, 'remote.git');
  const blog = path.join(base, 'blog');
  const other = path.join(base, 'other');
  mkdirSync(remote);
  sh(remote, 'init', '--bare', '-q', '--initial-branch=main');
  mkdirSync(blog);
  sh(blog, 'init', '-q', '--initial-branch=main');
  identify(blog);
  write(blog, POST, POST_TEXT);
  write(blog, '_config.yml', 'title: Test\n');
  sh(blog, 'add', '-A');
  sh(blog, 'commit', '-q', '-m', 'First post');
  sh(blog, 'remote', 'add', 'origin', remote);
  sh(blog, 'push', '-q', '-u', 'origin', 'main');
  sh(base, 'clone', '-q', remote, other);
  identify(other, 'Other');
  return { remote, blog, other };
}

/** Commits an edit in the other clone and pushes it, so the writer's next push is refused. */
export function pushFromOther(p: Published, rel: string, text: string, message: string): void {
  sh(p.other, 'pull', '-q', '--no-rebase');
  write(p.other, rel, text);
  sh(p.other, 'add', '-A');
  sh(p.other, 'commit', '-q', '-m', message);
  sh(p.other, 'push', '-q');
}

/** HEAD's hash (of a repository or a bare remote's main). */
export function head(repo: string, ref = 'HEAD'): string {
  return sh(repo, 'rev-parse', ref);
}

/** The bytes of a file in a commit. */
export function show(repo: string, ref: string, rel: string): string {
  return sh(repo, 'cat-file', 'blob', `${ref}:${rel}`) + '\n';
}

/**
 * A program a hostile repository names: it leaves the marker file `<markers>/<what>`, then
 * runs `then` (`cat` for a filter, `exec git-receive-pack "$@"` to stay a working transport).
 */
export function markerProgram(
  base: string,
  markers: string,
  what: string,
  then = 'exit 0',
): string {
  const file = path.join(base, `${what}.sh`);
  writeFileSync(file, `#!/bin/sh\ntouch "${markers}/${what}"\n${then}\n`);
  chmodSync(file, 0o755);
  return file;
}
