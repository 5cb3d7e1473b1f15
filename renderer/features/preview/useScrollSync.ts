import { EditorView } from '@codemirror/view';
import { useEffect, type RefObject } from 'react';
import {
  lastAtOrBefore,
  lineForPreviewOffset,
  normalizeAnchors,
  previewOffsetForLine,
  type Anchor,
} from './scroll-sync.ts';

/** A scroll event within this many px of the position we set is the echo of our own move. */
const ECHO_PX = 2;

const LINE = '[data-source-line]';

function anchorsAmong(elements: Iterable<HTMLElement>, scroller: HTMLElement): Anchor[] {
  const base = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const anchors: Anchor[] = [];
  for (const el of elements) {
    anchors.push({
      line: Number(el.dataset.sourceLine),
      top: el.getBoundingClientRect().top - base,
    });
  }
  return normalizeAnchors(anchors);
}

/**
 * The anchors around one place in the preview: the blocks of the group `pick` chooses, the
 * last block before it and the first after it. Measuring a block lays out its group, which
 * the browser otherwise skips off screen (patch-blocks.ts); measuring every block of a
 * 50,000-word post took tens of milliseconds per scroll event. Group tops and first lines
 * cost nothing to read.
 */
function anchorsNear(scroller: HTMLElement, pick: (groups: HTMLElement[]) => number): Anchor[] {
  const groups = [...(scroller.querySelector('.preview-body')?.children ?? [])].filter(
    (el): el is HTMLElement => el instanceof HTMLElement && el.classList.contains('preview-group'),
  );
  const all = () => anchorsAmong(scroller.querySelectorAll<HTMLElement>(LINE), scroller);
  if (!groups.length) return all();
  const at = Math.max(0, pick(groups));
  const near = [...groups[at]!.querySelectorAll<HTMLElement>(LINE)];
  const before = groups[at - 1]?.querySelectorAll<HTMLElement>(LINE);
  const after = groups[at + 1]?.querySelector<HTMLElement>(LINE);
  if (!near.length) return all();
  return anchorsAmong(
    [...(before?.length ? [before[before.length - 1]!] : []), ...near, ...(after ? [after] : [])],
    scroller,
  );
}

/** The group holding source `line`: the last whose first block starts at or before it. */
const groupOfLine = (line: number) => (groups: HTMLElement[]) =>
  lastAtOrBefore(
    groups.length,
    (i) => Number(groups[i]!.querySelector<HTMLElement>(LINE)?.dataset.sourceLine ?? -Infinity),
    line,
  );

/** The group at preview offset `top`: the last whose top is at or above it. */
const groupAtOffset = (scroller: HTMLElement, top: number) => (groups: HTMLElement[]) => {
  const base = scroller.getBoundingClientRect().top - scroller.scrollTop;
  return lastAtOrBefore(groups.length, (i) => groups[i]!.getBoundingClientRect().top - base, top);
};

/**
 * Keeps the preview at the editor's top line and the editor at the preview's, both ways,
 * while `enabled`. Listens to scroll events, and to the preview's growth only while it is
 * short of the editor's place: nothing else runs on the keystroke path.
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

    // The preview could not scroll as far as the editor's line (it was shorter then than it
    // will be): the block groups it skips keep an estimated height until they are laid out
    // (patch-blocks.ts), and images load late. Each growth of its content places it again.
    let fellShort = false;

    // CodeMirror measures blocks from the document's top, below the content's padding.
    const paddingTop = () =>
      view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop;

    const placePreview = () => {
      const top = view.scrollDOM.scrollTop - paddingTop();
      const block = view.lineBlockAtHeight(top);
      const line = view.state.doc.lineAt(block.from).number;
      const fraction =
        block.height > 0 ? Math.min(1, Math.max(0, (top - block.top) / block.height)) : 0;
      const want = previewOffsetForLine(
        anchorsNear(preview, groupOfLine(line + fraction)),
        line + fraction,
        preview.scrollHeight,
      );
      preview.scrollTop = want;
      previewSetTo = preview.scrollTop;
      // An empty preview is one whose blocks are still coming (another post was just opened:
      // its body starts empty): they are placed when they arrive.
      fellShort = preview.scrollTop < want - ECHO_PX || !preview.querySelector(LINE);
    };

    // Block groups the preview had skipped are laid out for real once scrolled into view, and
    // their true heights move the blocks below them (an estimate stood in before): place the
    // preview once more when that has happened, and meanwhile take its moves for no reader's.
    let settling = 0;
    const settle = () => {
      cancelAnimationFrame(settling);
      settling = requestAnimationFrame(() => {
        settling = requestAnimationFrame(() => {
          settling = 0;
          placePreview();
        });
      });
    };

    const fromEditor = () => {
      if (isEcho(view.scrollDOM.scrollTop, editorSetTo)) return;
      editorSetTo = null;
      placePreview();
      settle();
    };

    const fromPreview = () => {
      // An emptied preview (another post opening) scrolls to its top: that is no reader's move.
      if (isEcho(preview.scrollTop, previewSetTo) || settling || !preview.querySelector(LINE))
        return;
      previewSetTo = null;
      fellShort = false;
      const line = lineForPreviewOffset(
        anchorsNear(preview, groupAtOffset(preview, preview.scrollTop)),
        preview.scrollTop,
      );
      const whole = Math.min(Math.max(1, Math.floor(line)), view.state.doc.lines);
      const block = view.lineBlockAt(view.state.doc.line(whole).from);
      view.scrollDOM.scrollTop = block.top + (line - whole) * block.height + paddingTop();
      editorSetTo = view.scrollDOM.scrollTop;
    };

    const grown = new ResizeObserver(() => {
      if (fellShort) settle();
    });
    for (const content of preview.children) grown.observe(content);

    // A post just opened where the writer left it: the preview follows once it has blocks.
    if (view.scrollDOM.scrollTop > 0) placePreview();

    view.scrollDOM.addEventListener('scroll', fromEditor, { passive: true });
    preview.addEventListener('scroll', fromPreview, { passive: true });
    return () => {
      grown.disconnect();
      cancelAnimationFrame(settling);
      view.scrollDOM.removeEventListener('scroll', fromEditor);
      preview.removeEventListener('scroll', fromPreview);
    };
  }, [viewRef, previewRef, enabled, postKey]);
}
