/**
 * Reading a generator's template constructs out of a post's text: Hugo's `{{< name args >}}`
 * and `{{% name args %}}`, Liquid's and Nunjucks' `{% tag args %}` and `{{ output }}`, MDX's
 * `<Component …>`. Only reading: what a construct means is each dialect's business
 * (hugo.ts, liquid.ts, hexo.ts, mdx.ts).
 *
 * Written by hand: no library reads these out of Markdown with their positions. Hugo's and
 * Liquid's own parsers are Go and Ruby; liquidjs parses whole templates and throws on the
 * first unknown tag, where a preview needs every construct found, known or not, and the
 * text between them left to Markdown.
 */

/** One argument: `value`, or `name=value` / `name:value` (named). */
export interface TemplateArg {
  name?: string;
  value: string;
  /** It was written in quotes (Hexo tells a title from an alt text so). */
  quoted?: boolean;
}

export interface Construct {
  /** Offsets in the text it was read from: `text.slice(start, end)` is the whole construct. */
  start: number;
  end: number;
  /**
   * `tag`: a shortcode or tag; `close`: its closing form (`{{< /name >}}`, `{% endname %}`,
   * `</Name>`); `output`: Liquid's `{{ expression }}`; `comment`: shown literally (Hugo's
   * `{{</*` … `*\/>}}`) or hidden (`{# … #}`); `broken`: an opener never closed.
   */
  kind: 'tag' | 'close' | 'output' | 'comment' | 'broken';
  /** The shortcode, tag or component name ('' for an output or a comment). */
  name: string;
  /** What follows the name, as written (an output's expression; a comment's text). */
  argText: string;
  args: TemplateArg[];
  /** Hugo's `{{% %}}`: the inner content is Markdown. */
  percent?: boolean;
  /** `{{< name />}}`, `<Name />`: never paired. */
  selfClosing?: boolean;
}

/** A construct longer than this is not one: an opener never closed stops the scan here. */
export const MAX_CONSTRUCT = 4096;

/** Where `close` ends, reading from `from` past quoted strings; -1 when not found in time. */
export function findClose(text: string, from: number, close: string, quotes: string): number {
  const limit = Math.min(text.length, from + MAX_CONSTRUCT);
  let quote = '';
  for (let i = from; i < limit; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\' && quote !== '`') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (quotes.includes(ch)) quote = ch;
    else if (ch === close[0] && text.startsWith(close, i)) return i + close.length;
  }
  return -1;
}

const SPACE = /\s/;

/**
 * Arguments as the generators split them: by whitespace, a quoted part ("…", '…', Hugo's
 * `…`) kept whole and unquoted; `name=value` (or `name:value`, for `separators` holding ':')
 * is named when the name is a plain word; with ',' in `separators`, commas separate too.
 */
export function parseArgs(text: string, separators = '='): TemplateArg[] {
  const args: TemplateArg[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && SPACE.test(text[i]!)) i++;
    if (i >= text.length) break;
    let name: string | undefined;
    const named = /^([A-Za-z_][\w-]*)\s*([=:])\s*/.exec(text.slice(i, i + 64));
    if (named && separators.includes(named[2]!) && !text.startsWith('//', i + named[0].length)) {
      name = named[1];
      i += named[0].length;
    }
    const [raw, next] = readValue(text, i);
    // LiquidJS separates arguments with commas (`"file.md", crop: "Garlic"`): `separators`
    // holding ',' says so. Elsewhere a comma is part of the word (Hexo's `Author, Source`).
    const commas = separators.includes(',');
    const value = commas && !/^["']/.test(text[i] ?? '') ? raw.replace(/,$/, '') : raw;
    const arg: TemplateArg = name === undefined ? { value } : { name, value };
    if (/^["'`]/.test(text[i] ?? '')) arg.quoted = true;
    args.push(arg);
    i = next;
    while (commas && text[i] === ',') i++;
  }
  return args;
}

function readValue(text: string, i: number): [string, number] {
  const quote = text[i];
  if (quote === '"' || quote === "'" || quote === '`') {
    let value = '';
    let j = i + 1;
    for (; j < text.length && text[j] !== quote; j++) {
      if (text[j] === '\\' && quote !== '`' && j + 1 < text.length) value += text[++j];
      else value += text[j];
    }
    return [value, j + 1];
  }
  let j = i;
  while (j < text.length && !SPACE.test(text[j]!)) j++;
  return [text.slice(i, j), j];
}

/** The named argument `name`, else the positional one at `position`. */
export function argValue(c: Construct, name: string, position = -1): string | undefined {
  const named = c.args.find((a) => a.name === name);
  if (named) return named.value;
  if (position < 0) return undefined;
  return c.args.filter((a) => a.name === undefined)[position]?.value;
}

export const positional = (c: Construct): string[] =>
  c.args.filter((a) => a.name === undefined).map((a) => a.value);

/** Splits `name rest…` and trims. */
export function nameAndRest(body: string): [string, string] {
  const text = body.trim();
  const match = /^([^\s]+)\s*([\s\S]*)$/.exec(text);
  return match ? [match[1]!, match[2]!] : ['', ''];
}

/** The 1-based line of `offset` in `text`, for messages. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
