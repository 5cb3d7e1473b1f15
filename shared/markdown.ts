/**
 * Markdown -> HTML for the preview (markdown-it: full CommonMark, GFM tables and
 * strikethrough, footnotes). The output is NOT safe: raw HTML passes through, and the
 * renderer sanitizes it with DOMPurify before it reaches the DOM.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Md } from 'markdown-it';
import footnote from 'markdown-it-footnote';

export interface RenderOptions {
  /** Added to every `data-source-line`: the line in the file where the body starts (0-based). */
  lineOffset?: number;
}

function createRenderer(): Md {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(footnote);
  // Block tokens carry their source line so the preview can follow the editor.
  md.core.ruler.push('source_lines', (state) => {
    const offset = (state.env as { lineOffset?: number }).lineOffset ?? 0;
    for (const token of state.tokens) {
      if (token.map && token.nesting !== -1 && token.level === 0) {
        token.attrSet('data-source-line', String(token.map[0] + offset + 1));
      }
    }
  });
  return md;
}

let renderer: Md | null = null;

export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  renderer ??= createRenderer();
  return renderer.render(markdown, { lineOffset: options.lineOffset ?? 0 });
}

/** The first `#`/`##` heading's text, for a title fallback. */
export function firstHeading(markdown: string): string | null {
  const m = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(markdown);
  return m ? m[1]!.trim() : null;
}
