/**
 * Length: the reader and the byte-minimal editor of YAML, TOML and JSON blocks share their position helpers.
 *
 * Lossless front matter: read it, and edit one field by splicing only that field's bytes.
 *
 * Peers re-serialize the whole block on save (comments vanish, keys reorder, dates shift).
 * Here YAML edits go through the `yaml` package's source ranges: each changed key is a
 * splice of the original text, and everything else, body included, is left byte for byte.
 *
 * Dates are read as the strings written in the file (YAML 1.2 core schema), never as
 * `Date`, so a value read and written back cannot move to UTC. See shared/dates.ts.
 */
import {
  isMap,
  isScalar,
  isSeq,
  parse as parseYaml,
  parseDocument,
  stringify as stringifyYaml,
  visit,
  type Document,
  type Node as YamlNode,
  type Pair,
  type Scalar,
  type YAMLSeq,
} from 'yaml';
import { formatDateLike } from './dates.ts';
import { FolioError } from './errors.ts';
import { jsonError, parseJsonData, updateJson } from './frontmatter-json.ts';
import { parseTomlData, tomlError, updateToml } from './frontmatter-toml.ts';

export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

export interface FrontMatterError {
  message: string;
  /** 1-based line in the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface ParsedFrontMatter {
  data: Record<string, unknown>;
  format: FrontMatterFormat | null;
  /** Exactly the text after the front-matter block; the whole file when there is none. */
  body: string;
  /** Offset in the source where the body starts. */
  bodyStart: number;
  error?: FrontMatterError;
}

/** Where the block sits in the source; offsets into the source string. */
export interface FrontMatterBlock {
  format: FrontMatterFormat;
  /** Start of the block's content (after the opening fence line). */
  contentStart: number;
  /** End of the content (start of the closing fence line). */
  contentEnd: number;
  /** End of the closing fence line, its line break included. */
  end: number;
  /** 1-based line of the first content line. */
  firstLine: number;
}

const BOM = '\uFEFF';

function lineEnd(source: string, from: number): number {
  const i = source.indexOf('\n', from);
  return i === -1 ? source.length : i + 1;
}

/** The end of a fence line starting at `at`, if the line is exactly `fence` (trailing blanks allowed). */
function fenceLineEnd(source: string, at: number, fences: readonly string[]): number | null {
  const end = lineEnd(source, at);
  const line = source.slice(at, end).replace(/\r?\n$/, '');
  return fences.includes(line.trimEnd()) ? end : null;
}

/** Finds the front-matter block, or null when the file has none (or it is never closed). */
export function findFrontMatter(source: string): FrontMatterBlock | null {
  const start = source.startsWith(BOM) ? 1 : 0;
  const fenced: Array<[FrontMatterFormat, string, readonly string[]]> = [
    ['yaml', '---', ['---', '...']],
    ['toml', '+++', ['+++']],
  ];
  for (const [format, open, closers] of fenced) {
    const contentStart = fenceLineEnd(source, start, [open]);
    if (contentStart === null || contentStart === source.length) continue;
    if (source[contentStart - 1] !== '\n') continue;
    for (let at = contentStart; at < source.length; at = lineEnd(source, at)) {
      // Most lines start with no closer: those are passed without slicing them (an unclosed
      // block of 450,000 lines took 100 ms per keystroke to search).
      if (!closers.some((closer) => source.startsWith(closer, at))) continue;
      const end = fenceLineEnd(source, at, closers);
      if (end !== null) return { format, contentStart, contentEnd: at, end, firstLine: 2 };
    }
    return null;
  }
  return findJsonFrontMatter(source, start);
}

/** Hugo's JSON object at the top of the file, or Hexo's JSON closed by a `;;;` line. */
function findJsonFrontMatter(source: string, start: number): FrontMatterBlock | null {
  const braced = source[start] === '{';
  if (!braced && source[start] !== '"') return null;
  for (let at = start; at < source.length; at = lineEnd(source, at)) {
    const end = lineEnd(source, at);
    const line = source.slice(at, end).trimEnd();
    if (line === ';;;')
      return { format: 'json', contentStart: start, contentEnd: at, end, firstLine: 1 };
    if (braced && line === '}')
      return { format: 'json', contentStart: start, contentEnd: end, end, firstLine: 1 };
  }
  return null;
}

