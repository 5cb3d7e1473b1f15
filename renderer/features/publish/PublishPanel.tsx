/**
 * Publish with git: what changed (posts by title, then other files), a diff per file, a
 * commit message, Publish (commit + push) with progress and Cancel, Sync, recent history.
 * Every failure is a sentence with the next step as a button.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GitFileDiff, ListedPost } from '../../../shared/models.ts';
import type { Problem } from '../../../shared/health/checks.ts';
import type { Settings } from '../../../shared/settings.ts';
import { api } from '../../api.ts';
import { ChangeList } from './ChangeList.tsx';
import { groupChanges, suggestMessage } from './commit-message.ts';
import { CredentialDialog } from './CredentialDialog.tsx';
import { DiffView } from './DiffView.tsx';
import { FailureNotice, type NextSteps } from './FailureNotice.tsx';
import { History } from './History.tsx';
import { RemoteForm } from './RemoteForm.tsx';
import { TrustNotice } from './TrustNotice.tsx';
import { UnpushedNotice } from './UnpushedNotice.tsx';
import { usePublish } from './usePublish.ts';
import './publish.css';

interface Props {
  posts: ListedPost[];
  /** Posts with unsaved text: a commit takes what is on disk, so the panel says so. */
  unsaved: number;
  onOpenFile(path: string): void;
  /** git changed files on disk (a pull, an abort): re-read them. */
  onFilesChanged(): void;
  onClose(): void;
  /** Bumped by the Git › Sync command: each new value runs one Sync. */
  syncRequest?: number;
  /** The `commitMessage` setting: `{title}` stands for what the selection is about. */
  messageTemplate: string;
  /** The preview is shown: the panel takes its place, edge to edge, whatever its width. */
  overPreview?: boolean;
  /** The `publishCheck` setting: ask before sending broken links, only show them, or neither. */
  publishCheck?: Settings['publishCheck'];
}

/** What stops a publish (with `ask`): readers would meet these on the site. */
const BLOCKING = new Set(['broken-link', 'missing-image', 'broken-ref', 'image-case']);

const cancellable = new Set(['publish', 'sync', 'push']);

