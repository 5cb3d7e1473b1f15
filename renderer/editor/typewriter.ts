/**
 * Typewriter scrolling: the line being written stays in the middle of the editor, like the
 * paper in a typewriter. Each typing or cursor-moving transaction also scrolls the cursor
 * to the centre; changes the app makes (the form, a restore) do not move the view.
 */
import { EditorState, type Extension, type Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

const USER_EVENTS = ['input', 'delete', 'select', 'move', 'undo', 'redo'];

function isWriterMove(tr: Transaction): boolean {
  return (
    (tr.docChanged || tr.selection !== undefined) && USER_EVENTS.some((e) => tr.isUserEvent(e))
  );
}

export function typewriterScrolling(): Extension {
  return [
    EditorState.transactionExtender.of((tr) =>
      isWriterMove(tr)
        ? { effects: EditorView.scrollIntoView(tr.newSelection.main.head, { y: 'center' }) }
        : null,
    ),
    EditorView.editorAttributes.of({ class: 'cm-typewriter' }),
    // Room above the first line and below the last, so they can reach the middle too.
    EditorView.theme({
      '&.cm-typewriter .cm-content': { paddingTop: '45vh', paddingBottom: '50vh' },
    }),
  ];
}
