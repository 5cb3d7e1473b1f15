/**
 * Credential prompts through GIT_ASKPASS, against a loopback smart-HTTP server with basic
 * auth: git's prompts reach the writer's callback, the answers reach git, a wrong password
 * or a cancelled prompt is an authentication failure that loses nothing.
 */
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createGitService, type GitService } from '../../../electron/services/git/git-service.ts';
import type { GitResult } from '../../../shared/models.ts';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http.ts';
import { head, isolateGit, POST, POST_TEXT, published, sh, show, write } from '../support/git.ts';
import { useTempFolders } from '../support/temp.ts';

const tempFolder = useTempFolders();
let base: string;
let server: GitHttpServer;
let service: GitService | null;
const prompts: Array<{ prompt: string; secret: boolean }> = [];
const EDIT = POST_TEXT.replace('First line.', 'Edited over HTTP.');

beforeEach(async () => {
  base = await tempFolder();
  isolateGit(base);
  prompts.length = 0;
  server = await startGitHttpServer(base, { user: 'writer', password: 's3cret token' });
});

afterEach(async () => {
  await service?.close();
  service = null;
  await server.close();
});

/** A service whose writer answers with these, in order (null = Cancel in the dialog). */
function answering(...answers: Array<string | null>): GitService {
  service = createGitService({
    ask: async (prompt, secret) => {
      prompts.push({ prompt, secret });
      return answers.shift() ?? null;
    },
    onProgress: () => undefined,
  });
  return service;
}

function overHttp() {
  const p = published(base);
  const url = server.url(path.basename(p.remote));
  sh(p.blog, 'remote', 'set-url', 'origin', url);
  write(p.blog, POST, EDIT);
  return { ...p, url };
}

const failureOf = <T>(r: GitResult<T>) => (r.ok ? null : r.failure);

it('asks the writer for the user name and password, and the push goes through', async () => {
  const p = overHttp();
  const result = await answering('writer', 's3cret token').commitAndPush(
    p.blog,
    [POST],
    'Over HTTP',
  );
  expect(failureOf(result)).toBeNull();
  const origin = new URL(p.url).origin;
  expect(prompts).toEqual([
    { prompt: `Username for '${origin}': `, secret: false },
    { prompt: `Password for '${origin.replace('//', '//writer@')}': `, secret: true },
  ]);
  expect(show(p.remote, 'main', POST)).toBe(EDIT);
});

it('a wrong password: authentication failed, pointing to a credential helper; the commit is kept', async () => {
  const p = overHttp();
  const before = head(p.remote, 'main');
  const f = failureOf(
    await answering('writer', 'wrong').commitAndPush(p.blog, [POST], 'Over HTTP'),
  );
  expect(f?.kind).toBe('AUTH_FAILED');
  expect(f?.message).toMatch(
    /refused the credentials.*credential helper or an SSH key.*Folio stores no password/,
  );
  expect(head(p.remote, 'main')).toBe(before);
  expect(sh(p.blog, 'log', '-1', '--format=%s')).toBe('Over HTTP');
  expect(show(p.blog, 'HEAD', POST)).toBe(EDIT);
});

it('a cancelled prompt is an authentication failure too, and git is not left waiting', async () => {
  const p = overHttp();
  const f = failureOf(await answering(null).commitAndPush(p.blog, [POST], 'Over HTTP'));
  expect(f?.kind).toBe('AUTH_FAILED');
  expect(prompts).toHaveLength(1);
  expect(show(p.blog, 'HEAD', POST)).toBe(EDIT);
});

it('an answer with a line break is refused rather than passed to git', async () => {
  const p = overHttp();
  const f = failureOf(
    await answering('writer\nx', 's3cret token').commitAndPush(p.blog, [POST], 'Over HTTP'),
  );
  expect(f?.kind).toBe('AUTH_FAILED');
  expect(server.attempts.filter((u) => u !== '')).toEqual([]);
});
