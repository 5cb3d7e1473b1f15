import type { GitStatus, ListedPost } from '../../../shared/models.ts';
import { groupChanges } from './commit-message.ts';

/**
 * Commits the remote does not have yet, read from git's status each time the panel looks: a
 * push that was cancelled, failed, or cut short by closing the app is never a dead end.
 */
/** Posts named by title; the rest are counted. */
const SHOWN = 6;

export function UnpushedNotice({
  status,
  posts,
  busy,
  onPush,
}: {
  status: GitStatus;
  posts: ListedPost[];
  busy: boolean;
  onPush(): void;
}) {
  const { commits, files } = status.unpushed;
  const remote = status.remotes.find((r) => r.name === 'origin') ?? status.remotes[0];
  if (!commits || !remote || !status.branch) return null;
  const tracked = status.upstream !== null && !status.upstreamGone;
  const where = tracked ? status.upstream! : `${remote.name}/${status.branch}`;
  const groups = groupChanges(
    files.map((path) => ({ path, change: 'modified' as const })),
    posts,
  );
  const others = groups.others.length;
  const hidden = Math.max(0, groups.posts.length - SHOWN);
  const count = commits === 1 ? '1 commit' : `${commits} commits`;
  return (
    <div className="publish-notice warn" role="status" aria-label="Not pushed yet">
      <p className="notice-message">
        {tracked
          ? `${count} on ${status.branch} ${commits === 1 ? 'is' : 'are'} not on ${where} yet.`
          : `${status.branch} is not on ${remote.name} yet: ${count} to push.`}
      </p>
      {groups.posts.length || others ? (
        <ul className="notice-files">
          {groups.posts.slice(0, SHOWN).map(({ file, title }) => (
            <li key={file.path}>{title}</li>
          ))}
          {hidden ? <li>{hidden === 1 ? '1 more post' : `${hidden} more posts`}</li> : null}
          {others ? <li>{others === 1 ? '1 other file' : `${others} other files`}</li> : null}
        </ul>
      ) : null}
      <div className="notice-actions">
        <button type="button" className="primary" disabled={busy} onClick={onPush}>
          {tracked ? 'Push' : `Push and track ${where}`}
        </button>
      </div>
    </div>
  );
}
