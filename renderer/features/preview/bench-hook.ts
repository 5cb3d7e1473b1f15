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
    /** The two halves apart, to see which one a slow run spends its time in. */
    async split(markdown: string): Promise<{ render: number; sanitize: number }> {
      const { renderMarkdown } = await import('../../../shared/markdown.ts');
      const t0 = performance.now();
      const html = renderMarkdown(markdown);
      const t1 = performance.now();
      sanitizePreview(html, null);
      return { render: t1 - t0, sanitize: performance.now() - t1 };
    },
  };
}
