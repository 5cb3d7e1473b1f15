import type { GitStatus } from '../../../shared/models.ts';

/** Programs listed by name; the rest are counted. */
const SHOWN = 6;

/**
 * The programs a blog's repository would have git run (its hooks, an ssh command, filters…).
 * Asked once per blog, and again when they change: a blog from anywhere runs nothing of its
 * own until the writer trusts it.
 */
export function TrustNotice({
  status,
  busy,
  onAnswer,
}: {
  status: GitStatus;
  busy: boolean;
  onAnswer(trusted: boolean): void;
}) {
  const { programs, trust } = status;
  if (trust === 'none-needed' || trust === 'trusted') return null;
  const count = programs.length === 1 ? '1 program' : `${programs.length} programs`;
  if (trust === 'without') {
    return (
      <p className="publish-hint" role="status" aria-label="Blog programs">
        Publishing without this blog’s {count} (its hooks and git settings stay off).{' '}
        <button type="button" className="link" disabled={busy} onClick={() => onAnswer(true)}>
          Trust this blog
        </button>
      </p>
    );
  }
  return (
    <div className="publish-notice warn" role="region" aria-label="Blog programs">
      <p className="notice-message">
        This blog’s git names {count} that would run when you publish. Run them only if you trust
        where this blog comes from; without them, Folio commits and pushes all the same.
      </p>
      <ul className="notice-files">
        {programs.slice(0, SHOWN).map((program) => (
          <li key={`${program.key}\0${program.value}`} title={program.file}>
            <code>{program.key}</code> <span>{program.value}</span>
          </li>
        ))}
        {programs.length > SHOWN ? <li>and {programs.length - SHOWN} more</li> : null}
      </ul>
      <div className="notice-actions">
        <button type="button" disabled={busy} onClick={() => onAnswer(false)}>
          Publish without them
        </button>
        <button type="button" disabled={busy} onClick={() => onAnswer(true)}>
          Trust this blog
        </button>
      </div>
    </div>
  );
}
