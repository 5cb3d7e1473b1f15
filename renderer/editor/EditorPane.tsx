import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * Mounts one EditorView and hands it to the app through `viewRef`: the app swaps in each
 * post's EditorState, so history and selection survive switching posts.
 */
export function EditorPane({
  viewRef,
  hidden,
}: {
  viewRef: RefObject<EditorView | null>;
  hidden: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const view = new EditorView({ state: EditorState.create({ doc: '' }), parent: host.current! });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [viewRef]);
  return <div className="editor-pane" ref={host} hidden={hidden} data-testid="editor" />;
}
