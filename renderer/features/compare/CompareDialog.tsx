import { history, historyKeymap, defaultKeymap } from '@codemirror/commands';
import { goToNextChunk, goToPreviousChunk, MergeView } from '@codemirror/merge';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightSpecialChars, keymap } from '@codemirror/view';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { compareTheme } from './compare-theme.ts';
import { chunkAtOrAfter, takeChunk } from './merge-text.ts';
import './compare.css';

interface Props {
  path: string;
  /** The writer's text when the comparison opened (the editable right side starts as this). */
  mine: Text;
  /** The file on disk, split on the post's line separator (the read-only left side). */
  disk: Text;
  lineSeparator: string;
  /** Said above the sides, e.g. that the file changed again while the comparison was open. */
  notice: string | null;
  /** Keep the right side (the writer's text, with whatever was taken from disk) and save it. */
  onKeepMine(result: Text): void;
  onLoadTheirs(): void;
  /** Escape or Cancel: nothing chosen, nothing changed. */
  onClose(): void;
}

function shared(lineSeparator: string, label: string): Extension {
  return [
    EditorState.lineSeparator.of(lineSeparator),
    EditorView.lineWrapping,
    highlightSpecialChars(),
    drawSelection(),
    compareTheme,
    EditorView.contentAttributes.of({ 'aria-label': label }),
  ];
}

/** The arrow between the sides, named for what it does for the writer (not "revert"). */
function takeArrow(): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = '→';
  button.title = 'Take this change from disk';
  button.setAttribute('aria-label', 'Take this change from disk');
  // The merge view answers the mouse only; the keyboard has the header's button (and F7).
  button.tabIndex = -1;
  return button;
}

const focusable = 'button:not(:disabled):not([tabindex="-1"]), .cm-content';

/** Tab and Shift+Tab go round the dialog's controls, never to the window behind it. */
function keepFocusInside(event: KeyboardEvent<HTMLDivElement>): void {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)];
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  const at = document.activeElement;
  if (event.shiftKey && at === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && at === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * The file on disk (left, read-only) beside the writer's text (right, editable), changed lines
 * marked on both. The right side is editable because choosing is merging: the arrows between
 * the sides take one change from disk, and the writer can fix up the result before saving it.
 */
export function CompareDialog({
  path,
  mine,
  disk,
  lineSeparator,
  notice,
  onKeepMine,
  onLoadTheirs,
  onClose,
}: Props) {
  const host = useRef<HTMLDivElement>(null);
  const merge = useRef<MergeView | null>(null);
  const initialDisk = useRef(disk);
  const [changes, setChanges] = useState(0);
  const [edited, setEdited] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const refresh = () => {
      const view = merge.current;
      if (!view) return;
      setChanges(view.chunks.length);
      setEdited(!view.b.state.doc.eq(mine));
    };
    const onUpdate = EditorView.updateListener.of(() => refresh());
    const view = new MergeView({
      a: {
        doc: initialDisk.current,
        extensions: [
          shared(lineSeparator, 'On disk (read-only)'),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          onUpdate,
        ],
      },
      b: {
        doc: mine,
        extensions: [
          shared(lineSeparator, 'Yours'),
          history(),
          keymap.of([
            { key: 'F7', run: goToNextChunk },
            { key: 'Shift-F7', run: goToPreviousChunk },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          onUpdate,
        ],
      },
      parent: host.current!,
      revertControls: 'a-to-b',
      renderRevertControl: takeArrow,
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    merge.current = view;
    refresh();
    // The writer starts on the first change, in their own text.
    const first = view.chunks[0];
    if (first) {
      view.b.dispatch({
        selection: { anchor: Math.min(first.fromB, view.b.state.doc.length) },
        scrollIntoView: true,
      });
    }
    view.b.focus();
    return () => {
      view.destroy();
      merge.current = null;
    };
  }, [mine, lineSeparator]);

  // The file changed again while the comparison was open: the left side shows it now.
  useEffect(() => {
    const view = merge.current;
    if (!view || view.a.state.doc.eq(disk)) return;
    view.a.dispatch({ changes: { from: 0, to: view.a.state.doc.length, insert: disk } });
  }, [disk]);

  const move = (command: typeof goToNextChunk) => {
    const view = merge.current;
    if (!view) return;
    command(view.b);
    view.b.focus();
  };

  const takeFromDisk = () => {
    const view = merge.current;
    if (!view) return;
    const chunk = chunkAtOrAfter(view.chunks, view.b.state.selection.main.head);
    if (!chunk) return;
    const b = view.b.state;
    view.b.dispatch({
      changes: takeChunk(view.a.state.doc, b.doc, chunk, b.lineBreak),
      userEvent: 'revert',
    });
    view.b.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // CodeMirror answers Escape first when it has something to undo (a selection to drop).
    if (event.key === 'Escape' && !event.nativeEvent.defaultPrevented) {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      keepFocusInside(event);
    }
  };

  return (
    <div className="compare-backdrop">
      <div
        className="compare-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <header className="compare-header">
          <h2 id={titleId}>
            Compare with the file on disk <span className="file-path">{path}</span>
          </h2>
          <span className="compare-count" data-testid="compare-count">
            {changes === 0
              ? 'No differences'
              : changes === 1
                ? '1 difference'
                : `${changes} differences`}
          </span>
          <div className="compare-nav" role="toolbar" aria-label="Differences">
            <button type="button" onClick={() => move(goToPreviousChunk)} title="Shift+F7">
              ↑ Previous
            </button>
            <button type="button" onClick={() => move(goToNextChunk)} title="F7">
              ↓ Next
            </button>
            <button type="button" onClick={takeFromDisk} disabled={changes === 0}>
              Take This Change from Disk
            </button>
          </div>
        </header>
        {notice ? (
          <p className="compare-notice" role="status">
            {notice}
          </p>
        ) : null}
        <div className="compare-sides" aria-hidden="true">
          <div>
            <strong>On disk</strong> — the file as it is now; read-only
          </div>
          <div>
            <strong>Yours</strong> — your unsaved text; edit it here, or take changes with →
          </div>
        </div>
        <div className="compare-body" ref={host} data-testid="compare-view" />
        <footer className="compare-footer">
          <span className="compare-hint">
            Nothing is written until you choose. Escape closes and keeps both.
          </span>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" onClick={onLoadTheirs}>
            Load Theirs
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => merge.current && onKeepMine(merge.current.b.state.doc)}
          >
            {edited ? 'Save Merged Text' : 'Keep Mine and Save'}
          </button>
        </footer>
      </div>
    </div>
  );
}
