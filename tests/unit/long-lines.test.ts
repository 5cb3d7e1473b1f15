import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { hasHugeLine, WRAP_LIMIT, wrapLines } from '../../renderer/editor/long-lines.ts';

const wraps = (state: EditorState) =>
  state.facet(EditorView.contentAttributes).some((attrs) => {
    const value = typeof attrs === 'function' ? null : attrs;
    return value?.class === 'cm-lineWrapping';
  });

describe('line wrapping, except for a line too long to wrap', () => {
  it('wraps a post of ordinary lines, and stops once a line passes the limit', () => {
    let state = EditorState.create({
      doc: '---\ntitle: A\n---\nShort lines.\n',
      extensions: wrapLines(),
    });
    expect(state.field(hasHugeLine)).toBe(false);
    expect(wraps(state)).toBe(true);
    // Typing ordinary text keeps wrapping on.
    state = state.update({
      changes: { from: state.doc.length, insert: 'More words. '.repeat(50) },
    }).state;
    expect(wraps(state)).toBe(true);
    // A pasted blob on one line: no wrapping while it is there.
    const blob = 'x'.repeat(WRAP_LIMIT + 1);
    state = state.update({ changes: { from: 4, insert: `${blob}\n` } }).state;
    expect(state.field(hasHugeLine)).toBe(true);
    expect(wraps(state)).toBe(false);
    state = state.update({ changes: { from: 4, to: 4 + blob.length + 1 } }).state;
    expect(wraps(state)).toBe(true);
  });

  it('sees a long line a post opens with, and one made by joining two lines', () => {
    const half = 'y'.repeat(WRAP_LIMIT / 2 + 10);
    expect(
      EditorState.create({ doc: `a\n${half}${half}\n`, extensions: wrapLines() }).field(
        hasHugeLine,
      ),
    ).toBe(true);
    let state = EditorState.create({ doc: `${half}\n${half}`, extensions: wrapLines() });
    expect(state.field(hasHugeLine)).toBe(false);
    state = state.update({ changes: { from: half.length, to: half.length + 1 } }).state;
    expect(state.field(hasHugeLine)).toBe(true);
  });
});
