/**
 * The editor's Markdown parser resolves emphasis markers in time quadratic in their number
 * within one paragraph (@lezer/markdown's resolveMarkers scans back for each closer): one
 * line of `*a **a` × 50,000 held the window for 6 s when the post opened. A paragraph longer
 * than INLINE_LIMIT is taken as one run of plain text, so its inline marks (emphasis, code,
 * links) are not highlighted; the text itself, and the preview, are unaffected. Real
 * paragraphs are a few hundred characters.
 */
import type { MarkdownConfig } from '@lezer/markdown';

/** Characters in one paragraph (or heading, table cell) past which its inline marks are not parsed. */
export const INLINE_LIMIT = 20_000;

export const longInline: MarkdownConfig = {
  defineNodes: [{ name: 'LongInline' }],
  parseInline: [
    {
      name: 'LongInline',
      before: 'Escape',
      parse(cx, _next, pos) {
        if (pos !== cx.offset || cx.end - cx.offset <= INLINE_LIMIT) return -1;
        return cx.addElement(cx.elt('LongInline', pos, cx.end));
      },
    },
  ],
};
