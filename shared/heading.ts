/**
 * The first heading of a Markdown text, for a post's title fallback. Its own module so the
 * library's index worker does not load the whole Markdown renderer (markdown.ts) to use it.
 */
export function firstHeading(markdown: string): string | null {
  const m = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(markdown);
  return m ? m[1]!.trim() : null;
}