function lineColumnAt(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/** The first line of a `yaml` error, without its own position, which is relative to the block. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

function parseYamlDocument(content: string): Document.Parsed {
  // `yaml`'s own unique-key check compares each key with every key before it (10,000 keys
  // took 3 s); duplicateKey does it in one pass.
  return parseDocument(content, { uniqueKeys: false, keepSourceTokens: true });
}

/** The first key of the top-level map that repeats an earlier one; null when none does. */
function duplicateKey(doc: Document.Parsed): YamlNode | null {
  if (!isMap(doc.contents)) return null;
  const seen = new Set<string>();
  for (const pair of doc.contents.items) {
    const key = pair.key;
    if (!isScalar(key)) continue;
    const name = String(key.value);
    if (seen.has(name)) return key as YamlNode;
    seen.add(name);
  }
  return null;
}

/** Front matter larger than this is left to the text: the form stays responsive. */
export const MAX_FORM_FRONT_MATTER = 64 * 1024;

/**
 * The line (1-based, within `content`) where a quoted value that is still open at `line`
 * began: a quote left open runs on, so the parser only gives up lines later, at the end.
 */
export function openQuoteStart(content: string, line: number): number | null {
  let open: { quote: string; line: number } | null = null;
  const lines = content.split('\n');
  for (let i = 0; i < Math.min(line, lines.length); i++) {
    let text = lines[i]!;
    if (!open) {
      const start = /^\s*(?:-\s+|[^\s#"'][^:#]*:\s+)(["'])/.exec(text);
      if (!start) continue;
      open = { quote: start[1]!, line: i + 1 };
      text = text.slice(start[0].length);
    }
    const close = open.quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/ : /'(?!')/;
    // Pairs of single quotes are an escaped quote inside a single-quoted value.
    if (close.test(open.quote === "'" ? text.replace(/''/g, '') : text)) open = null;
  }
  return open?.line ?? null;
}

function yamlError(
  doc: Document.Parsed,
  block: FrontMatterBlock,
  content: string,
): FrontMatterError | undefined {
  const first = doc.errors[0];
  if (!first) return undefined;
  const pos = first.linePos?.[0] ?? { line: 1, col: 1 };
  const message = yamlMessage(first.message);
  const gaveUp = block.firstLine + pos.line - 1;
  if (/^Missing closing .?quote/.test(message)) {
    const start = openQuoteStart(content, pos.line);
    if (start !== null && block.firstLine + start - 1 !== gaveUp) {
      return {
        message: `Missing closing quote: the value that starts here is never closed (the parser gave up on line ${gaveUp})`,
        line: block.firstLine + start - 1,
        column: 1,
      };
    }
  }
  return { message, line: gaveUp, column: pos.col };
}

function toRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * The first alias that sits inside the node it names (`a: &x {b: *x}`: `yaml` gives an
 * object that holds itself), or null. Such front matter has no end to show, save or count,
 * so it is refused, pointing at that alias.
 */
function aliasInsideItsAnchor(doc: Document): YamlNode | null {
  let found: YamlNode | null = null;
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (!alias.range || !target?.range) return;
      if (alias.range[0] < target.range[0] || alias.range[1] > target.range[1]) return;
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}

/** How far aliases may expand when front matter is read (the `yaml` package's own measure). */
const MAX_ALIAS_COUNT = 1000;

export function parseFrontMatter(source: string): ParsedFrontMatter {
  const block = findFrontMatter(source);
  const bodyStart = block ? block.end : source.startsWith(BOM) ? 1 : 0;
  const result: ParsedFrontMatter = {
    data: {},
    format: block?.format ?? null,
    body: source.slice(bodyStart),
    bodyStart,
  };
  if (!block) return result;
  const content = source.slice(block.contentStart, block.contentEnd);
  if (content.length > MAX_FORM_FRONT_MATTER) {
    return {
      ...result,
      error: {
        message: `It is ${Math.round(content.length / 1024)} KB, more than the form reads (${MAX_FORM_FRONT_MATTER / 1024} KB): edit it in the text`,
        line: block.firstLine,
        column: 1,
      },
    };
  }
  if (block.format === 'yaml') {
    const doc = parseYamlDocument(content);
    const error = yamlError(doc, block, content);
    if (error) return { ...result, error };
    const repeated = duplicateKey(doc);
    if (repeated) {
      const at = lineColumnAt(content, rangeOf(repeated)[0]);
      return {
        ...result,
        error: {
          message: 'Map keys must be unique',
          line: block.firstLine + at.line - 1,
          column: at.column,
        },
      };
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      // `yaml` refuses aliases that expand past the bound (a "billion laughs").
      return {
        ...result,
        error: {
          message: `Its aliases (*name) expand to more than ${MAX_ALIAS_COUNT} values, too many to read safely`,
          line: block.firstLine,
          column: 1,
        },
      };
    }
    const looping = aliasInsideItsAnchor(doc);
    if (looping) {
      const at = lineColumnAt(content, rangeOf(looping)[0]);
      return {
        ...result,
        error: {
          message: 'An alias (*name) sits inside its own anchor (&name): the value would never end',
          line: block.firstLine + at.line - 1,
          column: at.column,
        },
      };
    }
    if (data !== null && !isMap(doc.contents)) {
      return {
        ...result,
        error: {
          message: 'Front matter must be a list of `key: value` fields',
          line: block.firstLine,
          column: 1,
        },
      };
    }
    return { ...result, data: toRecord(data) };
  }
  if (block.format === 'json') {
    const problem = jsonError(content);
    if (!problem) return { ...result, data: toRecord(parseJsonData(content)) };
    const at = lineColumnAt(content, problem.offset);
    return {
      ...result,
      error: { message: problem.message, line: block.firstLine + at.line - 1, column: at.column },
    };
  }
  const problem = tomlError(content);
  if (!problem) return { ...result, data: toRecord(parseTomlData(content)) };
  // smol-toml's error says where within the block (its message goes on with a code excerpt).
  const { line = 1, column = 1 } = problem as Error & { line?: number; column?: number };
  const message = (problem.message.split('\n')[0] ?? problem.message).replace(/:$/, '');
  return { ...result, error: { message, line: block.firstLine + line - 1, column } };
}

// ---------------------------------------------------------------------------------------
// Editing

/** One replaced span of a text: `[from, to)` becomes `insert`. */
export interface Splice {
  from: number;
  to: number;
  insert: string;
}

function detectEol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** True when `text` reads back as this same string when written plain after `key: `. */
function isSafePlain(text: string, flow: boolean): boolean {
  if (text === '' || text !== text.trim() || /[\r\n\t]/.test(text)) return false;
  if (flow && /[,[\]{}]/.test(text)) return false;
  try {
    const probe = flow ? `k: [${text}]` : `k: ${text}`;
    const back = parseYaml(probe, { logLevel: 'error' }) as { k: unknown };
    return flow
      ? Array.isArray(back.k) && back.k.length === 1 && back.k[0] === text
      : back.k === text;
  } catch {
    return false;
  }
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** JSON strings are valid YAML double-quoted scalars, and never fold across lines. */
function doubleQuoted(text: string): string {
  return JSON.stringify(text);
}

type QuoteStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

function renderString(text: string, style: QuoteStyle, flow: boolean): string {
  if (style === 'QUOTE_SINGLE' && !/[\r\n]/.test(text)) return singleQuoted(text);
  if (style === 'QUOTE_DOUBLE') return doubleQuoted(text);
  return isSafePlain(text, flow) ? text : doubleQuoted(text);
}

function renderScalar(value: unknown, style: QuoteStyle, flow: boolean, oldText?: string): string {
  if (value === null) return oldText === '~' ? '~' : 'null';
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') {
    return String(value);
  }
  if (value instanceof Date) {
    const text = formatDateLike(oldText ?? '', value);
    return renderString(text, style, flow);
  }
  if (typeof value === 'string') return renderString(value, style, flow);
  // Objects inside a one-line value: a JSON flow collection is valid YAML and stays on one line.
  return JSON.stringify(value);
}

function scalarStyle(node: unknown): QuoteStyle {
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'))
    return node.type;
  return 'PLAIN';
}

/** The quoting the block already prefers, for values of new keys. */
function dominantStyle(doc: Document.Parsed): QuoteStyle {
  let dq = 0;
  let sq = 0;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const style = scalarStyle(pair.value);
      if (style === 'QUOTE_DOUBLE' && typeof (pair.value as Scalar).value === 'string') dq++;
      if (style === 'QUOTE_SINGLE') sq++;
    }
  }
  return sq > dq ? 'QUOTE_SINGLE' : 'PLAIN';
}

