import type { WorkspaceInfo } from '../../shared/models.ts';

interface Props {
  workspace: WorkspaceInfo | null;
  canSave: boolean;
  onOpenFolder(): void;
  onSave(): void;
}

const isMac = navigator.platform.startsWith('Mac');

export function Toolbar({ workspace, canSave, onOpenFolder, onSave }: Props) {
  return (
    <header className="toolbar">
      <div className="brand" aria-hidden="true">
        Folio
      </div>
      <div className="workspace" title={workspace?.root}>
        {workspace ? (
          <>
            <span className="workspace-name">{workspace.name}</span>
            <span className="workspace-kind">{workspace.generator}</span>
          </>
        ) : (
          'No folder open'
        )}
      </div>
      <div className="toolbar-actions">
        <button type="button" onClick={onOpenFolder}>
          Open Folder…
        </button>
        <button
          type="button"
          className="primary"
          onClick={onSave}
          disabled={!canSave}
          title={isMac ? '⌘S' : 'Ctrl+S'}
        >
          Save
        </button>
      </div>
    </header>
  );
}
