import type { ReactNode } from 'react';
import type { WorkspaceInfo } from '../../shared/models.ts';
import type { ThemeChoice } from '../common/theme.ts';
import { commands } from '../common/commands.ts';

interface Props {
  workspace: WorkspaceInfo | null;
  canSave: boolean;
  theme: ThemeChoice;
  onTheme(theme: ThemeChoice): void;
  onOpenFolder(): void;
  onSave(): void;
  onSettings(): void;
  /** Opens or closes the publish panel (renderer/features/publish). */
  onPublish?(): void;
  publishOpen?: boolean;
  /** More actions, before the theme menu (the Export menu). */
  children?: ReactNode;
}

/** The key a registered command answers to, for a button's tooltip. */
function keyHint(id: string): string {
  const command = commands.get(id);
  const key = command && commands.shortcut(command);
  return key ? ` (${key})` : '';
}

export function Toolbar({
  workspace,
  canSave,
  theme,
  onTheme,
  onOpenFolder,
  onSave,
  onSettings,
  onPublish,
  publishOpen,
  children,
}: Props) {
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
          onChange={(e) => onTheme(e.target.value as ThemeChoice)}
        >
          <option value="auto">System theme</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        <button
          type="button"
          className="icon"
          onClick={onSettings}
          aria-label="Settings"
          title={`Settings${keyHint('settings')}`}
        >
          ⚙
        </button>
        <button type="button" onClick={onOpenFolder} title={`Open Folder${keyHint('openFolder')}`}>
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
          title={`Save${keyHint('save')}`}
        >
          Save
        </button>
      </div>
    </header>
  );
}
