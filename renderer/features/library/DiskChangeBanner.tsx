interface Props {
  path: string;
  /** True when the file was deleted or moved away rather than edited. */
  removed: boolean;
  onKeepMine(): void;
  onLoadTheirs(): void;
}

/** Shown over the editor when another program changed the post while it has unsaved text. */
export function DiskChangeBanner({ path, removed, onKeepMine, onLoadTheirs }: Props) {
  return (
    <div className="disk-change" role="alert" data-testid="disk-change">
      <span>
        {removed
          ? 'This post was removed or moved on disk; your unsaved text stays open here.'
          : 'This post changed on disk.'}{' '}
        <span className="file-path">{path}</span>
      </span>
      <button type="button" className="primary" onClick={onKeepMine}>
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
