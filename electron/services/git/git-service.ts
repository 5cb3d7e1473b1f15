/**
 * What the publish panel asks of git, for the open blog folder: one operation that writes at
 * a time (with Cancel), progress as a percentage, credential prompts handed to the writer,
 * and every failure returned as data (`GitResult`) so its kind reaches the panel.
 */
import type {
  GitCommit,
  GitDone,
  GitFileDiff,
  GitProgressEvent,
  GitResult,
  GitStatus,
} from '../../../shared/models.ts';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { startAskpass, type AskCredential, type Askpass } from './askpass.ts';
import { commitFiles } from './commit.ts';
import { fileDiff } from './diff.ts';
import { operationEnvironment } from './core.ts';
import { GitError } from './errors.ts';
import { fetch } from './fetch.ts';
import { initRepository } from './init.ts';
import { getLog } from './log.ts';
import { abortOperation, continueOperation } from './merge-state.ts';
import { progressThrottle } from './progress.ts';
import {
  configEnvironment,
  programsFingerprint,
  repositoryPrograms,
  untrustedSettings,
} from './programs.ts';
import { repoLayout } from './repository.ts';
import { pull } from './pull.ts';
import { push, type RemoteOptions } from './push.ts';
import { addRemote } from './remote.ts';
import { getStatus } from './status.ts';

/** The writer's answers about repositories' programs, by git folder (kept in the settings). */
export interface TrustStore {
  get(gitDir: string): { fingerprint: string; trusted: boolean } | undefined;
  set(gitDir: string, answer: { fingerprint: string; trusted: boolean }): Promise<void>;
}

export interface GitServiceOptions {
  ask: AskCredential;
  onProgress(event: GitProgressEvent): void;
  /** Without one, every repository is untrusted and nothing is remembered. */
  trust?: TrustStore;
}

/** A hooks folder that does not exist: git runs no hook from it. */
const NO_HOOKS = path.join(os.tmpdir(), `folio-no-hooks-${randomBytes(6).toString('hex')}`);

export type GitService = ReturnType<typeof createGitService>;

async function result<T>(work: () => Promise<T>): Promise<GitResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof GitError) return { ok: false, failure: error.toFailure() };
    throw error;
  }
}

/** Refuses what git cannot publish from, before anything is committed. */
function checkPublishable(status: GitStatus): void {
  if (status.operation) {
    throw new GitError(
      'MID_OPERATION',
      `A ${status.operation} is in progress in this repository${status.conflicted.length ? ' with conflicts' : ''}. Finish it (resolve, then Continue) or Abort it before publishing.`,
      '',
      status.conflicted,
    );
  }
  if (status.branch === null) {
    throw new GitError(
      'DETACHED_HEAD',
      'The repository is not on a branch (detached HEAD), so there is nowhere to publish to. Check out a branch in your git client, then publish. Nothing was committed.',
    );
  }
  if (!status.remotes.length) {
    throw new GitError(
      'NO_REMOTE',
      'This repository has no remote to publish to: add one with the URL your host shows for cloning. Nothing was committed yet.',
    );
  }
}

/** Where a branch with no upstream goes: the same name on `origin`, else the first remote. */
function target(status: GitStatus): { remote: string; branch: string } {
  const remote = status.remotes.find((r) => r.name === 'origin') ?? status.remotes[0]!;
  return { remote: remote.name, branch: status.branch! };
}

