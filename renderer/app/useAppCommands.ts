/**
 * The app's own commands, registered in the command registry (commands.ts): files, editing,
 * view and preferences. Post operations, publishing and sync register theirs where they
 * live, with `useCommand(id, run, enabled)`.
 */
import { redo, undo } from '@codemirror/commands';
import { openSearchPanel } from '@codemirror/search';
import type { EditorView } from '@codemirror/view';
import { useEffect, type RefObject } from 'react';
import type { Layout, Settings, SettingsPatch } from '../../shared/settings.ts';
import { api } from '../api.ts';
import type { FinderMode } from '../features/finder/Finder.tsx';
import { commands, useCommand } from '../common/commands.ts';

export interface AppCommandContext {
  viewRef: RefObject<EditorView | null>;
  activePath: string | null;
  dirtyCount: number;
  settings: Settings;
  updateSettings(patch: SettingsPatch): Promise<void>;
  save(): Promise<void>;
  saveAll(): Promise<void>;
  openFolder(folder?: string): Promise<void>;
  closePost(): Promise<void>;
  openPalette(): void;
  openSettings(): void;
  openFinder(mode: FinderMode): void;
}

/** Chromium's zoom steps (the menu's Zoom In adds one). */
const ZOOM_STEP = 0.5;

/** Menu Undo/Redo act on the editor, or on the focused form field through the browser. */
function historyCommand(view: EditorView | null, which: 'undo' | 'redo'): void {
  const active = document.activeElement;
  if (view && (!active || active === document.body || view.dom.contains(active))) {
    (which === 'undo' ? undo : redo)(view);
    view.focus();
  } else {
    document.execCommand(which);
  }
}

export function useAppCommands(ctx: AppCommandContext): void {
  const { viewRef, settings, updateSettings: update } = ctx;
  const hasPost = () => ctx.activePath !== null;
  const toggleLayout = (pane: keyof Pick<Layout, 'sidebar' | 'form' | 'preview'>) =>
    void update({ layout: { [pane]: !settings.layout[pane] } });
  const zoom = (level: number) => void update({ zoomLevel: Math.max(-5, Math.min(5, level)) });

  useCommand('save', ctx.save, hasPost);
  useCommand('saveAll', ctx.saveAll, () => ctx.dirtyCount > 0);
  useCommand('openFolder', () => ctx.openFolder());
  useCommand('openRecent', (folder) => (folder ? ctx.openFolder(folder) : ctx.openFolder()));
  useCommand('closePost', ctx.closePost, hasPost);
  useCommand('revealInFolder', () =>
    api.revealInFolder(ctx.activePath ? { path: ctx.activePath } : {}),
  );
  useCommand('undo', () => historyCommand(viewRef.current, 'undo'));
  useCommand('redo', () => historyCommand(viewRef.current, 'redo'));
  useCommand('find', () => viewRef.current && openSearchPanel(viewRef.current), hasPost);
  useCommand(
    'replace',
    () => {
      const view = viewRef.current;
      if (!view) return;
      openSearchPanel(view);
      view.dom.querySelector<HTMLInputElement>('.cm-search input[name=replace]')?.focus();
    },
    hasPost,
  );
  useCommand('toggleSidebar', () => toggleLayout('sidebar'));
  useCommand('toggleForm', () => toggleLayout('form'));
  useCommand('togglePreview', () => toggleLayout('preview'));
  useCommand('focusMode', () => update({ focusMode: !settings.focusMode }));
  useCommand('typewriter', () => update({ typewriter: !settings.typewriter }));
  useCommand('zoomIn', () => zoom(settings.zoomLevel + ZOOM_STEP));
  useCommand('zoomOut', () => zoom(settings.zoomLevel - ZOOM_STEP));
  useCommand('zoomReset', () => zoom(0));
  useCommand('themeAuto', () => update({ theme: 'auto' }));
  useCommand('themeLight', () => update({ theme: 'light' }));
  useCommand('themeDark', () => update({ theme: 'dark' }));
  useCommand('commandPalette', ctx.openPalette);
  useCommand('quickOpen', () => ctx.openFinder('title'));
  useCommand('searchAll', () => ctx.openFinder('search'));
  useCommand('settings', ctx.openSettings);

  // Each recent folder is a palette entry of its own ("Open Recent: blog — /path").
  const recent = settings.recentFolders.join('\n');
  useEffect(() => {
    const offs = recent
      .split('\n')
      .filter(Boolean)
      .map((folder) =>
        commands.register({
          id: `openRecent:${folder}`,
          title: `${folder.split(/[\\/]/).filter(Boolean).at(-1) ?? folder} — ${folder}`,
          category: 'Open Recent',
          run: () => commands.run('openRecent', folder),
        }),
      );
    return () => offs.forEach((off) => off());
  }, [recent]);
}
