import type { RecoveredPost } from '../../shared/models.ts';

interface Props {
  recovered: RecoveredPost[];
  onRestore(): void;
  onDiscard(): void;
}

/** Unsaved text from last time (a crash, a kill, a power cut), offered back. */
export function RecoveryBanner({ recovered, onRestore, onDiscard }: Props) {
  // An empty slot keeps the window's grid rows in place when there is nothing to offer.
  if (!recovered.length) return <div className="recovery-slot" />;
  const changed = recovered.filter((r) => r.changedOnDisk).length;
  return (
    <div className="recovery" role="alert" data-testid="recovery">
      <span>
        Folio kept unsaved changes to{' '}
        {recovered.length === 1 ? 'one post' : `${recovered.length} posts`} from last time:{' '}
        {recovered.map((r) => r.path.split('/').at(-1)).join(', ')}.
        {changed ? ` ${changed} changed on disk since; restoring keeps both until you save.` : ''}
      </span>
      <button type="button" className="primary" onClick={onRestore}>
        Restore
      </button>
      <button type="button" onClick={onDiscard}>
        Discard
      </button>
    </div>
  );
}
