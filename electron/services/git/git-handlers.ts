/**
 * The git part of the contract, for the open blog folder: the git service plus the round
 * trip of a credential prompt (an event out to the renderer, `answerCredential` back).
 */
import { randomUUID } from 'node:crypto';
import type { EventChannel, EventPayload, Handlers } from '../../../shared/api.ts';
import { createGitService, type TrustStore } from './git-service.ts';

type GitChannel = Extract<keyof Handlers, `git${string}` | 'answerCredential'>;

export interface GitHandlerContext {
  /** The open blog folder (throws NO_FOLDER when none is). */
  root(): string;
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
  /** After git changed files on disk (pull, abort): the library re-reads what changed. */
  filesChanged(): Promise<void>;
  /** Where the writer's answers about repositories' programs are kept. */
  trust?: TrustStore;
}

export function createGitHandlers(context: GitHandlerContext): {
  handlers: Pick<Handlers, GitChannel>;
  close(): Promise<void>;
} {
  const pending = new Map<string, (answer: string | null) => void>();
  const service = createGitService({
    ask: (prompt, secret) =>
      new Promise((resolve) => {
        const id = randomUUID();
        pending.set(id, resolve);
        context.emit('credentialRequest', { id, prompt, secret });
      }),
    onProgress: (event) => context.emit('gitProgress', event),
    ...(context.trust ? { trust: context.trust } : {}),
  });
  const changingFiles = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      await context.filesChanged();
    }
  };

  const handlers: Pick<Handlers, GitChannel> = {
    gitStatus: async () => service.status(context.root()),
    gitDiff: async ({ path }) => service.diff(context.root(), path),
    gitLog: async ({ limit }) => service.log(context.root(), limit ?? 20),
    gitCommitAndPush: async ({ paths, message }) =>
      service.commitAndPush(context.root(), paths, message),
    gitPush: async ({ setUpstream }) => service.push(context.root(), setUpstream ?? false),
    gitSync: async () => changingFiles(service.sync(context.root())),
    gitInit: async () => service.init(context.root()),
    gitTrust: async ({ trusted }) => service.trust(context.root(), trusted),
    gitAddRemote: async ({ name, url }) => service.addRemote(context.root(), name ?? 'origin', url),
    gitAbort: async () => changingFiles(service.abort(context.root())),
    gitContinue: async () => changingFiles(service.continue(context.root())),
    gitCancel: async () => {
      // A prompt still open would keep git waiting: answer it with Cancel too.
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve(null);
      }
      return service.cancel();
    },
    answerCredential: async ({ id, answer }) => {
      const resolve = pending.get(id);
      pending.delete(id);
      resolve?.(answer);
    },
  };
  return { handlers, close: () => service.close() };
}
