import { history, undo } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import {
  changedSpan,
  frontMatterTransaction,
} from '../../renderer/features/frontmatter/edit-transaction.ts';

const source = '---\ntitle: Old\ntags:\n  - a\n---\nBody stays.\n';

function apply(state: EditorState, changes: Record<string, unknown>): EditorState {
  const spec = frontMatterTransaction(state, changes);
  return spec ? state.update(spec).state : state;
}

describe('a form edit as an editor transaction', () => {
  it('replaces only the changed bytes, in one undoable step', () => {
    const start = EditorState.create({ doc: source, extensions: [history()] });
    const spec = frontMatterTransaction(start, { title: 'New' });
    expect(spec?.changes).toEqual({ from: 11, to: 14, insert: 'New' });
    let state = start.update(spec!).state;
    expect(state.doc.toString()).toBe(source.replace('Old', 'New'));
    state = apply(state, { tags: ['a', 'b'] });
    expect(state.doc.toString()).toBe('---\ntitle: New\ntags:\n  - a\n  - b\n---\nBody stays.\n');
    // Each form edit is its own history event: one undo takes back only the last one.
    let undone = state;
    undo({ state: undone, dispatch: (tr) => (undone = tr.state) });
    expect(undone.doc.toString()).toBe(source.replace('Old', 'New'));
  });

  it('does nothing when the value is unchanged', () => {
    const state = EditorState.create({ doc: source });
    expect(frontMatterTransaction(state, { title: 'Old' })).toBeNull();
  });

  it('keeps CRLF documents CRLF', () => {
    const crlf = source.replace(/\n/g, '\r\n');
    const state = EditorState.create({
      doc: crlf,
      extensions: [EditorState.lineSeparator.of('\r\n')],
    });
    // The file's text is sliceDoc() (joined with the document's separator), not doc.toString().
    expect(apply(state, { title: 'New' }).sliceDoc()).toBe(crlf.replace('Old', 'New'));
    const withTag = apply(state, { tags: ['a', 'b'] });
    expect(withTag.sliceDoc()).toBe(crlf.replace('  - a\r\n', '  - a\r\n  - b\r\n'));
    expect(withTag.doc.lines).toBe(state.doc.lines + 1);
  });
});

describe('changedSpan', () => {
  it('finds the one differing span', () => {
    expect(changedSpan('abcdef', 'abXYef')).toEqual({ from: 2, to: 4, insert: 'XY' });
    expect(changedSpan('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
    expect(changedSpan('same', 'same')).toBeNull();
  });
});
