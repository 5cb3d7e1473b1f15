/**
 * The editor's right-click menu: spelling suggestions for a misspelled word (Electron's
 * spellchecker), "Add to Dictionary", then the clipboard items. Pure, from the parameters
 * of webContents' 'context-menu' event, so it is unit-tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface ContextParams {
  misspelledWord: string;
  dictionarySuggestions: string[];
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export interface ContextActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

/** Suggestions beyond this many make the menu harder to read than to retype the word. */
export const MAX_SUGGESTIONS = 6;

export function contextMenuTemplate(
  params: ContextParams,
  actions: ContextActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length) {
      for (const word of suggestions) {
        items.push({ label: word, click: () => actions.replaceMisspelling(word) });
      }
    } else {
      items.push({ label: 'No Spelling Suggestions', enabled: false });
    }
    items.push(
      { type: 'separator' },
      {
        label: `Add “${params.misspelledWord}” to Dictionary`,
        click: () => actions.addToDictionary(params.misspelledWord),
      },
      { type: 'separator' },
    );
  }
  if (params.isEditable) {
    items.push(
      { role: 'cut', enabled: params.editFlags.canCut },
      { role: 'copy', enabled: params.editFlags.canCopy },
      { role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText) {
    items.push({ role: 'copy', enabled: params.editFlags.canCopy });
  }
  return items;
}
