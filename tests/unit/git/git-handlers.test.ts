/**
 * The git channels through the real dispatcher and handlers: a credential prompt goes out
 * as an event and its answer comes back on `answerCredential`; paths outside the changed
 * files are refused; Cancel also answers a prompt still open.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api.ts';
import type { CredentialRequest, GitResult, GitStatus } from '../../../shared/models.ts';
import { createDispatcher } from '../../../electron/services/dispatch.ts';
import { createFolio, type Folio } from '../../../electron/services/handlers.ts';
import { createSettingsStore } from '../../../electron/services/settings/settings.ts';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http.ts';
import { isolateGit, POST, POST_TEXT, published, sh, show, write } from '../support/git.ts';
import { useTempFolders } from '../support/temp.ts';

const tempFolder = useTempFolders();
let base: string;
let folio: Folio;
let server: GitHttpServer;
let dispatch: (channel: string, args?: unknown) => Promise<Envelope<unknown>>;
const events: Array<{ channel: string; payload: unknown }> = [];

beforeEach(async () => {
  base = await tempFolder();
  isolateGit(base);
  events.length = 0;
  const data = path.join(base, 'data');
  mkdirSync(data);
  folio = createFolio({
    pickFolder: async () => null,
    pickFile: async () => null,
    openExternal: async () => undefined,
    trashItem: async () => undefined,
    emit: (channel, payload) => void events.push({ channel, payload }),
    settings: createSettingsStore(data),
    assetBase: 'asset://blog/',
    dataFolder: data,
  });
  const raw = createDispatcher(folio.handlers);
  dispatch = (channel, args) => raw(channel, args ?? {});
  server = await startGitHttpServer(base, { user: 'writer', password: 'pw' });
});

afterEach(async () => {
  await folio.dispose();
  await server.close();
});

function valueOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

async function nextPrompt(): Promise<CredentialRequest> {
  for (;;) {
    const found = events.find((e) => e.channel === 'credentialRequest');
    if (found) {
      events.splice(events.indexOf(found), 1);
      return found.payload as CredentialRequest;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('asks for credentials with an event and takes the answer from answerCredential', async () => {
  const p = published(base);
  sh(p.blog, 'remote', 'set-url', 'origin', server.url('remote.git'));
  await folio.openFolder(p.blog);
  write(p.blog, POST, POST_TEXT + 'More.\n');
  const status = valueOf<GitResult<GitStatus>>(await dispatch('gitStatus'));
  expect(status.ok && status.value.files).toEqual([{ path: POST, change: 'modified' }]);

  const publishing = dispatch('gitCommitAndPush', { paths: [POST], message: 'Publish: Hello' });
  const user = await nextPrompt();
  expect(user).toMatchObject({ prompt: expect.stringMatching(/^Username for/), secret: false });
  valueOf(await dispatch('answerCredential', { id: user.id, answer: 'writer' }));
  const password = await nextPrompt();
  expect(password.secret).toBe(true);
  valueOf(await dispatch('answerCredential', { id: password.id, answer: 'pw' }));
  const result = valueOf<GitResult<unknown>>(await publishing);
  expect(result.ok).toBe(true);
  expect(show(p.remote, 'main', POST)).toBe(POST_TEXT + 'More.\n');
  expect(events.some((e) => e.channel === 'gitProgress')).toBe(true);
});

it('Cancel answers an open prompt and stops the push; the commit stays local', async () => {
  const p = published(base);
  sh(p.blog, 'remote', 'set-url', 'origin', server.url('remote.git'));
  await folio.openFolder(p.blog);
  write(p.blog, POST, POST_TEXT + 'More.\n');
  const publishing = dispatch('gitCommitAndPush', { paths: [POST], message: 'Publish: Hello' });
  await nextPrompt();
  expect(valueOf(await dispatch('gitCancel'))).toBe(true);
  const result = valueOf<GitResult<unknown>>(await publishing);
  expect(result.ok).toBe(false);
  expect(sh(p.blog, 'log', '-1', '--format=%s')).toBe('Publish: Hello');
  expect(sh(p.remote, 'log', '-1', '--format=%s', 'main')).toBe('First post');
});

it('refuses paths git does not report as changed, and arguments outside the contract', async () => {
  const p = published(base);
  await folio.openFolder(p.blog);
  const diff = valueOf<GitResult<unknown>>(await dispatch('gitDiff', { path: '../other/x.md' }));
  expect(diff).toMatchObject({ ok: false, failure: { kind: 'NOTHING_TO_COMMIT' } });
  const commit = valueOf<GitResult<unknown>>(
    await dispatch('gitCommitAndPush', { paths: ['../../etc/passwd'], message: 'x' }),
  );
  expect(commit).toMatchObject({ ok: false });
  const bad = await dispatch('gitAddRemote', { url: 'x', extra: 1 });
  expect(bad.ok).toBe(false);
});

it('without an open folder, git channels say so', async () => {
  const envelope = await dispatch('gitStatus');
  expect(envelope).toMatchObject({ ok: false, error: { code: 'NO_FOLDER' } });
});
