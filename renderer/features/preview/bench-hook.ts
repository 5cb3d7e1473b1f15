/**
 * For `npm run bench` (and the plain-nodes spec) only: with `?bench` in the page URL (never the case in the app, which
 * loads app://folio/index.html), exposes the preview's Markdown -> sanitized DOM path so the
 * benchmark can time it inside the real page: the whole post rendered to blocks, and every
 * block built from its nodes or sanitized, and finished (images resolved, ids prefixed),
 * exactly as the preview builds it, starting cold (no KaTeX or highlight.js memo).
 */
import type { AssetContext } from '../../../shared/asset-url.ts';
import type { RenderOptions } from '../../../shared/markdown/index.ts';
import { buildPlainBlock } from './plain-markup.ts';
import { buildPreviewBlocks, sanitizeCounts } from './sanitize.ts';

const assets: AssetContext = {
  assetBase: 'http://folio.test/@asset/',
  staticRoot: 'source',
  postPath: 'source/_posts/bench.md',
};

export function installBenchHook(): void {
  if (!new URLSearchParams(location.search).has('bench')) return;
  const run = async (markdown: string, options: RenderOptions = {}) => {
    const { renderMarkdownBlocks } = await import('../../../shared/markdown/index.ts');
    const { clearMemos } = await import('../../../shared/markdown/cache.ts');
    clearMemos();
    sanitizeCounts.plain = sanitizeCounts.purified = 0;
    // An inert fragment, as the preview's template is: built nodes load nothing here.
    const sink = document.createElement('template').content;
    const t0 = performance.now();
    const blocks = renderMarkdownBlocks(markdown, options);
    const t1 = performance.now();
    for (const nodes of buildPreviewBlocks(blocks, assets)) sink.append(...nodes);
    const t2 = performance.now();
    return { total: t2 - t0, render: t1 - t0, build: t2 - t1, ...sanitizeCounts };
  };
  (window as unknown as { folioBench: unknown }).folioBench = {
    async renderToSanitizedHtml(markdown: string, options?: RenderOptions): Promise<number> {
      return (await run(markdown, options)).total;
    },
    /** The two halves apart, and how many blocks took each path. */
    split: run,
    /** A plain block built from nodes as given, as HTML (specs/plain-nodes.spec.ts). */
    buildPlain(json: string): string {
      const holder = document.createElement('template');
      holder.content.append(...buildPlainBlock(json, assets));
      return holder.innerHTML;
    },
  };
}
