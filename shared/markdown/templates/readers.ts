/**
 * The dialects' syntaxes alone (no rendering: the index workers load this, not highlight.js):
 * which dialect a post is read in, where its constructs are, which lines a pair holds, and
 * its text without them for the word count.
 */
import { hexoSyntax } from './hexo-syntax.ts';
import { hugoSyntax } from './hugo-syntax.ts';
import { liquidSyntax } from './liquid-syntax.ts';
import { mdxSyntax } from './mdx-syntax.ts';
import { scanText } from './scan.ts';
import type { TemplateSyntax } from './types.ts';

const SYNTAXES: Record<string, TemplateSyntax> = {
  hugo: hugoSyntax,
  hexo: hexoSyntax,
  jekyll: liquidSyntax('jekyll', false),
  eleventy: liquidSyntax('eleventy', true),
  mdx: mdxSyntax,
};

export const templateSyntax = (name: string | undefined): TemplateSyntax | null =>
  (name && SYNTAXES[name]) || null;

/**
 * The dialect a post is read in: its generator's, but MDX only for `.mdx` files (a `.md`
 * post of an Astro site is plain Markdown), and any `.mdx` file is MDX.
 */
export function dialectOf(generatorDialect: string | undefined, path: string): string | undefined {
  if (/\.mdx$/i.test(path)) return 'mdx';
  return generatorDialect === 'mdx' ? undefined : generatorDialect;
}

/**
 * Every construct of `text` as [start, end) offsets, paired ones with their content, in
 * order (for the word count, which leaves them out, and the chunker, which keeps them whole).
 */
export function templateSpans(
  text: string,
  name: string | undefined,
): Array<[number, number, boolean]> {
  const dialect = templateSyntax(name);
  if (!dialect) return [];
  const { constructs, closeOf } = scanText(dialect, text, true);
  const spans: Array<[number, number, boolean]> = [];
  let inside = -1;
  for (const c of constructs) {
    if (c.start < inside || c.kind === 'broken') continue;
    const close = closeOf.get(c.start);
    if (close && dialect.pairing(c, {})?.pairing === 'literal') {
      spans.push([c.start, close.end, true]);
      inside = close.end;
    } else spans.push([c.start, c.end, false]);
  }
  return spans;
}

/**
 * The lines each paired construct holds (0-based, from its opener's line to its close's), so
 * the incremental preview never cuts a pair into two chunks.
 */
export function pairedLines(text: string, name: string | undefined): Array<[number, number]> {
  const dialect = templateSyntax(name);
  if (!dialect || !text.includes(dialect.openers[0]!)) return [];
  const { constructs, closeOf } = scanText(dialect, text, true);
  const ranges: Array<[number, number]> = [];
  let line = 0;
  let at = 0;
  const lineAt = (offset: number) => {
    for (let i = text.indexOf('\n', at); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
      line++;
    at = Math.max(at, offset);
    return line;
  };
  const opens = constructs.filter((c) => closeOf.has(c.start));
  const points = opens.flatMap((c) => [c.start, closeOf.get(c.start)!.end]).sort((a, b) => a - b);
  const lines = new Map<number, number>();
  for (const p of points) lines.set(p, lineAt(p));
  for (const c of opens) ranges.push([lines.get(c.start)!, lines.get(closeOf.get(c.start)!.end)!]);
  return ranges;
}

/**
 * `text` with its template syntax blanked out (spaces, newlines kept): what is left is what
 * a reader reads. A literal pair's content (highlighted code, `{% raw %}`) stays: it is
 * shown. Text without an opener comes back as it is.
 */
export function withoutTemplates(text: string, name: string | undefined): string {
  let out = '';
  let last = 0;
  for (const [start, end] of templateTags(text, name)) {
    out += text.slice(last, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    last = end;
  }
  return out + text.slice(last);
}

/**
 * The [start, end) ranges of the constructs themselves, in order: what the word count leaves
 * out. A literal pair (`{% raw %}`…`{% endraw %}`) gives its two tags; its content stays.
 * Constructs are read by their ASCII delimiters only, so a text decoded as latin1 gives the
 * ranges as byte offsets (the index counts words on bytes).
 */
export function templateTags(text: string, name: string | undefined): Array<[number, number]> {
  const dialect = templateSyntax(name);
  if (!dialect || !text.includes(dialect.openers[0]!)) return [];
  const tags: Array<[number, number]> = [];
  let last = 0;
  for (const [start, end, literal] of templateSpans(text, name)) {
    if (start < last) continue;
    if (literal) {
      const open = dialect.read(text, start, true)!;
      const close = text.lastIndexOf(dialect.openers[0]!, end - 1);
      tags.push([start, open.end], [close, end]);
    } else tags.push([start, end]);
    last = end;
  }
  return tags;
}
