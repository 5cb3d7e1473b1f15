import { useState } from 'react';
import type { RecoveredPost } from '../../shared/models.ts';
import { RecoveryDiff } from './RecoveryDiff.tsx';

interface Props {
  recovered: RecoveredPost[];
  onRestore(): void;
  onDiscard(): void;
}

/**
 * Unsaved text from last time (a crash, a kill, a power cut), offered back, with what it
 * changes against the file on disk now, so the writer knows what Restore and Discard mean.
 */
export function RecoveryBanner({ recovered, onRestore, onDiscard }: Props) {
  const [showDiff, setShowDiff] = useState(false);
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
      <button type="button" aria-expanded={showDiff} onClick={() => setShowDiff((on) => !on)}>
        {showDiff ? 'Hide Changes' : 'Show Changes'}
      </button>
      <button type="button" className="primary" onClick={onRestore}>
        Restore
      </button>
      <button type="button" onClick={onDiscard}>
        Discard
      </button>
      {showDiff ? (
        <div className="recovery-diffs">
          {recovered.map((post) => (
            <RecoveryDiff key={post.path} post={post} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
