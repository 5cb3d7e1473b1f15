import type { Settings } from '../../../shared/settings.ts';
import { applyTheme } from '../../common/theme.ts';

/** A font list as typed (`"iA Writer Duo", Menlo`), kept only if it cannot break out of the value. */
function fontList(family: string): string | null {
  const trimmed = family.trim();
  return trimmed && !/[;{}<>\\]/.test(trimmed) ? trimmed : null;
}

/** Applies the look settings to the page: CSS variables the editor and preview read. */
export function applyAppearance(settings: Settings): void {
  const root = document.documentElement;
  const family = fontList(settings.editorFontFamily);
  root.style.setProperty('--editor-font', family ? `${family}, var(--mono)` : 'var(--mono)');
  root.style.setProperty('--editor-font-size', `${settings.editorFontSize}px`);
  // The text column in characters of the editor's font, plus the lines' side padding.
  root.style.setProperty('--editor-width', `calc(${settings.lineWidth}ch + 48px)`);
  root.dataset.previewTheme = settings.previewTheme;
  applyTheme(settings.theme);
}
