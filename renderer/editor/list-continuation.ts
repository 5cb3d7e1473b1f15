import { insertNewlineContinueMarkup } from '@codemirror/lang-markdown';
import { forceParsing, syntaxTreeAvailable } from '@codemirror/language';
import { Prec, type Extension } from '@codemirror/state';
import { keymap, type Command } from '@codemirror/view';

/**
 * Enter continues a list, a task list or a quote (lang-markdown's insertNewlineContinueMarkup,
 * tested in tests/unit/editor-writing.test.ts). That command reads the syntax tree, which the
 * parser fills in the background: right after a jump to the end of a long post it may not
 * reach the cursor yet, and Enter would not continue the list. So parse up to the cursor first.
 */
export const continueMarkup: Command = (view) => {
  const head = view.state.selection.main.head;
  if (!syntaxTreeAvailable(view.state, head)) forceParsing(view, head, 200);
  return insertNewlineContinueMarkup(view);
};

export function listContinuation(): Extension {
  return Prec.high(keymap.of([{ key: 'Enter', run: continueMarkup }]));
}
