import type { DocStats, Status } from '../common/status.ts';

export type { DocStats, Status };

const number = new Intl.NumberFormat();

export function StatusBar({
  status,
  stats,
  onDismiss,
}: {
  status: Status | null;
  stats: DocStats | null;
  onDismiss(): void;
}) {
  return (
    <footer className={`status-bar ${status?.kind ?? ''}`}>
      <span role="status" aria-live="polite" data-testid="status-text">
        {status?.text ?? ''}
      </span>
      {status?.kind === 'error' ? (
        <button type="button" className="link" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
      {stats ? (
        <span className="doc-stats" data-testid="doc-stats">
          {number.format(stats.words)} words · {stats.minutes} min read
          {stats.selected ? ` · ${number.format(stats.selected)} selected` : ''}
        </span>
      ) : null}
    </footer>
  );
}
