/**
 * Composes the editor from small extension modules, one place for the whole set.
 */
import { EditorState, type ChangeSet, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { editingBasics } from './basics.ts';
import { imageDrop, type ImageImporter } from './image-drop.ts';
import { markdownCommandKeys } from './keymap.ts';
import { pasteUrlAsLink } from './paste-link.ts';
import { listContinuation } from './list-continuation.ts';
import { markdownSupport } from './markdown.ts';
import { preferenceExtensions, vimSlot } from './preferences.ts';
import { writingTheme } from './theme.ts';
import { conflictMarkers } from './conflict-markers.ts';
import { templateSlot } from './templates.ts';

export interface DocumentOptions {
  text: string;
  /** The file's line break; CodeMirror must join lines with it or a save would rewrite CRLF. */
  lineSeparator: string;
  /** Called for text and selection changes (the selection feeds the status bar). */
  onChange: (update: { state: EditorState; docChanged: boolean; changes: ChangeSet }) => void;
  /** Pasted and dropped images go here (into the blog); without it they are ignored. */
  images?: ImageImporter;
  /** A post whose bytes a save would change (not UTF-8): shown, never edited. */
  readOnly?: boolean;
  /** The post's path: its template dialect (an `.mdx` file's differs) follows from it. */
  path?: string;
}

export function editorExtensions(options: Omit<DocumentOptions, 'text'>): Extension {
  return [
    EditorState.lineSeparator.of(options.lineSeparator),
    vimSlot(),
    markdownCommandKeys(),
    listContinuation(),
    editingBasics(),
    markdownSupport(),
    templateSlot(options.path ?? ''),
    // Before the link paste: an image on the clipboard wins over text that comes with it.
    options.images ? imageDrop(options.images) : [],
    pasteUrlAsLink(),
    writingTheme(),
    conflictMarkers(),
    preferenceExtensions(),
    EditorView.contentAttributes.of({ 'aria-label': 'Post text', spellcheck: 'true' }),
    options.readOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : [],
    EditorView.updateListener.of((update) => {
      if (update.docChanged || update.selectionSet) {
        const { state, docChanged, changes } = update;
        options.onChange({ state, docChanged, changes });
      }
    }),
  ];
}

export function createEditorState(options: DocumentOptions): EditorState {
  return EditorState.create({ doc: options.text, extensions: editorExtensions(options) });
}
