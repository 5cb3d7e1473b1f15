import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  contextMenuTemplate,
  MAX_SUGGESTIONS,
  type ContextParams,
} from '../../electron/context-menu.ts';

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const params = (over: Partial<ContextParams>): ContextParams => ({
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: true,
  selectionText: '',
  editFlags: flags,
  ...over,
});

function menu(p: ContextParams) {
  const done: string[] = [];
  const items = contextMenuTemplate(p, {
    replaceMisspelling: (w) => done.push(`replace:${w}`),
    addToDictionary: (w) => done.push(`add:${w}`),
  });
  const click = (label: string) =>
    (items.find((i) => i.label === label)!.click as unknown as () => void)();
  return { items, done, click };
}

const shape = (items: MenuItemConstructorOptions[]) =>
  items.map((i) => i.label ?? i.role ?? i.type);

describe('the editor’s context menu', () => {
  it('offers the spellchecker’s suggestions first, and replaces the word with the one picked', () => {
    const { items, done, click } = menu(
      params({ misspelledWord: 'teh', dictionarySuggestions: ['the', 'tech', 'ten'] }),
    );
    expect(shape(items)).toEqual([
      'the',
      'tech',
      'ten',
      'separator',
      'Add “teh” to Dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    click('tech');
    click('Add “teh” to Dictionary');
    expect(done).toEqual(['replace:tech', 'add:teh']);
  });

  it('keeps the list short and says when there is nothing to suggest', () => {
    const many = menu(
      params({ misspelledWord: 'x', dictionarySuggestions: 'abcdefghij'.split('') }),
    );
    expect(many.items.slice(0, MAX_SUGGESTIONS + 1).map((i) => i.label ?? i.type)).toEqual([
      ...'abcdef'.split(''),
      'separator',
    ]);
    const none = menu(params({ misspelledWord: 'qwzx' }));
    expect(none.items[0]).toEqual({ label: 'No Spelling Suggestions', enabled: false });
  });

  it('greys out what cannot be done, and offers only Copy outside editable text', () => {
    const noPaste = menu(params({ editFlags: { ...flags, canPaste: false } }));
    expect(noPaste.items.find((i) => i.role === 'paste')!.enabled).toBe(false);
    expect(shape(menu(params({ isEditable: false, selectionText: 'hi' })).items)).toEqual(['copy']);
    expect(menu(params({ isEditable: false })).items).toEqual([]);
  });
});
