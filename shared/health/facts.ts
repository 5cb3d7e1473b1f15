/**
 * What a post links to and what it holds, for the site health check (checks.ts): its links,
 * images and template references with their line and column, its headings with the ids the
 * site gives them (the generator's flavour), and what the SEO notes need.
 *
 * Read by a scanner rather than by markdown-it's parser: the check reads every post of
 * the blog in the background, and a full markdown-it parse of the 10,000-post corpus takes
 * about ten times as long as this scanner (docs/ARCHITECTURE.md has the figures). The scanner
 * knows what changes a link's meaning: fenced code, inline code, HTML comments, escapes,
 * template constructs.
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

// Block constructs are found from line starts (one look at each line's first character);
// inline ones by patterns over the whole text. No per-line strings are made: the check
// reads the whole blog, and a line-by-line scan spent most of its time making lines.
const FENCE_AT = / {0,3}(`{3,}|~{3,})[^\n]*/y;
const ATX_AT = / {0,3}(#{1,6})(?:[ \t]+([^\n]*?))?(?:[ \t]+#+)?[ \t]*(?=\r?\n|$)/y;
const SETEXT_AT = / {0,3}(=+|-+)[ \t]*(?=\r?\n|$)/y;
const REFERENCE_AT = / {0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?/y;
const LIST_ITEM = /^\s{0,3}([-*+]|\d+[.)])\s/;
const BLANK_AT = /[ \t]*(?:\r?\n|$)/y;
const EXPLICIT_ID = /[ \t]*\{[^}]*#([\w:.-]+)[^}]*\}[ \t]*$/;
// `[text](target "title")` and `![alt](target)`: the target up to a space or the closing paren.
const INLINE_LINK =
  /(!?)\[((?:[^\]\\\n]|\\.)*)\]\([ \t]*<?([^)\s>]*)>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)/g;
