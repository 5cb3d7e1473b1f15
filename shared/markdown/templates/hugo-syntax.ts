/**
 * How Hugo's shortcodes are read and paired (hugo.ts renders them): `{{< name args >}}`,
 * `{{% name args %}}`, `{{< /name >}}`, `/>}}`, and the commented form shown literally.
 */
import { findClose, nameAndRest, parseArgs, type Construct } from './syntax.ts';
import type { TemplateSyntax } from './types.ts';

const COMMENT = /^\{\{([<%])\s*\/\*([\s\S]*?)\*\/\s*([>%])\}\}/;
const NAME = /^[\w][\w./-]*$/;

function read(text: string, pos: number, spans = false): Construct | null {
  if (text[pos] !== '{' || text[pos + 1] !== '{') return null;
  const mark = text[pos + 2];
  if (mark !== '<' && mark !== '%') return null;
  if (/^\s*\/\*/.test(text.slice(pos + 3, pos + 12))) {
    const comment = COMMENT.exec(text.slice(pos, pos + 4096));
    if (comment) {
      const shown = `{{${comment[1]}${comment[2]}${comment[3]}}}`;
      return {
        start: pos,
        end: pos + comment[0].length,
        kind: 'comment',
        name: '',
        argText: shown,
        args: [],
      };
    }
  }
  const end = findClose(text, pos + 3, `${mark === '<' ? '>' : '%'}}}`, '"`');
  let body = end < 0 ? text.slice(pos + 3, pos + 64).split('\n')[0]! : text.slice(pos + 3, end - 3);
  body = body.trim();
  const closing = body.startsWith('/');
  if (closing) body = body.slice(1).trim();
  const selfClosing = !closing && body.endsWith('/');
  if (selfClosing) body = body.slice(0, -1).trim();
  const [name, rest] = nameAndRest(body);
  if (!NAME.test(name)) return null;
  const percent = mark === '%';
  if (end < 0)
    return { start: pos, end: pos + 3, kind: 'broken', name, argText: rest, args: [], percent };
  return {
    start: pos,
    end,
    kind: closing ? 'close' : 'tag',
    name,
    argText: rest,
    args: spans ? [] : parseArgs(rest, '='),
    percent,
    selfClosing,
  };
}

/** Hugo's embeds (hugo.ts shows them as offline cards): they never take inner content. */
export const HUGO_EMBEDS = ['youtube', 'vimeo', 'x', 'twitter', 'tweet', 'instagram', 'gist'];

/** Built-ins that always take inner content, and how. */
const ALWAYS_PAIRED: Record<string, 'markdown' | 'literal'> = {
  highlight: 'literal',
  details: 'markdown',
  comment: 'literal',
};

/** Built-ins that never do. */
const SINGLE = new Set(['figure', 'ref', 'relref', 'param', ...HUGO_EMBEDS]);

export const hugoSyntax: TemplateSyntax = {
  name: 'hugo',
  openers: '{',
  readsCode: true,
  read,
  pairing(c, context) {
    const always = ALWAYS_PAIRED[c.name];
    if (always) return { pairing: always, always: true };
    if (SINGLE.has(c.name)) return null;
    if (c.name === 'qr') return { pairing: 'literal', always: false };
    const site = context.templates?.[c.name];
    // `{{% %}}` content is Markdown; `{{< >}}` content is, when the site's template makes it so.
    const markdown = c.percent || !site || site.markdownInner;
    return { pairing: markdown ? 'markdown' : 'literal', always: false };
  },
  producesText: (c) => c.name === 'ref' || c.name === 'relref' || c.name === 'param',
};
