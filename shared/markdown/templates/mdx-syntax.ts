/** How MDX's components and its import/export lines are read (mdx.ts renders them). */
import { findClose, parseArgs, type Construct } from './syntax.ts';
import type { TemplateSyntax } from './types.ts';

const OPEN = /^<([A-Z][\w.]*)/;
const CLOSE = /^<\/([A-Z][\w.]*)\s*>/;

function read(text: string, pos: number, spans = false): Construct | null {
  if (text[pos] !== '<') return null;
  const head = text.slice(pos, pos + 128);
  const close = CLOSE.exec(head);
  if (close)
    return {
      start: pos,
      end: pos + close[0].length,
      kind: 'close',
      name: close[1]!,
      argText: '',
      args: [],
    };
  const open = OPEN.exec(head);
  if (!open) return null;
  const name = open[1]!;
  const end = findTagEnd(text, pos + open[0].length);
  if (end < 0)
    return { start: pos, end: pos + open[0].length, kind: 'broken', name, argText: '', args: [] };
  const selfClosing = text[end - 2] === '/';
  const argText = text.slice(pos + open[0].length, end - (selfClosing ? 2 : 1)).trim();
  return {
    start: pos,
    end,
    kind: 'tag',
    name,
    argText,
    args: spans ? [] : parseArgs(argText.replace(/=\{/g, '="{').replace(/\}(?=\s|$)/g, '}"'), '='),
    selfClosing,
  };
}

/** The `>` ending a JSX tag, past quoted strings and `{…}` expressions. */
function findTagEnd(text: string, from: number): number {
  let depth = 0;
  const limit = Math.min(text.length, from + 4096);
  for (let i = from; i < limit; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      const end = findClose(text, i + 1, ch, '');
      if (end < 0) return -1;
      i = end - 1;
    } else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '>' && depth === 0) return i + 1;
  }
  return -1;
}

export const mdxSyntax: TemplateSyntax = {
  name: 'mdx',
  openers: '<',
  readsCode: false,
  read,
  pairing: () => ({ pairing: 'markdown', always: false }),
  producesText: () => false,
  hiddenLines: /^(import|export)\s/,
};
