/**
 * Very large posts (a 10 MB log pasted into Markdown) would make the preview build a DOM of
 * hundreds of thousands of nodes on every edit. A book-length post (50,000 words, about 350 KB)
still previews whole; past this size the preview shows the start of
 * the post, cut at a line break, with a notice; the editor and saving are unaffected.
 */
export const PREVIEW_LIMIT_CHARS = 1024 * 1024;

export function previewPart(body: string): { text: string; cut: boolean } {
  if (body.length <= PREVIEW_LIMIT_CHARS) return { text: body, cut: false };
  const lineEnd = body.lastIndexOf('\n', PREVIEW_LIMIT_CHARS);
  return { text: body.slice(0, lineEnd > 0 ? lineEnd + 1 : PREVIEW_LIMIT_CHARS), cut: true };
}
