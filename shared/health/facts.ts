/**
 * What a post links to and what it holds, for the site health check (checks.ts): its links,
 * images and template references with their line and column, its headings with the ids the
 * site gives them (the generator's flavour), and what the SEO notes need.
 *
 * Read by a line scanner rather than by markdown-it's parser: the check reads every post of
 * the blog in the background, and a full markdown-it parse of the 10,000-post corpus takes
 * several times the 1.5 s the check has (docs/ARCHITECTURE.md has the figures). The scanner
 * knows what changes a link's meaning: fenced code, inline code, HTML comments, escapes.
 */
import { headingSlugger, type MarkdownFlavour } from '../markdown/flavours.ts';
import { templateSyntax } from '../markdown/templates/readers.ts';
import { scanText } from '../markdown/templates/scan.ts';
import { argValue, positional } from '../markdown/templates/syntax.ts';

export type RefKind =
  /** A Markdown or HTML link. */
  | 'link'
  /** A Markdown or HTML image, or an image field of the front matter. */
  | 'image'
  /** A template's reference to another post (`ref`, `post_link`, `post_url`, `link`). */
  | 'post'
  /** A template's image (`figure`, `asset_img`, `img`). */
  | 'asset'
  /** A template's include (`{% include x %}`). */
  | 'include';

export interface Ref {
  kind: RefKind;
  /** As written (`../a.md#x`, `/images/a.png`, `2024-01-01-slug`). */
  target: string;
  /** 1-based line and column in the file, where the target starts. */
  line: number;
  column: number;
  /** Offset of the target in the file's text, for a byte-minimal fix. */
  offset: number;
  /** The template or field that holds it (`figure`, `cover`), for messages. */
  via?: string;
  /** An image without alt text. */
  noAlt?: boolean;
}

export interface HeadingFact {
  level: number;
  id: string;
  line: number;
}

export interface PostFacts {
  refs: Ref[];
  headings: HeadingFact[];
}

export interface FactOptions {
  /** The template dialect the post is read in (templates/readers.ts `dialectOf`). */
  dialect?: string | undefined;
  flavour?: MarkdownFlavour | null;
  /** Front-matter fields that hold an image (`cover`, `image`…), with their values. */
  imageFields?: Array<{ field: string; value: string }>;
}