export function PublishPanel({
  posts,
  unsaved,
  onOpenFile,
  onFilesChanged,
  onClose,
  syncRequest = 0,
  messageTemplate,
  overPreview = false,
  publishCheck = 'ask',
}: Props) {
  const model = usePublish(onFilesChanged);
  const { status, running } = model;
  const busy = running !== null;
  const files = useMemo(() => status?.files ?? [], [status]);
  const groups = useMemo(() => groupChanges(files, posts), [files, posts]);

  // New changes start selected; the writer's unticks are kept while the file stays changed.
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const selected = useMemo(
    () => new Set(files.map((f) => f.path).filter((p) => !excluded.has(p))),
    [files, excluded],
  );
  const toggle = (path: string, on: boolean) =>
    setExcluded((old) => {
      const next = new Set(old);
      if (on) next.delete(path);
      else next.add(path);
      return next;
    });

  const suggestion = suggestMessage(groups, selected, messageTemplate);
  const [typed, setTyped] = useState<string | null>(null);
  const message = typed ?? suggestion;

  const [shown, setShown] = useState<string | null>(null);
  const [diff, setDiff] = useState<GitFileDiff | null>(null);
  const shownChanged = shown !== null && files.some((f) => f.path === shown);
  useEffect(() => {
    if (!shown || !shownChanged) return;
    let live = true;
    void api.gitDiff({ path: shown }).then((result) => {
      if (live) setDiff(result.ok ? result.value : null);
    });
    return () => {
      live = false;
    };
  }, [shown, shownChanged, files]);

  const steps: NextSteps = {
    init: () => void model.run('init', () => api.gitInit()),
    addRemote: (url) => void model.run('remote', () => api.gitAddRemote({ url })),
    pushUpstream: () => void model.run('push', () => api.gitPush({ setUpstream: true })),
    sync: () => void model.run('sync', () => api.gitSync()),
    refresh: () => void model.refresh(),
    openFile: onOpenFile,
    getGit: () => void api.openExternal({ url: 'https://git-scm.com/downloads' }),
  };

  const push = () => void model.run('push', () => api.gitPush());

  const syncNow = useRef(steps.sync);
  useEffect(() => {
    syncNow.current = steps.sync;
  });
  useEffect(() => {
    if (syncRequest > 0) syncNow.current();
  }, [syncRequest]);

  // The site health check's problems in the files this publish sends.
  const [found, setProblems] = useState<Problem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const selectedKey = [...selected].sort().join('\n');
  useEffect(() => {
    if (publishCheck === 'never' || !selectedKey) return;
    let live = true;
    void api
      .getHealth({ paths: selectedKey.split('\n') })
      .then((rows) => live && setProblems(rows.problems.filter((p) => BLOCKING.has(p.kind))))
      .catch(() => live && setProblems([]));
    return () => {
      live = false;
    };
  }, [selectedKey, publishCheck]);

  const problems = publishCheck === 'never' || !selectedKey ? [] : found;
  const publish = async (checked = false) => {
    if (!checked && publishCheck === 'ask' && problems.length) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const paths = files.map((f) => f.path).filter((p) => selected.has(p));
    const ok = await model.run('publish', () => api.gitCommitAndPush({ paths, message }));
    if (ok) {
      setTyped(null);
      setShown(null);
    }
  };

  const canPublish =
    !busy && status !== null && !status.operation && selected.size > 0 && message.trim() !== '';

  return (
    <aside className={`publish-panel${overPreview ? ' over-preview' : ''}`} aria-label="Publish">
      <header className="publish-header">
        <h2>Publish</h2>
        {status ? (
          <div className="repo-line">
            <span className="branch" title="Branch">
              {status.branch ?? 'detached HEAD'}
            </span>
            {status.upstream ? (
              <>
                <span className="upstream" title="Tracks">
                  → {status.upstream}
                </span>
                <span
                  className="ahead-behind"
                  title={`${status.ahead} to push, ${status.behind} to pull`}
                  aria-label={`${status.ahead} ahead, ${status.behind} behind`}
                >
                  ↑{status.ahead} ↓{status.behind}
                </span>
              </>
            ) : (
              <span className="upstream">not on a remote yet</span>
            )}
          </div>
        ) : null}
        <div className="publish-header-actions">
          <button
            type="button"
            onClick={steps.sync}
            disabled={busy || !status?.upstream || status.operation !== null}
            title="Fetch, pull and push"
          >
            Sync
          </button>
          <button type="button" className="icon" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
      </header>

      <div className="publish-body">
        {model.statusFailure ? (
          <FailureNotice failure={model.statusFailure} status={null} busy={busy} steps={steps} />
        ) : null}

        {status?.operation ? (
          <div className="publish-notice warn" role="status">
            <p className="notice-message">
              A {status.operation} is in progress
              {status.conflicted.length
                ? `: resolve the conflicts in ${status.conflicted.length === 1 ? 'this file' : 'these files'}, save, then Continue. Abort puts everything back as it was before.`
                : '. Continue to finish it, or Abort to go back.'}
            </p>
            {status.conflicted.length ? (
              <ul className="notice-files">
                {status.conflicted.map((file) => (
                  <li key={file}>
                    <code>{file}</code>
                    <button type="button" className="link" onClick={() => onOpenFile(file)}>
                      Open
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="notice-actions">
              <button
                type="button"
                disabled={busy}
                onClick={() => void model.run('abort', () => api.gitAbort())}
              >
                Abort {status.operation}
              </button>
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void model.run('continue', () => api.gitContinue())}
              >
                Continue
              </button>
            </div>
          </div>
        ) : null}

        {model.failure ? (
          <FailureNotice
            failure={
              // The banner above lists the conflicted files already, with their Open buttons.
              status?.operation ? { ...model.failure, files: undefined } : model.failure
            }
            status={status}
            busy={busy}
            steps={steps}
            onDismiss={model.dismiss}
          />
        ) : null}
        {status ? (
          <TrustNotice
            status={status}
            busy={busy}
            onAnswer={(trusted) => void model.run('trust', () => api.gitTrust({ trusted }))}
          />
        ) : null}
        {status && !status.operation && !busy && model.failure?.kind !== 'NO_UPSTREAM' ? (
          <UnpushedNotice status={status} posts={posts} busy={busy} onPush={push} />
        ) : null}
        {model.done ? (
          <div className="publish-notice ok" role="status">
            <p className="notice-message">{model.done}</p>
          </div>
        ) : null}

        {status && !status.remotes.length && model.failure?.kind !== 'NO_REMOTE' ? (
          <section className="publish-section">
            <p className="publish-hint">
              No remote yet: add the URL of the repository your site publishes from.
            </p>
            <RemoteForm busy={busy} onAdd={steps.addRemote} />
          </section>
        ) : null}

        {status ? (
          <section className="publish-section" aria-label="Changes">
            <h3>
              Changes <span className="count">{files.length}</span>
            </h3>
            {unsaved ? (
              <p className="publish-hint warn">
                {unsaved === 1 ? '1 post has' : `${unsaved} posts have`} unsaved changes: save to
                include them.
              </p>
            ) : null}
            {files.length ? (
              <ChangeList
                groups={groups}
                selected={selected}
                shown={shown}
                disabled={busy}
                onToggle={toggle}
                onShow={(path) => setShown((old) => (old === path ? null : path))}
              />
            ) : (
              <p className="publish-empty">Nothing to publish: every change is committed.</p>
            )}
            {diff && shownChanged && shown === diff.path ? <DiffView diff={diff} /> : null}
          </section>
        ) : null}

        {problems.length && publishCheck !== 'never' ? (
          <div
            className={`publish-notice ${confirming ? 'error' : 'warn'}`}
            role={confirming ? 'alertdialog' : 'region'}
            aria-label="Problems in these files"
          >
            <p className="notice-message">
              {confirming
                ? `Publish anyway? Readers would meet ${problems.length === 1 ? 'this broken link or missing image' : `these ${problems.length} broken links and missing images`}.`
                : `${problems.length === 1 ? '1 broken link or missing image' : `${problems.length} broken links and missing images`} in the files you publish:`}
            </p>
            <ul className="notice-files">
              {problems.slice(0, 8).map((problem, i) => (
                <li key={i}>
                  <code>
                    {problem.path}:{problem.line}
                  </code>{' '}
                  {problem.message}{' '}
                  <button type="button" className="link" onClick={() => onOpenFile(problem.path)}>
                    Open
                  </button>
                </li>
              ))}
              {problems.length > 8 ? <li>and {problems.length - 8} more</li> : null}
            </ul>
            {confirming ? (
              <div className="notice-actions">
                <button type="button" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
                <button type="button" className="danger" onClick={() => void publish(true)}>
                  Publish anyway
                </button>
              </div>
            ) : null}
          </div>
        ) : null}

        {status && files.length && !status.operation ? (
          <section className="publish-section commit-box">
            <label htmlFor="publish-message">Commit message</label>
            <textarea
              id="publish-message"
              rows={2}
              value={message}
              disabled={busy}
              onChange={(e) => setTyped(e.target.value)}
            />
            <button
              type="button"
              className="primary publish-button"
              disabled={!canPublish}
              onClick={() => void publish()}
            >
              Publish {selected.size} {selected.size === 1 ? 'file' : 'files'}
            </button>
          </section>
        ) : null}

        {running ? (
          <div className="publish-progress" role="status" aria-live="polite">
            <div className="progress-label">
              <span>{running.phase}…</span>
              {running.percent !== null ? <span>{running.percent}%</span> : null}
            </div>
            <div
              className={`progress-track${running.percent === null ? ' indeterminate' : ''}`}
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={running.percent ?? undefined}
            >
              <div className="progress-fill" style={{ width: `${running.percent ?? 30}%` }} />
            </div>
            {cancellable.has(running.action) ? (
              <button type="button" onClick={model.cancel}>
                Cancel
              </button>
            ) : null}
          </div>
        ) : null}

        {status ? (
          <section className="publish-section" aria-label="History">
            <h3>History</h3>
            <History log={model.log} ahead={status.unpushed.commits} />
          </section>
        ) : null}
      </div>

      {model.credential ? (
        <CredentialDialog
          key={model.credential.id}
          request={model.credential}
          onAnswer={model.answer}
        />
      ) : null}
    </aside>
  );
}
