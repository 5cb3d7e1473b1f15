/** The publish panel's state: the repository's status, the running operation and its outcome. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  CredentialRequest,
  GitCommit,
  GitDone,
  GitFailure,
  GitResult,
  GitStatus,
} from '../../../shared/models.ts';
import { api } from '../../api.ts';

export type Action =
  'publish' | 'sync' | 'push' | 'init' | 'remote' | 'abort' | 'continue' | 'trust';

export interface Running {
  action: Action;
  phase: string;
  percent: number | null;
}

export interface PublishModel {
  status: GitStatus | null;
  /** Why there is no status (not a repository, no git). */
  statusFailure: GitFailure | null;
  failure: GitFailure | null;
  done: string | null;
  log: GitCommit[];
  running: Running | null;
  credential: CredentialRequest | null;
  refresh(): Promise<void>;
  run(action: Action, call: () => Promise<GitResult<GitDone>>): Promise<boolean>;
  cancel(): void;
  answer(value: string | null): void;
  dismiss(): void;
}

const label: Record<Action, string> = {
  publish: 'Committing',
  sync: 'Syncing',
  push: 'Pushing',
  init: 'Setting up git',
  remote: 'Adding the remote',
  abort: 'Aborting',
  continue: 'Continuing',
  trust: 'Saving your answer',
};

/** Actions after which files on disk may differ (a pull, an abort): the app re-reads them. */
const changesFiles: ReadonlySet<Action> = new Set(['sync', 'abort', 'continue']);

const load = () => Promise.all([api.gitStatus(), api.gitLog({ limit: 15 })]);

export function usePublish(onFilesChanged: () => void): PublishModel {
  const [status, setStatus] = useState<GitStatus | null>(null);
  const [statusFailure, setStatusFailure] = useState<GitFailure | null>(null);
  const [failure, setFailure] = useState<GitFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [log, setLog] = useState<GitCommit[]>([]);
  const [running, setRunning] = useState<Running | null>(null);
  const [credential, setCredential] = useState<CredentialRequest | null>(null);
  const filesChanged = useRef(onFilesChanged);
  useEffect(() => {
    filesChanged.current = onFilesChanged;
  }, [onFilesChanged]);

  const apply = useCallback(([next, history]: [GitResult<GitStatus>, GitResult<GitCommit[]>]) => {
    if (next.ok) {
      setStatus(next.value);
      setStatusFailure(null);
    } else {
      setStatus(null);
      setStatusFailure(next.failure);
    }
    setLog(history.ok ? history.value : []);
  }, []);
  const refresh = useCallback(() => load().then(apply), [apply]);

  useEffect(() => {
    void load().then(apply);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    const offProgress = api.on.gitProgress(({ phase, percent }) =>
      setRunning((old) => (old ? { ...old, phase, percent } : old)),
    );
    const offCredential = api.on.credentialRequest(setCredential);
    return () => {
      window.removeEventListener('focus', onFocus);
      offProgress();
      offCredential();
    };
  }, [apply, refresh]);

  const run = useCallback(
    async (action: Action, call: () => Promise<GitResult<GitDone>>) => {
      setFailure(null);
      setDone(null);
      setRunning({ action, phase: label[action], percent: null });
      let ok = false;
      try {
        const result = await call();
        ok = result.ok;
        if (result.ok) setDone(result.value.message);
        else setFailure(result.failure);
      } catch (error) {
        setFailure({ kind: 'UNKNOWN', message: (error as Error).message });
      } finally {
        setRunning(null);
        setCredential(null);
      }
      if (changesFiles.has(action)) filesChanged.current();
      await refresh();
      return ok;
    },
    [refresh],
  );

  const cancel = useCallback(() => void api.gitCancel(), []);
  const answer = useCallback(
    (value: string | null) => {
      if (!credential) return;
      setCredential(null);
      void api.answerCredential({ id: credential.id, answer: value });
    },
    [credential],
  );
  const dismiss = useCallback(() => {
    setFailure(null);
    setDone(null);
  }, []);

  return {
    status,
    statusFailure,
    failure,
    done,
    log,
    running,
    credential,
    refresh,
    run,
    cancel,
    answer,
    dismiss,
  };
}
