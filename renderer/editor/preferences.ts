/**
 * The editor's switchable parts (Vim keys, focus mode, typewriter scrolling), each in a
 * Compartment so a setting change reconfigures the open editor without rebuilding it.
 * The app keeps one EditorState per post; `applyPreferences` brings the shown one up to date.
 */
import { Compartment, type Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { vim } from '@replit/codemirror-vim';
import { focusMode } from './focus-mode.ts';
import { typewriterScrolling } from './typewriter.ts';

export interface EditorPreferences {
  vim: boolean;
  focusMode: boolean;
  typewriter: boolean;
}

const parts = {
  vim: { compartment: new Compartment(), on: () => vim({ status: true }) },
  focusMode: { compartment: new Compartment(), on: focusMode },
  typewriter: { compartment: new Compartment(), on: typewriterScrolling },
} satisfies Record<keyof EditorPreferences, { compartment: Compartment; on: () => Extension }>;

const names = Object.keys(parts) as Array<keyof EditorPreferences>;

let current: EditorPreferences = { vim: false, focusMode: false, typewriter: false };

/** Vim's keymap must come before every other keymap, so this goes first in the setup. */
export function vimSlot(): Extension {
  return parts.vim.compartment.of(current.vim ? parts.vim.on() : []);
}

export function preferenceExtensions(): Extension {
  return [
    parts.focusMode.compartment.of(current.focusMode ? parts.focusMode.on() : []),
    parts.typewriter.compartment.of(current.typewriter ? parts.typewriter.on() : []),
  ];
}

/** New editor states are created with these; the shown one is reconfigured to match. */
export function applyPreferences(view: EditorView | null, preferences: EditorPreferences): void {
  current = { ...preferences };
  if (!view) return;
  const effects = names
    .filter((name) => {
      const active = parts[name].compartment.get(view.state);
      const isOn = Array.isArray(active) ? active.length > 0 : active !== undefined;
      return isOn !== preferences[name];
    })
    .map((name) => parts[name].compartment.reconfigure(preferences[name] ? parts[name].on() : []));
  if (effects.length) view.dispatch({ effects });
}