/** More references than this in one post are not read (a 50,000-link post is checked in part). */
export const MAX_REFS = 10_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const EXPLICIT_ID = /[ \t]*\{[^}]*#([\w:.-]+)[^}]*\}[ \t]*$/;
const REFERENCE_DEF = /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?/;
// `[text](target "title")` and `![alt](target)`: the target up to a space or the closing paren.
const INLINE_LINK =
  /(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const HTML_TAG = /<(a|img)\b([^>]*)>/gi;
const ATTRIBUTE = (name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
const AUTOLINK = /<((?:https?|mailto):[^\s>]+)>/gi;

/** The post's facts; `text` is the whole file, `bodyStart` where its body starts. */
export function postFacts(text: string, bodyStart: number, options: FactOptions = {}): PostFacts {
  const refs: Ref[] = [];
  const headings: HeadingFact[] = [];
  const slug = headingSlugger(options.flavour?.headingIds ?? null);
  const explicitIds = options.flavour?.attributes != null;
  const add = (ref: Ref) => {
    if (refs.length < MAX_REFS) refs.push(ref);
  };

  const bodyLine = countLines(text, 0, bodyStart) + 1;
  for (const { field, value } of options.imageFields ?? []) {
    const at = text.indexOf(value);
    if (value && at >= 0 && at < bodyStart) {
      const line = countLines(text, 0, at) + 1;
      add({
        kind: 'image',
        target: value,
        line,
        column: at - text.lastIndexOf('\n', at - 1),
        offset: at,
        via: field,
      });
    }
  }

  const lines = bodyLines(text, bodyStart, bodyLine);
  // Code (fenced blocks, inline spans) holds no references: its ranges are left out.
  const code: Array<[number, number]> = [];
  for (const line of lines) {
    if (line.fenced) code.push([line.start, line.start + line.raw.length + 1]);
    else
      for (const m of line.raw.matchAll(/(`+)[^`]*?\1/g))
        code.push([line.start + m.index, line.start + m.index + m[0].length]);
  }
  const inCode = (offset: number) => code.some(([from, to]) => offset >= from && offset < to);

  // Template constructs next: their spans are left out of the Markdown scan.
  const spans: Array<[number, number]> = [];
  const syntax = templateSyntax(options.dialect);
  if (syntax) {
    for (const c of scanText(syntax, text).constructs) {
      if (c.start < bodyStart || c.kind !== 'tag' || inCode(c.start)) continue;
      spans.push([c.start, c.end]);
      const found = templateRef(
        c.name,
        (name, position) => argValue(c, name, position),
        positional(c),
      );
      if (!found) continue;
      const at = text.indexOf(found.target, c.start);
      const offset = at >= 0 && at < c.end ? at : c.start;
      const line = countLines(text, 0, offset) + 1;
      add({
        ...found,
        line,
        column: offset - text.lastIndexOf('\n', offset - 1),
        offset,
        via: c.name,
      });
    }
  }

  let previous = '';
  for (const { raw, start, line, fenced } of lines) {
    if (fenced) {
      previous = '';
      continue;
    }
    const atx = ATX.exec(raw);
    if (atx) {
      headings.push(heading(atx[1]!.length, atx[2] ?? '', line, slug, explicitIds));
    } else if (SETEXT.test(raw) && previous.trim() && !/^\s{0,3}([-*+]|\d+[.)])\s/.test(previous)) {
      headings.push(
        heading(raw.trim()[0] === '=' ? 1 : 2, previous.trim(), line - 1, slug, explicitIds),
      );
    }
    scanLine(raw, start, line, spans, add);
    previous = raw;
  }
  return { refs, headings };
}

interface BodyLine {
  raw: string;
  /** Offset of its first character in the file. */
  start: number;
  line: number;
  /** Inside a fenced code block, or one of its fences. */
  fenced: boolean;
}

/** The body's lines, with which are fenced code. */
function bodyLines(text: string, bodyStart: number, firstLine: number): BodyLine[] {
  const lines: BodyLine[] = [];
  let inFence: string | null = null;
  let line = firstLine;
  let start = bodyStart;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end).replace(/\r$/, '');
    const fence = FENCE.exec(raw);
    let fenced = inFence !== null;
    if (inFence) {
      if (
        fence &&
        fence[1]![0] === inFence[0] &&
        fence[1]!.length >= inFence.length &&
        raw.trim() === fence[1]
      )
        inFence = null;
    } else if (fence) {
      inFence = fence[1]!;
      fenced = true;
    }
    lines.push({ raw, start, line, fenced });
    if (end === text.length) break;
    start = end + 1;
    line++;
  }
  return lines;
}

