import type { DiskConflict } from './useDiskChanges.ts';

interface Props {
  path: string;
  conflict: DiskConflict;
  onKeepMine(): void;
  onLoadTheirs(): void;
  onCompare(): void;
}

const messages: Record<DiskConflict['cause'], string> = {
  watcher: 'This post changed on disk.',
  save: 'Not saved: this post changed on disk since you opened it.',
  restore: 'This post also changed on disk since your restored text was backed up.',
};

/** Shown over the editor when another program changed the post while it has unsaved text. */
export function DiskChangeBanner({ path, conflict, onKeepMine, onLoadTheirs, onCompare }: Props) {
  const removed = conflict.version === null;
  return (
    <div className="disk-change" role="alert" data-testid="disk-change">
      <span>
        {removed
          ? 'This post was removed or moved on disk; your unsaved text stays open here.'
          : messages[conflict.cause]}{' '}
        <span className="file-path">{path}</span>
      </span>
      {removed ? null : (
        <button type="button" className="primary" onClick={onCompare}>
          Compare…
        </button>
      )}
      <button type="button" className={removed ? 'primary' : undefined} onClick={onKeepMine}>
        Keep mine
      </button>
      {removed ? null : (
        <button type="button" onClick={onLoadTheirs}>
          Load theirs
        </button>
      )}
    </div>
  );
}