const HTML_TAG_AT = /<(a|img)\b([^>]*)>/iy;
const AUTOLINK_AT = /<((?:https?|mailto):[^\s>]+)>/iy;
const COMMENT_AT = /<!--[\s\S]*?-->/y;
const ATTRIBUTE = (name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
const SRC = ATTRIBUTE('src');
const HREF = ATTRIBUTE('href');
const ALT = ATTRIBUTE('alt');
const CODE_SPAN = /(`+)[^`]*?\1/g;

/** The post's facts; `text` is the whole file, `bodyStart` where its body starts. */
export function postFacts(text: string, bodyStart: number, options: FactOptions = {}): PostFacts {
  const refs: Ref[] = [];
  const headings: HeadingFact[] = [];
  const slug = headingSlugger(options.flavour?.headingIds ?? null);
  const explicitIds = options.flavour?.attributes != null;
  const starts = lineStarts(text);
  const add = (kind: RefKind, target: string, offset: number, extra?: Partial<Ref>) => {
    if (refs.length >= MAX_REFS || !target) return;
    const line = lineOfOffset(starts, offset);
    const ref: Ref = { kind, target, line, column: offset - starts[line - 1]! + 1, offset };
    refs.push(extra ? Object.assign(ref, extra) : ref);
  };

  for (const { field, value } of options.imageFields ?? []) {
    const at = text.indexOf(value);
    if (value && at >= 0 && at < bodyStart) add('image', value, at, { via: field });
  }

  // Block constructs, line by line: fences (what they hold is code), headings, reference
  // definitions (checked once the code and template ranges are known).
  const skip = new Ranges();
  const definitions: RegExpExecArray[] = [];
  const at = (pattern: RegExp, offset: number) => {
    pattern.lastIndex = offset;
    return pattern.exec(text);
  };
  let fence: { mark: string; from: number } | null = null;
  let previous = { start: -1, text: false };
  for (let li = lineOfOffset(starts, bodyStart) - 1; li < starts.length; li++) {
    const ls = starts[li]!;
    let p = ls;
    while (p < ls + 3 && text.charCodeAt(p) === 32) p++;
    const c = text[p];
    if (fence) {
      const m = c === fence.mark[0] ? at(FENCE_AT, ls) : null;
      if (m && m[1]!.length >= fence.mark.length && m[0].trim() === m[1]) {
        skip.add(fence.from, ls + m[0].length);
        fence = null;
      }
      previous = { start: -1, text: false };
      continue;
    }
    let blank = at(BLANK_AT, ls) !== null;
    if (c === '`' || c === '~') {
      const m = at(FENCE_AT, ls);
      if (
        m &&
        !(m[1]![0] === '`' && m[0].slice(m[0].indexOf(m[1]!) + m[1]!.length).includes('`'))
      ) {
        fence = { mark: m[1]!, from: ls };
        previous = { start: -1, text: false };
        continue;
      }
    } else if (c === '#') {
      const m = at(ATX_AT, ls);
      if (m) {
        headings.push(heading(m[1]!.length, m[2] ?? '', li + 1, slug, explicitIds));
        blank = true; // a heading's line is never a setext heading's text
      }
    } else if (c === '[') {
      const m = at(REFERENCE_AT, ls);
      if (m) definitions.push(m);
    } else if ((c === '=' || c === '-') && previous.text && at(SETEXT_AT, ls)) {
      const content = text.slice(previous.start, ls - 1).replace(/\r$/, '');
      if (!LIST_ITEM.test(content)) {
        headings.push(heading(c === '=' ? 1 : 2, content.trim(), li, slug, explicitIds));
        previous = { start: -1, text: false };
        continue;
      }
    }
    previous = { start: ls, text: !blank };
  }
  if (fence) skip.add(fence.from, text.length);
  const fences = skip.sorted();
  // Code spans and comments hold no references either.
  if (text.includes('`')) {
    CODE_SPAN.lastIndex = bodyStart;
    for (let m = CODE_SPAN.exec(text); m; m = CODE_SPAN.exec(text))
      if (!inRanges(fences, m.index)) skip.add(m.index, m.index + m[0].length);
  }
  const angles: number[] = [];
  for (let i = text.indexOf('<', bodyStart); i !== -1; i = text.indexOf('<', i + 1)) angles.push(i);
  for (const i of angles) {
    if (text.startsWith('<!--', i)) {
      const m = at(COMMENT_AT, i);
      if (m) skip.add(i, i + m[0].length);
    }
  }
  const code = skip.sorted();

  // Template constructs: their references, and their spans left out of the Markdown scan.
  const spans = new Ranges();
  const syntax = templateSyntax(options.dialect);
  if (syntax) {
    for (const c of scanText(syntax, text).constructs) {
      if (c.start < bodyStart || c.kind !== 'tag' || inRanges(code, c.start)) continue;
      spans.add(c.start, c.end);
      const found = templateRef(
        c.name,
        (name, position) => argValue(c, name, position),
        positional(c),
      );
      if (!found) continue;
      const offset = text.indexOf(found.target, c.start);
      add(found.kind, found.target, offset >= 0 && offset < c.end ? offset : c.start, {
        via: c.name,
      });
    }
  }
  const templates = spans.sorted();
  const outside = (offset: number) => !inRanges(code, offset) && !inRanges(templates, offset);

  for (const m of definitions) {
    if (/^\^/.test(m[1]!) || !outside(m.index)) continue;
    add('link', m[2]!, m.index + m[0].lastIndexOf(m[2]!));
  }
  if (text.includes('](')) {
    INLINE_LINK.lastIndex = bodyStart;
    for (let m = INLINE_LINK.exec(text); m; m = INLINE_LINK.exec(text)) {
      if ((m.index > 0 && text[m.index - 1] === '\\') || !outside(m.index)) continue;
      const target = m[3]!;
      const offset = text.indexOf(target, m.index + m[0].indexOf('](') + 2);
      if (m[1]) add('image', target, offset, m[2]!.trim() ? {} : { noAlt: true });
      else add('link', target, offset);
    }
  }
  for (const i of angles) {
    const next = text.charCodeAt(i + 1) | 0x20;
    if (next === 0x61 /* a */ || next === 0x69 /* i */) {
      const m = at(HTML_TAG_AT, i);
      if (m && outside(i)) {
        const image = m[1]!.toLowerCase() === 'img';
        const attr = (image ? SRC : HREF).exec(m[2]!);
        if (!attr) continue;
        const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
        const offset = text.indexOf(value, i + m[0].indexOf(attr[0]));
        const alt = image ? ALT.exec(m[2]!) : null;
        const noAlt = image && !(alt && (alt[2] ?? alt[3] ?? alt[4] ?? '').trim());
        add(image ? 'image' : 'link', value, offset, noAlt ? { noAlt: true } : {});
        continue;
      }
    }
    if (next === 0x68 /* h */ || next === 0x6d /* m */) {
      const m = at(AUTOLINK_AT, i);
      if (m && outside(i)) add('link', m[1]!, i + 1);
    }
  }
  refs.sort((a, b) => a.offset - b.offset);
  return { refs, headings };
}

/** [from, to) ranges, sorted and merged when asked. */
class Ranges {
  private pairs: Array<[number, number]> = [];
  add(from: number, to: number): void {
    this.pairs.push([from, to]);
  }
  sorted(): number[] {
    const flat: number[] = [];
    for (const [from, to] of this.pairs.sort((a, b) => a[0] - b[0])) {
      if (flat.length && from <= flat[flat.length - 1]!)
        flat[flat.length - 1] = Math.max(to, flat[flat.length - 1]!);
      else flat.push(from, to);
    }
    return flat;
  }
}

/** Whether `offset` is inside one of the sorted, merged ranges (bisection). */
function inRanges(flat: number[], offset: number): boolean {
  let lo = 0;
  let hi = flat.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < flat[mid * 2]!) hi = mid - 1;
    else if (offset >= flat[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
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
  if (!/[[\]<>*_`~\\!]/.test(markdown)) return markdown.trim();
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

/** Where each line of the text starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line an offset is on. */
function lineOfOffset(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
