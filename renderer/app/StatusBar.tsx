import type { DocStats, Status } from '../common/status.ts';
import type { HealthSummary } from '../../shared/health/checks.ts';

export type { DocStats, Status };

const number = new Intl.NumberFormat();

export function StatusBar({
  status,
  stats,
  health = null,
  onShowProblems,
  onDismiss,
}: {
  status: Status | null;
  stats: DocStats | null;
  /** The site health check's counts: a click shows the Problems tab. */
  health?: HealthSummary | null;
  onShowProblems?: () => void;
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
      {health && (health.errors || health.warnings) ? (
        <button
          type="button"
          className="link health-count"
          data-testid="health-count"
          title="Show the Problems tab"
          onClick={onShowProblems}
        >
          {[
            health.errors
              ? `${number.format(health.errors)} ${health.errors === 1 ? 'error' : 'errors'}`
              : '',
            health.warnings
              ? `${number.format(health.warnings)} ${health.warnings === 1 ? 'warning' : 'warnings'}`
              : '',
          ]
            .filter(Boolean)
            .join(', ')}
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
