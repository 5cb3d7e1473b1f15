import type { Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import {
  formatTableAtCursor,
  insertLink,
  toggleBold,
  toggleCode,
  toggleItalic,
} from './commands.ts';

/** Markdown formatting keys; list continuation comes with @codemirror/lang-markdown. */
export function markdownCommandKeys(): Extension {
  return keymap.of([
    { key: 'Mod-b', run: toggleBold },
    { key: 'Mod-i', run: toggleItalic },
    { key: 'Mod-e', run: toggleCode },
    { key: 'Mod-k', run: insertLink },
    { key: 'Shift-Alt-f', run: formatTableAtCursor },
  ]);
}
