/**
 * The `{% tag args %}` / `{{ output }}` / `{# comment #}` syntax Liquid (Jekyll, Eleventy)
 * and Nunjucks (Hexo's tag plugins, Eleventy) share, with `{%-`/`-%}` whitespace control.
 * `{% endname %}` closes `name`.
 */
import { findClose, nameAndRest, parseArgs, type Construct } from './syntax.ts';
import type { TemplateSyntax } from './types.ts';

const TAG_NAME = /^[A-Za-z_][\w-]*$/;

/** Reads a construct at `pos`; `separators` are those of named arguments ('=' or ':'). */
export function readLiquid(
  text: string,
  pos: number,
  separators: string,
  comments: boolean,
  spans = false,
): Construct | null {
  if (text[pos] !== '{') return null;
  const mark = text[pos + 1];
  if (mark === '#' && comments) {
    const end = text.indexOf('#}', pos + 2);
    if (end < 0 || end - pos > 4096) return null;
    return { start: pos, end: end + 2, kind: 'comment', name: '', argText: '', args: [] };
  }
  if (mark !== '%' && mark !== '{') return null;
  const close = mark === '%' ? '%}' : '}}';
  const end = findClose(text, pos + 2, close, `"'`);
  let body = end < 0 ? text.slice(pos + 2, pos + 64).split('\n')[0]! : text.slice(pos + 2, end - 2);
  body = body.replace(/^-/, '').replace(/-$/, '').trim();
  if (mark === '{') {
    // `{{` followed by nothing like an expression (`{{}}`, a JSON sample) is not one.
    if (!body || /^[{<%]/.test(body)) return null;
    if (end < 0) return null;
    return { start: pos, end, kind: 'output', name: '', argText: body, args: [] };
  }
  const [name, rest] = nameAndRest(body);
  if (!TAG_NAME.test(name)) return null;
  if (end < 0) return { start: pos, end: pos + 2, kind: 'broken', name, argText: rest, args: [] };
  const closing = name.startsWith('end') && name.length > 3;
  return {
    start: pos,
    end,
    kind: closing ? 'close' : 'tag',
    name: closing ? name.slice(3) : name,
    argText: rest,
    args: spans ? [] : parseArgs(rest, separators),
  };
}

/** `text` cut at each `separator` that is not inside quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === separator) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** `a | f: x, y | g` as the expression and its filters. */
export function splitFilters(expression: string): {
  value: string;
  filters: Array<{ name: string; args: string[] }>;
} {
  const [value = '', ...rest] = splitOutsideQuotes(expression, '|').map((p) => p.trim());
  return {
    value,
    filters: rest.map((f) => {
      const colon = f.indexOf(':');
      const name = (colon < 0 ? f : f.slice(0, colon)).trim();
      const args =
        colon < 0 ? [] : splitOutsideQuotes(f.slice(colon + 1), ',').map((a) => a.trim());
      return { name, args };
    }),
  };
}

/** A literal (`"text"`, `'text'`, a number, true/false/nil), or undefined when it is a name. */
export function literalValue(text: string): unknown {
  const quoted = /^"([^"]*)"$|^'([^']*)'$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2];
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'nil' || text === 'null') return null;
  return undefined;
}

/** Tags whose inner text is not Markdown, and what becomes of it. */
export const LITERAL = new Set(['highlight', 'raw', 'comment', 'capture', 'verbatim']);
/** Control flow: a chip, and the content between it and its end rendered. */
export const BLOCKS = new Set(['if', 'unless', 'for', 'case', 'tablerow']);
/** Tags that stand for text. */
export const TEXT_TAGS = new Set(['link', 'post_url']);
/** Liquid's own tags that do not print: shown as quiet chips. */
export const STATEMENTS = new Set([
  'else',
  'elsif',
  'when',
  'assign',
  'increment',
  'decrement',
  'cycle',
  'break',
  'continue',
  'set',
]);

/** Liquid's syntax (Jekyll), or Eleventy's (`bareNamesArePage`: its LiquidJS and Nunjucks). */
export function liquidSyntax(name: string, eleventy: boolean): TemplateSyntax {
  return {
    name,
    openers: '{',
    readsCode: true,
    // Eleventy's LiquidJS also takes `name: value` arguments, and Nunjucks' `{# #}` comments.
    read: (text, pos, spans) => readLiquid(text, pos, eleventy ? '=:,' : '=', eleventy, spans),
    pairing(c) {
      if (LITERAL.has(c.name)) return { pairing: 'literal', always: true };
      if (BLOCKS.has(c.name)) return { pairing: 'markdown', always: true };
      if (TEXT_TAGS.has(c.name) || STATEMENTS.has(c.name) || c.name.startsWith('include'))
        return null;
      return { pairing: 'markdown', always: false };
    },
    producesText: (c) => TEXT_TAGS.has(c.name),
  };
}
