import { useState, type ReactNode } from 'react';
import type { WorkspaceInfo } from '../../shared/models.ts';
import { applyTheme, loadTheme, type ThemeChoice } from './theme.ts';

interface Props {
  workspace: WorkspaceInfo | null;
  canSave: boolean;
  onOpenFolder(): void;
  onSave(): void;
  /** Opens or closes the publish panel (renderer/features/publish). */
  onPublish?(): void;
  publishOpen?: boolean;
  /** More actions, before the theme menu (the Export menu). */
  children?: ReactNode;
}

const isMac = navigator.platform.startsWith('Mac');

export function Toolbar({
  workspace,
  canSave,
  onOpenFolder,
  onSave,
  onPublish,
  publishOpen,
  children,
}: Props) {
  const [theme, setTheme] = useState<ThemeChoice>(loadTheme);
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
        {children}
        <select
          aria-label="Theme"
          value={theme}
          onChange={(e) => {
            const choice = e.target.value as ThemeChoice;
            applyTheme(choice);
            setTheme(choice);
          }}
        >
          <option value="auto">System theme</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        <button type="button" onClick={onOpenFolder}>
          Open Folder…
        </button>
        {onPublish ? (
          <button
            type="button"
            onClick={onPublish}
            aria-pressed={publishOpen}
            disabled={!workspace}
            title="Commit and push with git"
          >
            Publish…
          </button>
        ) : null}
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
