import { Text, type ChangeSet } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ParsedFrontMatter } from '../../shared/frontmatter.ts';
import { api } from '../api.ts';
import { scheduleBackup } from '../common/backups.ts';
import { isDirty, type Buffer } from '../common/buffers.ts';
import type { Status } from '../common/status.ts';
import { splitFileText } from '../editor/file-text.ts';
import { createEditorState } from '../editor/setup.ts';
import { imageImporterFor } from '../features/images/image-importer.ts';
import { createLiveText } from '../features/preview/LivePreview.tsx';
import { parseHead, touchesHead } from '../common/front-matter-head.ts';

const selectionLength = (view: EditorView) =>
  view.state.selection.ranges.reduce((sum, r) => sum + (r.to - r.from), 0);

/** While the front matter does not parse, the form keeps the last values that did. */
function keepLastGoodData(
  next: ParsedFrontMatter,
  previous: ParsedFrontMatter | null,
): ParsedFrontMatter {
  return next.error && previous ? { ...next, data: previous.data } : next;
}

/**
 * The open posts (one CodeMirror state each, in `buffers`) and the one shown in the editor:
 * opening, showing and closing them, which are unsaved, and what follows the shown one's
 * text (the form's front matter, the preview's text, the selection count).
 */
export function useDocuments({
  viewRef,
  buffers,
  activeRef,
  setStatus,
}: {
  viewRef: RefObject<EditorView | null>;
  /** The open posts by path. */
  buffers: RefObject<Map<string, Buffer>>;
  /** The shown post's path, as event handlers see it without re-creating them on every switch. */
  activeRef: RefObject<string | null>;
  setStatus: (status: Status | null) => void;
}) {
  const [activePath, setActivePath] = useState<string | null>(null);
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [frontMatter, setFrontMatter] = useState<ParsedFrontMatter | null>(null);
  // What the preview shows; it re-renders on its own, not with the app (see LivePreview).
  const [previewText] = useState(createLiveText);
  // Edits from this offset on leave the front matter as it is (see front-matter-head.ts).
  const headReach = useRef(Infinity);
  /** The shown post's front matter as last read from its head (the preview reuses it). */
  const headParsed = useRef<ParsedFrontMatter | null>(null);
  const previewFrame = useRef(0);
  const [selectedChars, setSelectedChars] = useState(0);
  // What the last keystroke set, so that the next sets only news: a state update in a key's
  // event, even an unchanged one, can make React render the window before the key is painted.
  const shown = useRef({ selected: 0, dirty: dirty });
  useEffect(() => {
    shown.current.dirty = dirty;
  }, [dirty]);
  // Autosave after a delay hears of every edit through this (see useAutosave).
  const edited = useRef<() => void>(() => undefined);

  const markDirty = useCallback((path: string, value: boolean) => {
    if (shown.current.dirty.has(path) === value) return;
    // Known at once, not after React's next commit: a save then a keystroke in one frame.
    const known = new Set(shown.current.dirty);
    if (value) known.add(path);
    else known.delete(path);
    shown.current.dirty = known;
    setDirty((old) => {
      if (old.has(path) === value) return old;
      const next = new Set(old);
      if (value) next.add(path);
      else next.delete(path);
      return next;
    });
  }, []);

  /** The form's front matter, read again from the head of the shown post. */
  const readHead = useCallback((view: EditorView) => {
    const head = parseHead(view.state.doc);
    headReach.current = head.reach;
    headParsed.current = head.parsed;
    return head.parsed;
  }, []);

  // Typing stays on CodeMirror's path; the form reads the head when an edit reaches it, the
  // preview waits a beat. Typing in the body re-renders nothing here.
  const onDocChange = useCallback(
    ({ docChanged, changes }: { docChanged: boolean; changes: ChangeSet }) => {
      const view = viewRef.current;
      const path = activeRef.current;
      if (!view || !path) return;
      const buffer = buffers.current.get(path);
      if (!buffer) return;
      buffer.state = view.state;
      const selected = selectionLength(view);
      if (selected !== shown.current.selected)
        setSelectedChars((shown.current.selected = selected));
      if (!docChanged) return;
      markDirty(path, isDirty(buffer));
      scheduleBackup(buffer);
      edited.current();
      if (touchesHead(changes, headReach.current)) {
        const parsed = readHead(view);
        setFrontMatter((previous) => keepLastGoodData(parsed, previous));
      }
      // One preview update per frame at most; the render itself runs in a worker.
      if (!previewFrame.current) {
        previewFrame.current = requestAnimationFrame(() => {
          previewFrame.current = 0;
          previewText.set(view.state.doc, headParsed.current);
        });
      }
    },
    [markDirty, readHead, previewText, activeRef, buffers, viewRef],
  );

  const showBuffer = useCallback(
    (buffer: Buffer) => {
      const view = viewRef.current;
      if (!view) return;
      const leaving = activeRef.current ? buffers.current.get(activeRef.current) : undefined;
      if (leaving && leaving !== buffer) leaving.scroll = view.scrollSnapshot();
      view.setState(buffer.state);
      // setState keeps the scroller's offset: without this, a post opens where the last one
      // was scrolled to. It opens at its top, or where the writer left it.
      view.dispatch({ effects: buffer.scroll ?? EditorView.scrollIntoView(0, { y: 'start' }) });
      activeRef.current = buffer.path;
      setActivePath(buffer.path);
      setFrontMatter(readHead(view));
      previewText.set(view.state.doc, headParsed.current);
    },
    [readHead, previewText, activeRef, buffers, viewRef],
  );

  const openPost = useCallback(
    async (path: string) => {
      const existing = buffers.current.get(path);
      if (existing) return showBuffer(existing);
      try {
        const file = await api.readPost({ path });
        const shape = splitFileText(file.text);
        const state = createEditorState({
          text: shape.doc,
          lineSeparator: shape.lineSeparator,
          onChange: onDocChange,
          images: imageImporterFor(path, setStatus),
          readOnly: Boolean(file.readOnly),
          path,
        });
        const buffer: Buffer = { path, state, saved: state.doc, version: file.version, shape };
        if (file.readOnly) buffer.readOnly = file.readOnly;
        buffers.current.set(path, buffer);
        showBuffer(buffer);
        setStatus(file.readOnly ? { kind: 'error', text: file.readOnly } : null);
      } catch (error) {
        setStatus({ kind: 'error', text: (error as Error).message });
      }
    },
    [onDocChange, showBuffer, setStatus, buffers],
  );

  /** Nothing shown: the editor empty, the form and the preview cleared. */
  const clearShown = useCallback(() => {
    activeRef.current = null;
    setActivePath(null);
    setFrontMatter(null);
    previewText.set(Text.empty);
    viewRef.current?.setState(
      createEditorState({ text: '', lineSeparator: '\n', onChange: () => undefined }),
    );
  }, [previewText, activeRef, viewRef]);

  return {
    activePath,
    dirty,
    setDirty,
    markDirty,
    frontMatter,
    previewText,
    selectedChars,
    edited,
    onDocChange,
    showBuffer,
    openPost,
    clearShown,
  };
}