function rangeOf(node: YamlNode): [number, number, number] {
  const range = node.range;
  if (!range) throw new FolioError('INTERNAL', 'A front-matter value has no source position');
  return range;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Longest common subsequence of two value lists, as pairs of matched indexes. */
function matchItems(before: unknown[], after: unknown[]): Array<[number, number]> {
  const n = before.length;
  const m = after.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = sameValue(before[i], after[j])
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (sameValue(before[i], after[j])) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Edits a block sequence item by item, so unchanged items and comments keep their bytes. */
function spliceBlockSeq(content: string, seq: YAMLSeq, next: unknown[], eol: string): Splice[] {
  const items = seq.items as YamlNode[];
  const before = items.map((item) => (item as { toJSON(): unknown }).toJSON());
  const firstStart = lineStartOf(content, rangeOf(items[0]!)[0]);
  const firstLine = content.slice(firstStart, rangeOf(items[0]!)[0]);
  // `  - ` (or whatever the file uses) before the first item's value.
  const prefix = /^\s*-\s*$/.test(firstLine) ? firstLine : '  - ';
  const lines = items.map((item) => {
    const start = lineStartOf(content, rangeOf(item)[0]);
    return { start, end: lineEnd(content, rangeOf(item)[1]) };
  });
  const render = (value: unknown) =>
    prefix + renderScalar(value, scalarStyle(items[0]), false) + eol;
  const kept = matchItems(before, next);
  const splices: Splice[] = [];
  const keptOld = new Set(kept.map(([i]) => i));
  items.forEach((_, i) => {
    if (!keptOld.has(i)) splices.push({ from: lines[i]!.start, to: lines[i]!.end, insert: '' });
  });
  // New items go right after the kept item that precedes them (or before the first item).
  let cursor = 0;
  let insertAt = lines[0]!.start;
  let pending = '';
  const flush = () => {
    if (pending) splices.push({ from: insertAt, to: insertAt, insert: pending });
    pending = '';
  };
  for (let j = 0; j < next.length; j++) {
    const match = kept[cursor];
    if (match && match[1] === j) {
      flush();
      insertAt = lines[match[0]]!.end;
      cursor++;
    } else {
      pending += render(next[j]);
    }
  }
  flush();
  // An insertion after a last line with no line break needs one.
  return splices.map((s) =>
    s.insert && s.from === content.length && !content.endsWith('\n')
      ? { ...s, insert: eol + s.insert }
      : s,
  );
}

function renderFlowSeq(content: string, seq: YAMLSeq | null, next: unknown[]): string {
  const items = (seq?.items ?? []) as YamlNode[];
  const old = items.map((item) => (item as { toJSON(): unknown }).toJSON());
  const src = seq ? content.slice(rangeOf(seq)[0], rangeOf(seq)[1]) : '[]';
  const inner = /^\[(\s*)/.exec(src)?.[1] ?? '';
  const sep = items.length > 1 ? content.slice(rangeOf(items[0]!)[1], rangeOf(items[1]!)[0]) : ', ';
  const style = scalarStyle(items[0]);
  const used = new Set<number>();
  const parts = next.map((value) => {
    const i = old.findIndex((o, k) => !used.has(k) && sameValue(o, value));
    if (i !== -1) {
      used.add(i);
      const r = rangeOf(items[i]!);
      return content.slice(r[0], r[1]);
    }
    return renderScalar(value, style, true);
  });
  const pad = inner.includes('\n') ? ' ' : inner;
  return next.length ? `[${pad}${parts.join(/\n/.test(sep) ? ', ' : sep)}${pad}]` : '[]';
}

function renderNewSeq(next: unknown[], eol: string, indent: string, style: QuoteStyle): string {
  return next.map((v) => `${eol}${indent}- ${renderScalar(v, style, false)}`).join('');
}

/** The indent the file uses for block list items, so a new list looks like its neighbours. */
function blockSeqIndent(content: string, doc: Document.Parsed): string | null {
  if (!isMap(doc.contents)) return null;
  for (const pair of doc.contents.items) {
    if (isSeq(pair.value) && !pair.value.flow && pair.value.items.length) {
      const start = rangeOf(pair.value.items[0] as YamlNode)[0];
      const line = content.slice(lineStartOf(content, start), start);
      return /^(\s*)-/.exec(line)?.[1] ?? '';
    }
  }
  return null;
}

function keyText(key: string, style: QuoteStyle): string {
  return isSafePlain(key, false) && !key.includes(':') ? key : renderString(key, style, false);
}

function findPair(doc: Document.Parsed, key: string): Pair<YamlNode, YamlNode | null> | undefined {
  if (!isMap(doc.contents)) return undefined;
  return (doc.contents.items as Array<Pair<YamlNode, YamlNode | null>>).find(
    (pair) => isScalar(pair.key) && String(pair.key.value) === key,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** A nested map (the form's inline YAML editor) as an indented block under its key. */
function renderBlockMap(value: Record<string, unknown>, eol: string): string {
  if (!Object.keys(value).length) return ' {}';
  const lines = stringifyYaml(value, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
  return lines.map((line) => `${eol}  ${line}`).join('');
}

function spliceYamlValue(
  content: string,
  doc: Document.Parsed,
  pair: Pair<YamlNode, YamlNode | null>,
  value: unknown,
  eol: string,
  baseStyle?: QuoteStyle,
): Splice[] {
  const keyEnd = rangeOf(pair.key)[1];
  const node = pair.value;
  // `key:` with nothing after it: the value goes after the colon.
  const empty = !node || (isScalar(node) && rangeOf(node)[0] === rangeOf(node)[1]);
  const colon = content.indexOf(':', keyEnd) + 1;
  if (Array.isArray(value)) {
    if (isSeq(node) && !node.flow && node.items.length && value.length) {
      return spliceBlockSeq(content, node, value, eol);
    }
    if (isSeq(node) && node.flow) {
      const r = rangeOf(node);
      return [{ from: r[0], to: r[1], insert: renderFlowSeq(content, node, value) }];
    }
    const indent = blockSeqIndent(content, doc) ?? '  ';
    const insert = value.length ? renderNewSeq(value, eol, indent, dominantStyle(doc)) : ' []';
    if (empty) return [{ from: colon, to: node ? rangeOf(node)[1] : colon, insert }];
    // A block list or a scalar becoming another list: replace from the colon to the value's end.
    const r = rangeOf(node!);
    const to = isSeq(node) ? r[1] - (content.slice(0, r[1]).endsWith(eol) ? eol.length : 0) : r[1];
    return [{ from: colon, to, insert }];
  }
  if (isPlainObject(value)) {
    if (isMap(node) && sameValue(node.toJSON(), value)) return [];
    const insert = renderBlockMap(value, eol);
    if (empty) return [{ from: colon, to: node ? rangeOf(node)[1] : colon, insert }];
    const r = rangeOf(node!);
    const to = content.slice(0, r[1]).endsWith('\n') ? r[1] - eol.length : r[1];
    return [{ from: colon, to, insert }];
  }
  if (empty) {
    const insert = ' ' + renderScalar(value, dominantStyle(doc), false);
    return [{ from: colon, to: node ? rangeOf(node)[1] : colon, insert }];
  }
  const r = rangeOf(node!);
  const oldText = content.slice(r[0], r[1]);
  const oldValue = isScalar(node) ? (node as Scalar).value : undefined;
  if (!isSeq(node) && !isMap(node) && sameValue(oldValue, value)) return [];
  const rawOld = isScalar(node) ? String(oldValue ?? '') : oldText;
  const insert = renderScalar(value, baseStyle ?? scalarStyle(node), false, rawOld);
  if (isSeq(node) || isMap(node) || (isScalar(node) && node.type?.startsWith('BLOCK'))) {
    // A multi-line value replaced by a one-line one: keep it on the key's line.
    const to = r[1] - (content.slice(0, r[1]).endsWith(eol) ? eol.length : 0);
    return [{ from: colon, to, insert: ' ' + insert }];
  }
  return [{ from: r[0], to: r[1], insert }];
}

function deletePair(content: string, pair: Pair<YamlNode, YamlNode | null>): Splice {
  const start = lineStartOf(content, rangeOf(pair.key)[0]);
  const valueEnd = pair.value ? rangeOf(pair.value)[1] : rangeOf(pair.key)[1];
  const endsAtLineStart = valueEnd > 0 && content[valueEnd - 1] === '\n';
  return { from: start, to: endsAtLineStart ? valueEnd : lineEnd(content, valueEnd), insert: '' };
}

function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  for (const s of sorted) out = out.slice(0, s.from) + s.insert + out.slice(s.to);
  return out;
}

/**
 * The quoting each existing field had in `base` (the front matter before the writer's run of
 * form edits began), so the bytes saved do not depend on the path of keystrokes: a value typed
 * through "Released " (which needs quotes) to "Released (edited)" stays plain if it was plain.
 */
function stylesOf(base: string | undefined): ((key: string) => QuoteStyle | undefined) | null {
  const block = base === undefined ? null : findFrontMatter(base);
  if (!block || block.format !== 'yaml') return null;
  const doc = parseYamlDocument(base!.slice(block.contentStart, block.contentEnd));
  if (doc.errors.length) return null;
  return (key) => {
    const node = findPair(doc, key)?.value;
    return isScalar(node) && typeof node.value === 'string' ? scalarStyle(node) : undefined;
  };
}

function updateYaml(
  content: string,
  changes: Record<string, unknown>,
  eol: string,
  base?: string,
): string {
  if (content.length > MAX_FORM_FRONT_MATTER)
    throw new FolioError(
      'FRONT_MATTER',
      'This front matter is too large for the form: edit it in the text',
    );
  const doc = parseYamlDocument(content);
  const baseStyle = stylesOf(base);
  if (doc.errors.length) throw new FolioError('FRONT_MATTER', yamlMessage(doc.errors[0]!.message));
  if (duplicateKey(doc)) throw new FolioError('FRONT_MATTER', 'Map keys must be unique');
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new FolioError('FRONT_MATTER', 'Front matter must be a list of `key: value` fields');
  }
  if (isMap(doc.contents) && doc.contents.flow) {
    throw new FolioError('FRONT_MATTER', 'Folio cannot edit front matter written as one `{…}` map');
  }
  const splices: Splice[] = [];
  let appended = '';
  const style = dominantStyle(doc);
  for (const [key, value] of Object.entries(changes)) {
    const pair = findPair(doc, key);
    if (value === undefined) {
      if (pair) splices.push(deletePair(content, pair));
      continue;
    }
    if (pair) {
      splices.push(...spliceYamlValue(content, doc, pair, value, eol, baseStyle?.(key)));
      continue;
    }
    const rendered = isPlainObject(value)
      ? renderBlockMap(value, eol)
      : Array.isArray(value)
        ? value.length
          ? renderNewSeq(value, eol, blockSeqIndent(content, doc) ?? '  ', style)
          : ' []'
        : ' ' + renderScalar(value, style, false);
    appended += `${keyText(key, style)}:${rendered}${eol}`;
  }
  let out = applySplices(content, splices);
  if (appended) {
    if (out.length && !out.endsWith('\n')) out += eol;
    out += appended;
  }
  return out;
}

/**
 * Sets each key of `changes` (`undefined` deletes it) and returns the whole new file. Only
 * the bytes of the changed fields move. Throws `FolioError('FRONT_MATTER')` and changes
 * nothing when the existing front matter does not parse.
 */
export function updateFrontMatter(
  source: string,
  changes: Record<string, unknown>,
  options: { styleBase?: string } = {},
): string {
  const splice = frontMatterSplice(source, changes, options);
  if (!splice) return source;
  return source.slice(0, splice.from) + splice.insert + source.slice(splice.to);
}

/** The one changed span between two texts. */
export function changedSpan(before: string, after: string): Splice | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { from: start, to: endBefore, insert: after.slice(start, endAfter) };
}

/**
 * What updateFrontMatter changes, as the one span it replaces (null: nothing changes), worked
 * out on the front-matter block alone: a form keystroke costs the size of the block, not of
 * the post. When the post has no block yet, `source` need only hold its first lines.
 */
export function frontMatterSplice(
  source: string,
  changes: Record<string, unknown>,
  options: { styleBase?: string } = {},
): Splice | null {
  const block = findFrontMatter(source);
  if (!block) {
    const start = source.startsWith(BOM) ? 1 : 0;
    const eol = detectEol(source.slice(start));
    const content = updateYaml('', changes, eol);
    if (!content) return null;
    return { from: start, to: start, insert: `---${eol}${content}---${eol}` };
  }
  const content = source.slice(block.contentStart, block.contentEnd);
  const eol = detectEol(source.slice(0, block.end));
  const update = { yaml: updateYaml, toml: updateToml, json: updateJson }[block.format];
  const span = changedSpan(content, update(content, changes, eol, options.styleBase));
  return (
    span && { ...span, from: span.from + block.contentStart, to: span.to + block.contentStart }
  );
}

/** Position helpers for the editor: where to put the cursor for an error line. */
export function offsetOfLine(source: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', at);
    if (next === -1) return source.length;
    at = next + 1;
  }
  return at;
}

export { lineColumnAt };
