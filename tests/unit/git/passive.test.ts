/**
 * A blog is untrusted input: reading its repository (the Publish panel's status, its diff of
 * a post, its history) never runs a program the repository's config names. Each hostile
 * setting points at a script that leaves a marker file; no marker may appear.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitService, type GitService } from '../../../electron/services/git/git-service.ts';
import { isolateGit, markerProgram, POST, published, sh, write } from '../support/git.ts';
import { useTempFolders } from '../support/temp.ts';

const tempFolder = useTempFolders();
let base: string;
let markers: string;
let service: GitService;

beforeEach(async () => {
  base = await tempFolder();
  isolateGit(base);
  markers = path.join(base, 'markers');
  mkdirSync(markers);
  service = createGitService({ ask: async () => null, onProgress: () => undefined });
});
afterEach(() => service.close());

const program = (what: string) => markerProgram(base, markers, what, 'cat');

async function readEverything(blog: string): Promise<void> {
  const status = await service.status(blog);
  expect(status.ok).toBe(true);
  await service.diff(blog, POST);
  await service.log(blog, 20);
}

describe.skipIf(process.platform === 'win32')(
  // Skipped on Windows: the marker programs are shell scripts.
  'reading a hostile repository runs nothing',
  () => {
    it('core.fsmonitor, directly and through include.path', async () => {
      const { blog } = published(base);
      write(blog, POST, 'edited\n');
      const included = path.join(base, 'included.gitconfig');
      writeFileSync(included, `[core]\n\tfsmonitor = ${program('fsmonitor')}\n`);
      sh(blog, 'config', 'include.path', included);
      await readEverything(blog);
      expect(readdirSync(markers)).toEqual([]);
      // The setting is live: git itself runs it.
      sh(blog, 'status', '--porcelain');
      expect(existsSync(path.join(markers, 'fsmonitor'))).toBe(true);
    });

    it('clean, smudge and process filters named in .git/info/attributes', async () => {
      const { blog } = published(base);
      sh(blog, 'config', 'filter.evil.clean', program('clean'));
      sh(blog, 'config', 'filter.evil.smudge', program('smudge'));
      sh(blog, 'config', 'filter.other.process', program('process'));
      writeFileSync(
        path.join(blog, '.git/info/attributes'),
        '*.md filter=evil\n*.yml filter=other\n',
      );
      // Same size, new content, an old time stamp: status must hash it, through the filter.
      write(blog, POST, 'X' + readFileSync(path.join(blog, POST), 'utf8').slice(1));
      execFileSync('touch', ['-d', '2001-01-01', path.join(blog, POST)]);
      write(blog, '_config.yml', 'title: Changed\n');
      await readEverything(blog);
      expect(readdirSync(markers)).toEqual([]);
      sh(blog, 'diff', '--stat');
      expect(readdirSync(markers)).toContain('clean');
    });

    it('gpg.program with log.showSignature on a signed commit', async () => {
      const { blog } = published(base);
      sh(blog, 'config', 'log.showSignature', 'true');
      sh(blog, 'config', 'gpg.program', program('gpg'));
      // A commit carrying a signature header, as `commit -S` would write it.
      const commit = sh(blog, 'cat-file', 'commit', 'HEAD');
      const [head, ...message] = commit.split('\n\n');
      const signed = `${head}\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\n${message.join('\n\n')}\n`;
      const hash = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], {
        cwd: blog,
        input: signed,
        encoding: 'utf8',
      }).trim();
      sh(blog, 'update-ref', 'HEAD', hash);
      await readEverything(blog);
      expect(readdirSync(markers)).toEqual([]);
      sh(blog, 'log', '-1');
      expect(readdirSync(markers)).toContain('gpg');
    });
  },
);
