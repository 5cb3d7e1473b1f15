import { EditorView } from '@codemirror/view';
import { useEffect, type RefObject } from 'react';
import {
  lineForPreviewOffset,
  normalizeAnchors,
  previewOffsetForLine,
  type Anchor,
} from './scroll-sync.ts';

/** A scroll event within this many px of the position we set is the echo of our own move. */
const ECHO_PX = 2;

function anchorsOf(scroller: HTMLElement): Anchor[] {
  const base = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const anchors: Anchor[] = [];
  for (const el of scroller.querySelectorAll<HTMLElement>('[data-source-line]')) {
    anchors.push({
      line: Number(el.dataset.sourceLine),
      top: el.getBoundingClientRect().top - base,
    });
  }
  return normalizeAnchors(anchors);
}

/**
 * Keeps the preview at the editor's top line and the editor at the preview's, both ways,
 * while `enabled`. Listens to scroll events only: nothing runs on the keystroke path.
 */
export function useScrollSync(
  viewRef: RefObject<EditorView | null>,
  previewRef: RefObject<HTMLElement | null>,
  enabled: boolean,
  postKey: string | null,
): void {
  useEffect(() => {
    const view = viewRef.current;
    const preview = previewRef.current;
    if (!enabled || !view || !preview || !postKey) return;
    // Where each pane was last moved to by the other: its next scroll event there is an echo.
    let editorSetTo: number | null = null;
    let previewSetTo: number | null = null;
    const isEcho = (top: number, setTo: number | null) =>
      setTo !== null && Math.abs(top - setTo) < ECHO_PX;

    // CodeMirror measures blocks from the document's top, below the content's padding.
    const paddingTop = () =>
      view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop;

    const fromEditor = () => {
      if (isEcho(view.scrollDOM.scrollTop, editorSetTo)) return;
      editorSetTo = null;
      const top = view.scrollDOM.scrollTop - paddingTop();
      const block = view.lineBlockAtHeight(top);
      const line = view.state.doc.lineAt(block.from).number;
      const fraction =
        block.height > 0 ? Math.min(1, Math.max(0, (top - block.top) / block.height)) : 0;
      preview.scrollTop = previewOffsetForLine(
        anchorsOf(preview),
        line + fraction,
        preview.scrollHeight,
      );
      previewSetTo = preview.scrollTop;
    };

    const fromPreview = () => {
      if (isEcho(preview.scrollTop, previewSetTo)) return;
      previewSetTo = null;
      const line = lineForPreviewOffset(anchorsOf(preview), preview.scrollTop);
      const whole = Math.min(Math.max(1, Math.floor(line)), view.state.doc.lines);
      const block = view.lineBlockAt(view.state.doc.line(whole).from);
      view.scrollDOM.scrollTop = block.top + (line - whole) * block.height + paddingTop();
      editorSetTo = view.scrollDOM.scrollTop;
    };

    view.scrollDOM.addEventListener('scroll', fromEditor, { passive: true });
    preview.addEventListener('scroll', fromPreview, { passive: true });
    return () => {
      view.scrollDOM.removeEventListener('scroll', fromEditor);
      preview.removeEventListener('scroll', fromPreview);
    };
  }, [viewRef, previewRef, enabled, postKey]);
}
