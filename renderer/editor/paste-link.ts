import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { pasteAsLink } from './commands.ts';

/** Pasting a URL onto selected text makes the text a link instead of replacing it. */
export function pasteUrlAsLink(): Extension {
  return EditorView.domEventHandlers({
    paste(event, view) {
      const text = event.clipboardData?.getData('text/plain') ?? '';
      const spec = pasteAsLink(view.state, text);
      if (!spec) return false;
      event.preventDefault();
      view.dispatch(view.state.update(spec, { userEvent: 'input.paste', scrollIntoView: true }));
      return true;
    },
  });
}
