import { useCallback, useEffect, useState } from 'react';
import type { PreviewCss } from '../../../shared/models.ts';
import { api } from '../../api.ts';
import { scopedStylesheet } from './blog-css.ts';

/**
 * The blog's own stylesheet in the preview (setting `previewCssPath`): read when a blog opens
 * or the setting changes, chosen with the file dialog or dropped, and applied under
 * `rootSelector` only.
 */
export function usePreviewCss(rootSelector: string): {
  css: PreviewCss | null;
  error: string | null;
  choose(): void;
  clear(): void;
} {
  const [css, setCss] = useState<PreviewCss | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback((answer: Promise<PreviewCss | null>, keepOnCancel: boolean) => {
    answer.then(
      (next) => {
        setError(null);
        if (next || !keepOnCancel) setCss(next);
      },
      (failure: Error) => setError(failure.message),
    );
  }, []);

  useEffect(() => {
    const reload = () => load(api.getPreviewCss(), false);
    reload();
    const offWorkspace = api.on.workspaceChanged(reload);
    // The settings dialog may name another file.
    let path: string | null = null;
    const offSettings = api.on.settingsChanged((settings) => {
      if (settings.previewCssPath === path) return;
      path = settings.previewCssPath;
      reload();
    });
    return () => {
      offWorkspace();
      offSettings();
    };
  }, [load]);

  useEffect(() => {
    if (!css) return;
    const sheet = scopedStylesheet(css.css, rootSelector);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css, rootSelector]);

  return {
    css,
    error,
    choose: () => load(api.pickPreviewCss(), true),
    clear: () => load(api.setPreviewCss({ path: null }), false),
  };
}
