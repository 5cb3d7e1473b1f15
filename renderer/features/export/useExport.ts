import type { EditorView } from '@codemirror/view';
import { useCallback, type RefObject } from 'react';
import type { AssetContext } from '../../../shared/asset-url.ts';
import type { Status } from '../../common/status.ts';
import { exportPost, type ExportFormat } from './export-post.ts';
import type { PreviewTemplates } from '../preview/index.ts';

/**
 * The export action for the post in the editor, as the toolbar menu, the application menu and
 * the command palette call it: `exportActive('html' | 'pdf')`.
 */
export function useExport(
  viewRef: RefObject<EditorView | null>,
  assets: AssetContext | null,
  report: (status: Status) => void,
  templates: PreviewTemplates | null = null,
): (format: ExportFormat) => Promise<void> {
  return useCallback(
    async (format: ExportFormat) => {
      const view = viewRef.current;
      if (!view || !assets) return report({ kind: 'error', text: 'Open a post to export it' });
      try {
        const file = await exportPost(format, {
          path: assets.postPath,
          text: view.state.doc.toString(),
          assets,
          templates,
        });
        if (file) report({ kind: 'ok', text: `Exported to ${file}` });
      } catch (error) {
        report({ kind: 'error', text: `Export failed: ${(error as Error).message}` });
      }
    },
    [viewRef, assets, report, templates],
  );
}
