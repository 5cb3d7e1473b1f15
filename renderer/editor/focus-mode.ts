/**
 * Focus mode: every line but the current paragraph's is dimmed, so the sentence being
 * written stands out. A paragraph is the run of non-blank lines around the cursor.
 */
import { RangeSetBuilder, type EditorState, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';

/** The first and last line numbers of the paragraph holding `pos`. Pure, for tests. */
export function paragraphAt(state: EditorState, pos: number): { first: number; last: number } {
  const doc = state.doc;
  const here = doc.lineAt(pos).number;
  if (!doc.line(here).text.trim()) return { first: here, last: here };
  let first = here;
  let last = here;
  while (first > 1 && doc.line(first - 1).text.trim()) first--;
  while (last < doc.lines && doc.line(last + 1).text.trim()) last++;
  return { first, last };
}

const current = Decoration.line({ class: 'cm-focus-current' });

function decorate(state: EditorState): DecorationSet {
  const { first, last } = paragraphAt(state, state.selection.main.head);
  const builder = new RangeSetBuilder<Decoration>();
  for (let n = first; n <= last; n++) {
    const line = state.doc.line(n);
    builder.add(line.from, line.from, current);
  }
  return builder.finish();
}

const marker = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorate(view.state);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.selectionSet) this.decorations = decorate(update.state);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

export function focusMode(): Extension {
  return [
    marker,
    EditorView.editorAttributes.of({ class: 'cm-focus-mode' }),
    EditorView.theme({
      '&.cm-focus-mode .cm-line': { opacity: '0.28', transition: 'opacity 120ms' },
      '&.cm-focus-mode .cm-line.cm-focus-current': { opacity: '1' },
      '&.cm-focus-mode .cm-activeLine': { backgroundColor: 'transparent' },
    }),
  ];
}