/** The references one line holds, outside inline code, comments and template constructs. */
function scanLine(
  raw: string,
  lineStart: number,
  line: number,
  spans: Array<[number, number]>,
  add: (ref: Ref) => void,
): void {
  if (!raw.includes('](') && !raw.includes('<') && !raw.includes(']:')) return;
  // Inline code and comments keep their length (blanked), so columns stay right.
  const visible = raw
    .replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length))
    .replace(/<!--.*?-->/g, (m) => ' '.repeat(m.length));
  const inSpan = (column: number) =>
    spans.some(([from, to]) => lineStart + column >= from && lineStart + column < to);
  const push = (kind: RefKind, target: string, index: number, extra: Partial<Ref> = {}) => {
    if (!target || inSpan(index)) return;
    add({ kind, target, line, column: index + 1, offset: lineStart + index, ...extra });
  };
  const definition = REFERENCE_DEF.exec(visible);
  if (definition && !/^\^/.test(definition[1]!)) {
    push('link', definition[2]!, visible.indexOf(definition[2]!, definition[0].indexOf(':')));
  }
  for (const m of visible.matchAll(INLINE_LINK)) {
    if (m.index > 0 && visible[m.index - 1] === '\\') continue;
    const target = m[3]!;
    const at =
      m.index + m[0].indexOf('(') + 1 + (m[0].slice(m[0].indexOf('(') + 1).search(/\S/) || 0);
    if (m[1])
      push(
        'image',
        target,
        raw.indexOf(target, at) >= 0 ? raw.indexOf(target, at) : at,
        m[2]!.trim() ? {} : { noAlt: true },
      );
    else push('link', target, raw.indexOf(target, at) >= 0 ? raw.indexOf(target, at) : at);
  }
  for (const m of visible.matchAll(HTML_TAG)) {
    const image = m[1]!.toLowerCase() === 'img';
    const attr = ATTRIBUTE(image ? 'src' : 'href').exec(m[2]!);
    if (!attr) continue;
    const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
    const at = raw.indexOf(value, m.index + m[0].indexOf(attr[0]));
    const alt = image ? ATTRIBUTE('alt').exec(m[2]!) : null;
    push(
      image ? 'image' : 'link',
      value,
      at,
      image && !(alt && (alt[2] ?? alt[3] ?? alt[4] ?? '').trim()) ? { noAlt: true } : {},
    );
  }
  for (const m of visible.matchAll(AUTOLINK)) push('link', m[1]!, m.index + 1);
}

/** A heading's level, its id as the site makes it, and its line. */
function heading(
  level: number,
  content: string,
  line: number,
  slug: (text: string) => string,
  explicitIds: boolean,
): HeadingFact {
  const explicit = explicitIds ? EXPLICIT_ID.exec(content) : null;
  if (explicit) return { level, id: explicit[1]!, line };
  return { level, id: slug(plainText(content)), line };
}

/** A heading's text as the reader sees it: links to their text, marks and tags gone. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|~~|`)(.+?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .trim();
}

/** What a template construct refers to, by the generators' built-ins. */
function templateRef(
  name: string,
  arg: (name: string, position: number) => string | undefined,
  args: string[],
): Pick<Ref, 'kind' | 'target'> | null {
  switch (name) {
    // Hugo
    case 'ref':
    case 'relref': {
      const target = arg('path', 0);
      return target ? { kind: 'post', target } : null;
    }
    case 'figure': {
      const target = arg('src', -1);
      return target ? { kind: 'asset', target } : null;
    }
    // Hexo
    case 'post_link':
    case 'post_path':
      return args[0] ? { kind: 'post', target: args[0] } : null;
    case 'asset_img': {
      // `{% asset_img [class names] slug [width] [height] [title [alt]] %}`: the file is the
      // first argument that has an extension.
      const file = args.find((a) => /\.[a-z0-9]+$/i.test(a)) ?? args[0];
      return file ? { kind: 'asset', target: file } : null;
    }
    case 'asset_link':
    case 'asset_path':
      return args[0] ? { kind: 'asset', target: args[0] } : null;
    case 'img':
    case 'image': {
      // `{% img [class names] /path/to/image [width] [height] [title text [alt text]] %}`
      const path = args.find((a) =>
        /^(\/|https?:|\.\.?\/)|\.(png|jpe?g|gif|webp|svg|avif)$/i.test(a),
      );
      return path ? { kind: 'asset', target: path } : null;
    }
    // Liquid
    case 'post_url':
      return args[0] ? { kind: 'post', target: args[0] } : null;
    case 'link':
      return args[0] ? { kind: 'post', target: args[0] } : null;
    case 'include':
    case 'include_relative':
      return args[0] && !args[0].includes('{{') ? { kind: 'include', target: args[0] } : null;
    default:
      return null;
  }
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
