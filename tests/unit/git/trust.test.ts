/**
 * Workspace trust for a blog's git: the programs its repository names are listed, and
 * commit, push and sync run them only once the writer trusts the blog.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createGitService,
  type GitService,
  type TrustStore,
} from '../../../electron/services/git/git-service.ts';
import type { GitResult, GitStatus } from '../../../shared/models.ts';
import { head, isolateGit, markerProgram, POST, published, sh, write } from '../support/git.ts';
import { useTempFolders } from '../support/temp.ts';

const tempFolder = useTempFolders();
let base: string;
let markers: string;
let answers: Map<string, { fingerprint: string; trusted: boolean }>;
let service: GitService;

const store: TrustStore = {
  get: (gitDir) => answers.get(gitDir),
  set: async (gitDir, answer) => void answers.set(gitDir, answer),
};

beforeEach(async () => {
  base = await tempFolder();
  isolateGit(base);
  markers = path.join(base, 'markers');
  mkdirSync(markers);
  answers = new Map();
  service = createGitService({ ask: async () => null, onProgress: () => undefined, trust: store });
});
afterEach(() => service.close());

function value<T>(result: GitResult<T>): T {
  if (!result.ok) throw new Error(`${result.failure.message}\n${result.failure.detail ?? ''}`);
  return result.value;
}

const program = (what: string, then?: string) => markerProgram(base, markers, what, then);

function hostileBlog() {
  const p = published(base);
  const hooks = path.join(p.blog, '.git', 'hooks');
  writeFileSync(path.join(hooks, 'pre-commit'), `#!/bin/sh\ntouch "${markers}/pre-commit"\n`);
  chmodSync(path.join(hooks, 'pre-commit'), 0o755);
  writeFileSync(path.join(hooks, 'pre-push'), `#!/bin/sh\ntouch "${markers}/pre-push"\n`);
  chmodSync(path.join(hooks, 'pre-push'), 0o755);
  sh(p.blog, 'config', 'core.sshCommand', program('ssh'));
  sh(
    p.blog,
    'config',
    'remote.origin.receivepack',
    program('receivepack', 'exec git-receive-pack "$@"'),
  );
  return p;
}

describe.skipIf(process.platform === 'win32')(
  // Skipped on Windows: the marker programs are shell scripts.
  'a blog whose git names programs',
  () => {
    it('lists what it would run, key, value and file, and asks', async () => {
      const { blog } = hostileBlog();
      const status: GitStatus = value(await service.status(blog));
      expect(status.trust).toBe('ask');
      expect(status.programs.map((p) => p.key)).toEqual([
        'core.sshcommand',
        'remote.origin.receivepack',
        'hook pre-commit',
        'hook pre-push',
      ]);
      expect(status.programs[0]).toMatchObject({
        value: path.join(base, 'ssh.sh'),
        file: expect.stringMatching(/\.git\/config$/),
      });
      expect(readdirSync(markers)).toEqual([]);
    });

    it('untrusted, publishing runs none of them, and the remote still gets the commit', async () => {
      const { blog, remote } = hostileBlog();
      value(await service.trust(blog, false));
      expect(value(await service.status(blog)).trust).toBe('without');
      write(blog, POST, 'published without the blog’s programs\n');
      value(await service.commitAndPush(blog, [POST], 'Publish'));
      expect(head(remote, 'main')).toBe(head(blog));
      expect(readdirSync(markers)).toEqual([]);
    });

    it('trusted, git runs them as git does; a changed program asks again', async () => {
      const { blog, remote } = hostileBlog();
      value(await service.trust(blog, true));
      write(blog, POST, 'published with the hooks\n');
      value(await service.commitAndPush(blog, [POST], 'Publish'));
      expect(head(remote, 'main')).toBe(head(blog));
      expect(readdirSync(markers).sort()).toEqual(['pre-commit', 'pre-push', 'receivepack']);
      sh(blog, 'config', 'core.sshCommand', program('other-ssh'));
      expect(value(await service.status(blog)).trust).toBe('ask');
    });

    it('a blog whose git runs nothing is never asked', async () => {
      const { blog } = published(base);
      expect(value(await service.status(blog))).toMatchObject({
        programs: [],
        trust: 'none-needed',
      });
      expect(existsSync(path.join(markers, 'pre-commit'))).toBe(false);
    });
  },
);
