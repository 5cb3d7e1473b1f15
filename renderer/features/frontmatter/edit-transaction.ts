import type { EditorState, TransactionSpec } from '@codemirror/state';
import { updateFrontMatter } from '../../../shared/frontmatter.ts';

/** The one changed span between two texts, so a form edit touches only its own bytes. */
export function changedSpan(
  before: string,
  after: string,
): { from: number; to: number; insert: string } | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { from: start, to: endBefore, insert: after.slice(start, endAfter) };
}

/**
 * A form edit as one undoable editor transaction. Only the front-matter block is rewritten
 * (by the lossless editor in shared/), so the body cannot change. `styleBase` is the text
 * before the writer's run of form edits began: each field keeps the quoting it had there.
 *
 * CodeMirror counts every line break as one position whatever the file's separator, so the
 * edit is worked out on the `\n`-joined text (positions line up) and its inserted line breaks
 * are written with the document's own separator (a CRLF document splits only on `\r\n`).
 */
export function frontMatterTransaction(
  state: EditorState,
  changes: Record<string, unknown>,
  styleBase?: string,
): TransactionSpec | null {
  const text = state.doc.toString();
  const next = updateFrontMatter(text, changes, { styleBase });
  const span = changedSpan(text, next);
  if (!span) return null;
  return {
    changes: { ...span, insert: span.insert.replace(/\n/g, state.lineBreak) },
    userEvent: 'input.frontmatter',
  };
}
