import type { EditorState, TransactionSpec } from '@codemirror/state';
import { findFrontMatter, frontMatterSplice } from '../../../shared/frontmatter.ts';
import { HEAD_CHARS, OPENERS } from '../../common/front-matter-head.ts';

/**
 * A form edit as one undoable editor transaction. Only the front-matter block is rewritten
 * (by the lossless editor in shared/), so the body cannot change, and the edit is worked out
 * on the block alone (the head of the post when the block closes there). `styleBase` is the
 * text before the writer's run of form edits began: each field keeps the quoting it had there.
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
  const { doc } = state;
  const head = doc.sliceString(0, Math.min(doc.length, HEAD_CHARS));
  // No closed block in the head: one may close further down, or there is none (then a new
  // one goes on top, and its line breaks copy the head's).
  const whole = doc.length > HEAD_CHARS && !findFrontMatter(head) && OPENERS.test(head);
  const span = frontMatterSplice(whole ? doc.toString() : head, changes, { styleBase });
  if (!span) return null;
  return {
    changes: { ...span, insert: span.insert.replace(/\n/g, state.lineBreak) },
    userEvent: 'input.frontmatter',
  };
}
