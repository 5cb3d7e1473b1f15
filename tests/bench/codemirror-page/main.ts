/**
 * CodeMirror 6 with Markdown and nothing of Folio's, the floor of input-latency-50k: the same
 * post, the same host, the same keys. `window.loadPost(text)` shows a post.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap } from '@codemirror/view';

const view = new EditorView({ parent: document.getElementById('editor')! });
(window as unknown as { loadPost(text: string): void }).loadPost = (text) =>
  view.setState(
    EditorState.create({
      doc: text,
      extensions: [
        history(),
        drawSelection(),
        highlightActiveLine(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        markdown({ base: markdownLanguage }),
        syntaxHighlighting(defaultHighlightStyle),
        EditorView.lineWrapping,
      ],
    }),
  );
