import { insertNewlineContinueMarkup, markdown } from '@codemirror/lang-markdown';
import { EditorSelection, EditorState, type StateCommand } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { paragraphAt } from '../../renderer/editor/focus-mode.ts';
import { typewriterScrolling } from '../../renderer/editor/typewriter.ts';

/** Runs a command with the cursor at the end of `doc` (or at `|` when the text has one). */
function enter(doc: string, command: StateCommand = insertNewlineContinueMarkup): string {
  const at = doc.includes('|') ? doc.indexOf('|') : doc.length;
  let state = EditorState.create({
    doc: doc.replace('|', ''),
    selection: EditorSelection.cursor(at),
    extensions: markdown(),
  });
  command({ state, dispatch: (tr) => (state = tr.state) });
  const head = state.selection.main.head;
  const text = state.doc.toString();
  return text.slice(0, head) + '|' + text.slice(head);
}

describe('list continuation on Enter', () => {
  it('continues bullets with the same marker', () => {
    expect(enter('- milk')).toBe('- milk\n- |');
    expect(enter('* eggs')).toBe('* eggs\n* |');
  });

  it('numbers the next item of an ordered list', () => {
    expect(enter('1. first')).toBe('1. first\n2. |');
    expect(enter('1. first\n2. second|\n3. third')).toBe('1. first\n2. second\n3. |\n4. third');
  });

  it('continues a task list with an open box', () => {
    expect(enter('- [x] done')).toBe('- [x] done\n- [ ] |');
  });

  it('ends the list when Enter is pressed on an empty item', () => {
    expect(enter('- milk\n- eggs\n- ')).toBe('- milk\n- eggs\n|');
    expect(enter('1. one\n2. two\n3. ')).toBe('1. one\n2. two\n|');
  });

  it('on a two-item list, first loosens it (CommonMark would merge the next line), then ends it', () => {
    const once = enter('- milk\n- ');
    expect(once).toBe('- milk\n\n- |');
    expect(enter(once)).toBe('- milk\n\n|');
  });

  it('continues a quote', () => {
    expect(enter('> a thought')).toBe('> a thought\n> |');
  });
});

describe('focus mode’s paragraph', () => {
  const state = EditorState.create({ doc: 'one\ntwo\n\nthree\nfour\nfive\n\nsix' });
  it('is the run of non-blank lines around the cursor', () => {
    expect(paragraphAt(state, 0)).toEqual({ first: 1, last: 2 });
    expect(paragraphAt(state, state.doc.line(5).from)).toEqual({ first: 4, last: 6 });
    expect(paragraphAt(state, state.doc.length)).toEqual({ first: 8, last: 8 });
  });

  it('is the blank line itself between paragraphs', () => {
    expect(paragraphAt(state, state.doc.line(3).from)).toEqual({ first: 3, last: 3 });
  });
});

describe('typewriter scrolling', () => {
  /** The transaction carries EditorView.scrollIntoView(head, { y: 'center' }). */
  const scrollsToCentre = (tr: { effects: readonly { value: unknown }[] }, head: number) => {
    const reference = EditorView.scrollIntoView(head, { y: 'center' }).value as object;
    return tr.effects.some((e) => JSON.stringify(e.value) === JSON.stringify(reference));
  };

  it('scrolls the cursor to the middle when the writer types or moves', () => {
    const state = EditorState.create({
      doc: 'hello',
      selection: EditorSelection.cursor(5),
      extensions: typewriterScrolling(),
    });
    const typed = state.update({
      changes: { from: 5, insert: '!' },
      selection: EditorSelection.cursor(6),
      userEvent: 'input.type',
    });
    expect(scrollsToCentre(typed, 6)).toBe(true);
    const moved = state.update({ selection: { anchor: 0 }, userEvent: 'select.pointer' });
    expect(scrollsToCentre(moved, 0)).toBe(true);
    expect(scrollsToCentre(moved, 5)).toBe(false);
  });

  it('leaves the view alone for changes the app makes (the form, a restore)', () => {
    const state = EditorState.create({ doc: 'hello', extensions: typewriterScrolling() });
    const fromForm = state.update({ changes: { from: 0, insert: 'x' } });
    expect(fromForm.effects).toHaveLength(0);
  });
});
