/**
 * For `npm run bench` only: with `?bench` in the page URL (never the case in the app, which
 * loads app://folio/index.html), exposes the preview's Markdown -> sanitized HTML step so the
 * benchmark can time it inside the real page.
 */
import { sanitizePreview } from './sanitize.ts';

export function installBenchHook(): void {
  if (!new URLSearchParams(location.search).has('bench')) return;
  (window as unknown as { folioBench: unknown }).folioBench = {
    async renderToSanitizedHtml(markdown: string): Promise<number> {
      const { renderMarkdown } = await import('../../../shared/markdown.ts');
      const started = performance.now();
      sanitizePreview(renderMarkdown(markdown), null);
      return performance.now() - started;
    },
  };
}
