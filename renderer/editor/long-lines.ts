/**
 * Line wrapping, except in a post with a line too long to wrap: CodeMirror lays out a wrapped
 * line whole, and a 10 MB line (a minified blob pasted into a post) held the window for 9 s;
 * unwrapped, it draws only the part in view. The check looks at the lines an edit touched, so
 * typing costs nothing; a full scan runs only when the post opens or a long line may be gone.
 */
import {
  StateField,
  type EditorState,
  type Extension,
  type Text,
  type Transaction,
} from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/** Lines longer than this (characters) are not wrapped. */
export const WRAP_LIMIT = 20_000;

function anyLineOver(doc: Text, from: number, to: number): boolean {
  if (doc.length <= WRAP_LIMIT) return false;
  // iterLines, not lineAt per line: on a 450,000-line post, 14 ms against 90 ms.
  const last = doc.lineAt(to).number;
  for (const lines = doc.iterLines(doc.lineAt(from).number, last + 1); !lines.next().done;) {
    if (lines.value.length > WRAP_LIMIT) return true;
  }
  return false;
}

export const hasHugeLine = StateField.define<boolean>({
  create: (state: EditorState) => anyLineOver(state.doc, 0, state.doc.length),
  update(huge: boolean, tr: Transaction) {
    if (!tr.docChanged) return huge;
    const doc = tr.state.doc;
    if (huge) return anyLineOver(doc, 0, doc.length);
    let found = false;
    tr.changes.iterChangedRanges((_fromA, _toA, fromB, toB) => {
      found ||= anyLineOver(doc, fromB, toB);
    });
    return found;
  },
  provide: (field) =>
    EditorView.contentAttributes.from(field, (huge): Record<string, string> =>
      huge ? {} : { class: 'cm-lineWrapping' },
    ),
});

/** Wraps lines, unless one is longer than WRAP_LIMIT. */
export function wrapLines(): Extension {
  return hasHugeLine;
}
