import { useRef, useState } from 'react';
import type { Layout } from '../../shared/settings.ts';

/**
 * The window's columns (sidebar, editor, preview): stored in the settings; while a splitter
 * is dragged, the live widths, saved once the drag ends.
 */
export function usePaneLayout(
  stored: Layout,
  focusMode: boolean,
  postOpen: boolean,
  save: (layout: Partial<Layout>) => Promise<unknown>,
) {
  const [dragLayout, setDragLayout] = useState<Partial<Layout> | null>(null);
  const layout = { ...stored, ...dragLayout };
  const panesRef = useRef<HTMLDivElement>(null);
  const showSidebar = layout.sidebar && !focusMode;
  const showForm = layout.form && !focusMode;
  const showPreview = layout.preview && !focusMode && postOpen;
  const columns = [
    showSidebar ? `${layout.sidebarWidth}px` : '',
    `minmax(360px, ${showPreview ? 1 - layout.previewShare : 1}fr)`,
    showPreview ? `minmax(300px, ${layout.previewShare}fr)` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const dragSidebar = (x: number) => {
    const left = panesRef.current?.getBoundingClientRect().left ?? 0;
    setDragLayout({ sidebarWidth: Math.round(Math.min(640, Math.max(160, x - left))) });
  };
  const dragPreview = (x: number) => {
    const rect = panesRef.current?.getBoundingClientRect();
    if (!rect) return;
    const editorLeft = rect.left + (showSidebar ? layout.sidebarWidth : 0);
    const share = (rect.right - x) / Math.max(1, rect.right - editorLeft);
    setDragLayout({ previewShare: Math.min(0.8, Math.max(0.2, Math.round(share * 100) / 100)) });
  };
  const endDrag = () => {
    if (dragLayout) void save(dragLayout).finally(() => setDragLayout(null));
  };
  return {
    panesRef,
    columns,
    showSidebar,
    showForm,
    showPreview,
    dragSidebar,
    dragPreview,
    endDrag,
  };
}
