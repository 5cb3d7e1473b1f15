/**
 * Every built-in command described once: its title, its category and its shortcut. The
 * application menu (electron/menu-template.ts) takes labels and accelerators from here, the
 * command palette titles and key hints, the renderer's key handler the keys themselves.
 *
 * Keys are written `Mod+Shift+P`: `Mod` is Cmd on macOS and Ctrl elsewhere. A key may differ
 * per OS (`{ mac, other }`).
 */
import type { MenuCommand } from './channels.ts';

export type Platform = 'mac' | 'other';
export type KeySpec = string | { mac: string; other: string };

export interface CommandInfo {
  title: string;
  category: 'File' | 'Edit' | 'View' | 'Go' | 'Post' | 'Git' | 'Preferences';
  key?: KeySpec;
  /**
   * Who answers the key: 'app' (the renderer's key handler runs the command, the default)
   * or 'editor' (CodeMirror's own keymap or the focused input does; the menu only shows it).
   */
  keyOwner?: 'app' | 'editor';
}

export const commandInfo: Record<MenuCommand, CommandInfo> = {
  newPost: { title: 'New Post', category: 'File', key: 'Mod+N' },
  openFolder: { title: 'Open Folder…', category: 'File', key: 'Mod+O' },
  openRecent: { title: 'Open Recent Folder', category: 'File' },
  save: { title: 'Save', category: 'File', key: 'Mod+S' },
  saveAll: { title: 'Save All', category: 'File', key: 'Mod+Alt+S' },
  closePost: { title: 'Close Post', category: 'File', key: 'Mod+W' },
  revealInFolder: {
    title: 'Reveal in Folder',
    category: 'File',
    key: { mac: 'Mod+Alt+R', other: 'Shift+Alt+R' },
  },
  undo: { title: 'Undo', category: 'Edit', key: 'Mod+Z', keyOwner: 'editor' },
  redo: {
    title: 'Redo',
    category: 'Edit',
    key: { mac: 'Mod+Shift+Z', other: 'Mod+Y' },
    keyOwner: 'editor',
  },
  find: { title: 'Find', category: 'Edit', key: 'Mod+F', keyOwner: 'editor' },
  replace: { title: 'Replace', category: 'Edit', key: { mac: 'Mod+Alt+F', other: 'Mod+H' } },
  toggleSidebar: { title: 'Toggle Sidebar', category: 'View', key: 'Mod+Shift+E' },
  toggleForm: { title: 'Toggle Front Matter Form', category: 'View', key: 'Mod+Shift+M' },
  togglePreview: { title: 'Toggle Preview', category: 'View', key: 'Mod+Shift+V' },
  focusMode: { title: 'Toggle Focus Mode', category: 'View', key: 'F8' },
  typewriter: { title: 'Toggle Typewriter Scrolling', category: 'View', key: 'F9' },
  zoomIn: { title: 'Zoom In', category: 'View', key: 'Mod+=' },
  zoomOut: { title: 'Zoom Out', category: 'View', key: 'Mod+-' },
  zoomReset: { title: 'Actual Size', category: 'View', key: 'Mod+0' },
  themeAuto: { title: 'Theme: Follow System', category: 'View' },
  themeLight: { title: 'Theme: Light', category: 'View' },
  themeDark: { title: 'Theme: Dark', category: 'View' },
  commandPalette: { title: 'Command Palette…', category: 'View', key: 'Mod+Shift+P' },
  quickOpen: { title: 'Go to Post…', category: 'Go', key: 'Mod+P' },
  searchAll: { title: 'Search All Posts…', category: 'Go', key: 'Mod+Shift+F' },
  settings: { title: 'Settings…', category: 'Preferences', key: 'Mod+,' },
  publishDraft: { title: 'Publish Draft', category: 'Post' },
  renamePost: { title: 'Rename Post…', category: 'Post', key: 'F2' },
  duplicatePost: { title: 'Duplicate Post', category: 'Post' },
  trashPost: { title: 'Move Post to Trash', category: 'Post' },
  gitPublish: { title: 'Publish (Commit and Push)…', category: 'Git' },
  gitSync: { title: 'Sync (Pull and Push)', category: 'Git' },
  exportHtml: { title: 'Export as HTML…', category: 'File' },
  exportPdf: { title: 'Export as PDF…', category: 'File' },
  insertShortcode: { title: 'Insert Shortcode…', category: 'Edit' },
};

export function keyFor(spec: KeySpec | undefined, platform: Platform): string | undefined {
  if (spec === undefined) return undefined;
  return typeof spec === 'string' ? spec : spec[platform];
}

/** `Mod+Shift+P` as Electron writes an accelerator: `CmdOrCtrl+Shift+P`. */
export function toAccelerator(key: string): string {
  return key
    .split('+')
    .map((part) => (part === 'Mod' ? 'CmdOrCtrl' : part))
    .join('+');
}

const macSymbols: Record<string, string> = { Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Mod: '⌘' };
const macOrder = ['Ctrl', 'Alt', 'Shift', 'Mod'];

/** How a key is shown: `⇧⌘P` on macOS, `Ctrl+Shift+P` elsewhere. */
export function displayKey(key: string, platform: Platform): string {
  const parts = key.split('+');
  const main = parts.pop()!;
  const label = main.length === 1 ? main.toUpperCase() : main;
  if (platform === 'mac') {
    const mods = macOrder.filter((m) => parts.includes(m)).map((m) => macSymbols[m]);
    return mods.join('') + label;
  }
  return [...parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)), label].join('+');
}

/** The parts of a KeyboardEvent a key spec is matched against (no DOM types in shared/). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The physical key: `KeyP` -> `p`, `Digit0` -> `0`, so Alt on macOS (`π`) still matches. */
function pressedKey(press: KeyPress): string {
  const code = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(press.code);
  if (code) return (code[1] ?? code[2]!).toLowerCase();
  if (press.code === 'Equal') return '=';
  if (press.code === 'Minus') return '-';
  if (press.code === 'Comma') return ',';
  return press.key.toLowerCase();
}

export function matchesKey(key: string, press: KeyPress, platform: Platform): boolean {
  const parts = key.split('+');
  const main = parts.pop()!.toLowerCase();
  const mod = platform === 'mac' ? press.metaKey : press.ctrlKey;
  const ctrl = platform === 'mac' ? press.ctrlKey : false;
  const wants = (name: string) => parts.includes(name);
  return (
    pressedKey(press) === main &&
    mod === wants('Mod') &&
    ctrl === (platform === 'mac' && wants('Ctrl')) &&
    press.altKey === wants('Alt') &&
    press.shiftKey === wants('Shift') &&
    (platform === 'mac' || !press.metaKey)
  );
}
