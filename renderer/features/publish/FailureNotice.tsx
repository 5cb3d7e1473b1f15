import type { ReactNode } from 'react';
import type { GitFailure, GitStatus } from '../../../shared/models.ts';
import { RemoteForm } from './RemoteForm.tsx';

export interface NextSteps {
  init(): void;
  addRemote(url: string): void;
  pushUpstream(): void;
  sync(): void;
  refresh(): void;
  openFile(path: string): void;
  getGit(): void;
}

/** A failure as a sentence, what git said, and the step that gets the writer further. */
export function FailureNotice({
  failure,
  status,
  busy,
  steps,
  onDismiss,
}: {
  failure: GitFailure;
  status: GitStatus | null;
  busy: boolean;
  steps: NextSteps;
  onDismiss?: () => void;
}) {
  const upstream = status?.remotes[0]
    ? `${status.remotes.find((r) => r.name === 'origin')?.name ?? status.remotes[0].name}/${status.branch ?? ''}`
    : 'the remote';
  const action = (text: string, onClick: () => void, primary = true) => (
    <button type="button" className={primary ? 'primary' : ''} disabled={busy} onClick={onClick}>
      {text}
    </button>
  );
  let next: ReactNode;
  switch (failure.kind) {
    case 'NOT_A_REPO':
      next = action('Set up git here (git init)', steps.init);
      break;
    case 'GIT_NOT_FOUND':
      next = (
        <>
          {action('Get git', steps.getGit)}
          {action('Check again', steps.refresh, false)}
        </>
      );
      break;
    case 'NO_REMOTE':
      next = <RemoteForm busy={busy} onAdd={steps.addRemote} />;
      break;
    case 'NO_UPSTREAM':
      next = action(`Push and track ${upstream}`, steps.pushUpstream);
      break;
    case 'REJECTED':
      next = action('Sync now', steps.sync);
      break;
    case 'DETACHED_HEAD':
    case 'BUSY':
      next = action('Check again', steps.refresh, false);
      break;
    default:
      next = null;
  }
  return (
    <div className="publish-notice error" role="alert" data-kind={failure.kind}>
      <div className="notice-head">
        <p className="notice-message">{failure.message}</p>
        {onDismiss ? (
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        ) : null}
      </div>
      {failure.files?.length ? (
        <ul className="notice-files">
          {failure.files.map((file) => (
            <li key={file}>
              <code>{file}</code>
              <button type="button" className="link" onClick={() => steps.openFile(file)}>
                Open
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {failure.detail ? (
        <details open={failure.kind === 'HOOK_FAILED'}>
          <summary>{failure.kind === 'HOOK_FAILED' ? 'Hook output' : 'What git said'}</summary>
          <pre>{failure.detail}</pre>
        </details>
      ) : null}
      {next ? <div className="notice-actions">{next}</div> : null}
    </div>
  );
}