export function createGitService(options: GitServiceOptions) {
  let askpass: Promise<Askpass> | null = null;
  let running: AbortController | null = null;

  /** One writing operation at a time, cancellable, with a credential session while it runs. */
  async function exclusive<T>(
    operation: GitProgressEvent['operation'],
    dir: string,
    work: (remote: (from: number, to: number) => RemoteOptions) => Promise<T>,
  ): Promise<GitResult<T>> {
    if (running) {
      return {
        ok: false,
        failure: {
          kind: 'BUSY',
          message: 'Folio is already publishing or syncing: wait for it, or Cancel it.',
        },
      };
    }
    const controller = new AbortController();
    running = controller;
    // Programs that could not be read are treated as untrusted ones: every setting goes off.
    const environment = await guardedEnvironment(dir).catch(async () => ({
      env: configEnvironment(await untrustedSettings(dir, [], NO_HOOKS)),
      untrusted: true,
    }));
    askpass ??= startAskpass();
    const session = (await askpass).session(options.ask);
    // Each remote step reports within its own slice of the operation's 0–100.
    const report = progressThrottle((progress) => options.onProgress({ operation, ...progress }));
    const remote = (from: number, to: number): RemoteOptions => ({
      signal: controller.signal,
      env: session.env,
      onProgress: ({ phase, percent }) =>
        report({ phase, percent: Math.round(from + ((to - from) * percent) / 100) }),
    });
    try {
      return await operationEnvironment.run(environment, () => result(() => work(remote)));
    } finally {
      session.revoke();
      running = null;
    }
  }

  /** The repository's programs and the writer's answer about them. */
  async function trustOf(dir: string) {
    const programs = await repositoryPrograms(dir);
    if (!programs.length)
      return { programs, trust: 'none-needed' as const, gitDir: '', fingerprint: '' };
    const { gitDir } = await repoLayout(dir);
    const fingerprint = programsFingerprint(programs);
    const answer = options.trust?.get(gitDir);
    const trust =
      answer?.fingerprint === fingerprint ? (answer.trusted ? 'trusted' : 'without') : 'ask';
    return { programs, trust: trust as GitStatus['trust'], gitDir, fingerprint };
  }

  /** For a repository not trusted: the programs it names, turned off for this operation. */
  async function guardedEnvironment(
    dir: string,
  ): Promise<{ env: Record<string, string>; untrusted: boolean }> {
    const { programs, trust } = await trustOf(dir);
    if (trust === 'none-needed' || trust === 'trusted') return { env: {}, untrusted: false };
    const env = configEnvironment(await untrustedSettings(dir, programs, NO_HOOKS));
    return { env, untrusted: true };
  }

  const status = (dir: string) =>
    result(async () => {
      const { programs, trust } = await trustOf(dir);
      return { ...(await getStatus(dir)), programs, trust };
    });

  return {
    status,

    /** The writer's answer for the programs the repository names now. */
    trust: (dir: string, trusted: boolean): Promise<GitResult<GitDone>> =>
      result(async () => {
        const { gitDir, fingerprint, programs } = await trustOf(dir);
        if (!programs.length) return { message: 'This blog’s git runs no program of its own' };
        await options.trust?.set(gitDir, { fingerprint, trusted });
        return {
          message: trusted
            ? 'Trusted: git runs this blog’s programs when you publish'
            : 'Publishing without this blog’s programs',
        };
      }),

    diff: (dir: string, path: string): Promise<GitResult<GitFileDiff>> =>
      result(async () => {
        // Only a file git reports as changed under the blog folder: nothing else is read.
        const file = (await getStatus(dir)).files.find((f) => f.path === path);
        if (!file) throw new GitError('NOTHING_TO_COMMIT', `“${path}” has no changes.`);
        return fileDiff(dir, file);
      }),

    log: (dir: string, limit: number): Promise<GitResult<GitCommit[]>> =>
      result(async () => getLog(dir, limit, (await getStatus(dir)).unborn)),

    commitAndPush: (dir: string, paths: string[], message: string) =>
      exclusive<GitDone>('push', dir, async (remote) => {
        const before = await getStatus(dir);
        checkPublishable(before);
        const byPath = new Map(before.files.map((f) => [f.path, f]));
        const selected = paths.map((p) => {
          const file = byPath.get(p);
          if (!file) {
            throw new GitError(
              'NOTHING_TO_COMMIT',
              `“${p}” has no changes to publish (the list may be out of date: refresh it).`,
            );
          }
          return file;
        });
        const commit = await commitFiles(dir, selected, message);
        try {
          // A branch not on the remote yet (or whose first push was cut short) goes out tracked.
          const first = !before.upstream || before.upstreamGone;
          await push(dir, { ...remote(0, 100), ...(first ? { upstream: target(before) } : {}) });
        } catch (error) {
          if (error instanceof GitError && error.kind !== 'REJECTED') {
            throw new GitError(
              error.kind,
              `${error.message} Your changes are committed on this computer (${commit.slice(0, 7)}); they go out with the next push.`,
              error.detail,
              error.files,
            );
          }
          throw error;
        }
        const n = selected.length;
        return { message: `Published ${n} file${n === 1 ? '' : 's'}`, commit };
      }),

    /** A plain push, or with `setUpstream` the first push of a branch that tracks nothing yet. */
    push: (dir: string, setUpstream: boolean) =>
      exclusive<GitDone>('push', dir, async (remote) => {
        const status = await getStatus(dir);
        checkPublishable(status);
        const tracked = setUpstream || !status.upstream || status.upstreamGone;
        const upstream = target(status);
        await push(dir, { ...remote(0, 100), ...(tracked ? { upstream } : {}) });
        const pushed = `${status.unpushed.commits} commit${status.unpushed.commits === 1 ? '' : 's'}`;
        return {
          message: tracked
            ? `Pushed ${pushed} to ${upstream.remote}/${upstream.branch}, which ${status.branch} tracks now`
            : `Pushed ${pushed}`,
        };
      }),

    /** Fetch, pull (rebase or merge as configured), then push what is left to push. */
    sync: (dir: string) =>
      exclusive<GitDone>('sync', dir, async (remote) => {
        const status = await getStatus(dir);
        checkPublishable(status);
        if (!status.upstream) {
          throw new GitError(
            'NO_UPSTREAM',
            `The branch ${status.branch} is not on the remote yet, so there is nothing to sync with: push it first.`,
          );
        }
        await fetch(dir, remote(0, 40));
        try {
          await pull(dir, remote(40, 60));
        } catch (error) {
          if (error instanceof GitError && error.kind === 'CONFLICT') {
            const after = await getStatus(dir);
            throw new GitError(error.kind, error.message, error.detail, after.conflicted);
          }
          throw error;
        }
        const after = await getStatus(dir);
        if (after.ahead > 0) await push(dir, remote(60, 100));
        return {
          message:
            after.ahead > 0
              ? `Synced: pulled ${status.behind ? 'the remote’s changes' : 'nothing new'} and pushed ${after.ahead} commit${after.ahead === 1 ? '' : 's'}`
              : 'Synced: up to date with the remote',
        };
      }),

    init: (dir: string) =>
      exclusive<GitDone>('push', dir, async () => {
        await initRepository(dir);
        return { message: 'This blog is a git repository now' };
      }),

    addRemote: (dir: string, name: string, url: string) =>
      exclusive<GitDone>('push', dir, async () => {
        await addRemote(dir, name, url);
        return { message: `Added the remote ${name}` };
      }),

    abort: (dir: string) =>
      exclusive<GitDone>('sync', dir, async () => {
        const { operation } = await getStatus(dir);
        if (!operation) return { message: 'Nothing to abort' };
        await abortOperation(dir, operation);
        return { message: `Aborted the ${operation}: everything is as it was before` };
      }),

    continue: (dir: string) =>
      exclusive<GitDone>('sync', dir, async () => {
        const { operation, conflicted } = await getStatus(dir);
        if (!operation) return { message: 'Nothing to continue' };
        try {
          await continueOperation(dir, operation, conflicted);
        } catch (error) {
          if (error instanceof GitError && error.kind === 'CONFLICT') {
            const after = await getStatus(dir);
            throw new GitError(error.kind, error.message, error.detail, after.conflicted);
          }
          throw error;
        }
        return { message: `Finished the ${operation}; Sync to publish it` };
      }),

    /** Stops the running operation (git is killed with its helpers); false when none runs. */
    cancel(): boolean {
      if (!running) return false;
      running.abort();
      return true;
    },

    async close(): Promise<void> {
      running?.abort();
      const open = askpass;
      askpass = null;
      if (open) await (await open).close();
    },
  };
}
