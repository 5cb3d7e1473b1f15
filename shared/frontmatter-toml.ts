/**
 * Byte-minimal edits of Hugo's TOML front matter (`+++` blocks). smol-toml parses and
 * validates; it keeps no source positions, so a small scanner finds where each top-level
 * value starts and ends (strings, nested brackets and comments understood), and an edit is
 * a splice of that value's text. Tables (`[params]`) are left alone.
 */
import { parse as parseToml, TomlDate } from 'smol-toml';
import { formatDateLike } from './dates.ts';
import { FolioError } from './errors.ts';

interface TomlEntry {
  key: string;
  /** Start of the key's line. */
  lineStart: number;
  valueStart: number;
  /** End of the value itself (before a trailing comment or blanks). */
  valueEnd: number;
  /** End of the value's last line, its line break included. */
  lineEnd: number;
}

interface TomlLayout {
  entries: TomlEntry[];
  /** Where a new top-level key goes: before the first table header, else at the end. */
  insertAt: number;
}

const KEY_LINE = /^[ \t]*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)[ \t]*=[ \t]*/;

function unquoteKey(key: string): string {
  if (key.startsWith('"')) return JSON.parse(key) as string;
  if (key.startsWith("'")) return key.slice(1, -1);
  return key;
}

/** Scans one value from `at`; returns where it ends and where its last line ends. */
function scanValue(text: string, at: number): { valueEnd: number; lineEnd: number } {
  let depth = 0;
  let i = at;
  let valueEnd = at;
  while (i < text.length) {
    const c = text[i]!;
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      const quote = text.slice(i, i + 3);
      let j = i + 3;
      while (
        j < text.length &&
        !(text.startsWith(quote, j) && (quote === "'''" || text[j - 1] !== '\\'))
      )
        j++;
      // A multi-line string may end with up to two extra quotes.
      j += 3;
      while (text[j] === quote[0]) j++;
      i = valueEnd = j;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n')
        j += c === '"' && text[j] === '\\' ? 2 : 1;
      i = valueEnd = j + 1;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      if (depth === 0) return { valueEnd, lineEnd: i + 1 };
      i++;
      continue;
    }
    if (c === '[' || c === '{') depth++;
    if (c === ']' || c === '}') depth--;
    if (c !== ' ' && c !== '\t' && c !== '\r') valueEnd = i + 1;
    i++;
  }
  return { valueEnd, lineEnd: text.length };
}

function scanToml(text: string): TomlLayout {
  const entries: TomlEntry[] = [];
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl === -1 ? text.length : nl + 1;
    const line = text.slice(at, lineEnd);
    if (/^[ \t]*\[/.test(line)) return { entries, insertAt: entries.at(-1)?.lineEnd ?? at };
    const m = KEY_LINE.exec(line);
    if (m) {
      const valueStart = at + m[0].length;
      const scanned = scanValue(text, valueStart);
      entries.push({ key: unquoteKey(m[1]!), lineStart: at, valueStart, ...scanned });
      at = scanned.lineEnd;
    } else {
      at = lineEnd;
    }
  }
  return { entries, insertAt: text.length };
}

function basicString(value: string): string {
  // JSON escapes are TOML basic-string escapes, but TOML also forbids a raw DEL.
  return JSON.stringify(value).replace(/\u007f/g, '\\u007F');
}

function isBareDate(text: string): boolean {
  try {
    return parseToml(`x = ${text}`).x instanceof TomlDate;
  } catch {
    return false;
  }
}

function renderScalar(value: unknown, oldText: string): string {
  if (typeof value === 'string') {
    if (isBareDate(oldText) && isBareDate(value)) return value;
    if (oldText.startsWith("'") && !oldText.startsWith("'''") && !/['\r\n]/.test(value))
      return `'${value}'`;
    return basicString(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  if (value instanceof Date) {
    const text = formatDateLike(oldText.replace(/^["']|["']$/g, ''), value);
    return isBareDate(oldText) ? text : basicString(text);
  }
  if (Array.isArray(value)) return `[${value.map((v) => renderScalar(v, '')).join(', ')}]`;
  if (value === null)
    throw new FolioError('FRONT_MATTER', 'TOML has no null: remove the key instead');
  return `{ ${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${KEY_LINE.test(`${k} =`) ? k : basicString(k)} = ${renderScalar(v, '')}`)
    .join(', ')} }`;
}

/**
 * For each item of the new value, the index of an equal old item (each used once), so that
 * an item that stays keeps its own text.
 */
function matchOldItems(oldText: string, value: unknown[]): Array<number | undefined> {
  let oldValues: unknown[] = [];
  try {
    oldValues = (parseToml(`x = ${oldText}`).x as unknown[]) ?? [];
  } catch {
    oldValues = [];
  }
  const used = new Set<number>();
  return value.map((v) => {
    const i = oldValues.findIndex(
      (o, k) => !used.has(k) && JSON.stringify(o) === JSON.stringify(v),
    );
    if (i === -1) return undefined;
    used.add(i);
    return i;
  });
}

/** Keeps unchanged items' own text and the array's spacing, one line or many. */
function renderArray(oldText: string, value: unknown[], eol: string): string {
  const matches = matchOldItems(oldText, value);
  if (oldText.includes('\n')) {
    const list = listLines(oldText);
    if (list) return renderListLines(list, matches, value, eol);
  }
  const inner = oldText.trim().startsWith('[') ? oldText.trim().slice(1, -1) : '';
  const oldItems = inner.trim() ? splitItems(inner) : [];
  const parts = value.map((v, n) => {
    const i = matches[n];
    return i !== undefined && oldItems[i] !== undefined
      ? oldItems[i]!
      : renderScalar(v, oldItems[0] ?? '');
  });
  if (!oldText.includes('\n')) {
    const pad = /^\[( *)/.exec(oldText.trim())?.[1] ?? '';
    return parts.length ? `[${pad}${parts.join(', ')}${pad}]` : '[]';
  }
  const indent = /\n([ \t]*)\S/.exec(oldText)?.[1] ?? '  ';
  const trailing = /,\s*\]$/.test(oldText.trim());
  return `[${eol}${parts.map((p, i) => `${indent}${p}${i < parts.length - 1 || trailing ? ',' : ''}`).join(eol)}${eol}]`;
}

/** One item's line in a list written an item a line. */
interface ListLine {
  /** Comment and blank lines just above it. */
  above: string[];
  indent: string;
  item: string;
  comma: boolean;
  /** What follows the item and its comma on its line: spaces and a comment. */
  after: string;
}

interface ListLayout {
  /** After `[` on its line: nothing, or a comment. */
  open: string;
  lines: ListLine[];
  /** Comment and blank lines under the last item. */
  below: string[];
  /** Before `]` on its line. */
  close: string;
  trailingComma: boolean;
}

/** Where a row's comment starts (its length if none) and its bracket depth at the end. */
function scanRow(row: string): { comment: number; depth: number } {
  let depth = 0;
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < row.length && row[j] !== c) j += c === '"' && row[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '#') return { comment: i, depth };
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return { comment: row.length, depth };
}

/**
 * A list written one item a line, read line by line so that its comments stay when an item is
 * added or removed; null for any other shape (two items on a line, an item over lines), which
 * is written afresh.
 */
function listLines(oldText: string): ListLayout | null {
  if (/"""|'''/.test(oldText)) return null;
  const rows = oldText.split('\n').map((row) => row.replace(/\r$/, ''));
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const open = first.slice(1);
  const close = last.slice(0, last.lastIndexOf(']'));
  if (!first.startsWith('[') || open.slice(0, scanRow(open).comment).trim()) return null;
  if (close.trim() || last.slice(last.lastIndexOf(']') + 1).trim()) return null;
  const lines: ListLine[] = [];
  let above: string[] = [];
  for (const row of rows.slice(1, -1)) {
    const { comment, depth } = scanRow(row);
    const code = row.slice(0, comment).trimEnd();
    if (!code.trim()) {
      above.push(row);
      continue;
    }
    const items = splitItems(code);
    if (items.length !== 1 || depth !== 0) return null;
    lines.push({
      above,
      indent: /^[ \t]*/.exec(row)![0],
      item: items[0]!,
      comma: code.endsWith(','),
      after: row.slice(code.length),
    });
    above = [];
  }
  const trailingComma = lines.at(-1)?.comma ?? false;
  return { open, lines, below: above, close, trailingComma };
}

/**
 * The list with the new value's items in order: a staying item keeps its whole line and the
 * comment lines above it; a removed item goes with its line, and the comment lines above it
 * move down to the next line that stays (or to the bottom); a new item takes the first item's
 * indent.
 */
function renderListLines(
  list: ListLayout,
  matches: Array<number | undefined>,
  value: unknown[],
  eol: string,
): string {
  const staying = new Set(matches.filter((i) => i !== undefined));
  const above = new Map<number, string[]>();
  let carried: string[] = [];
  list.lines.forEach((line, i) => {
    carried = [...carried, ...line.above];
    if (!staying.has(i)) return;
    above.set(i, carried);
    carried = [];
  });
  const below = [...carried, ...list.below];
  const indent = list.lines[0]?.indent ?? '  ';
  const rows: string[] = [];
  value.forEach((v, n) => {
    const i = matches[n];
    const line = i === undefined ? undefined : list.lines[i];
    const comma = n < value.length - 1 || list.trailingComma ? ',' : '';
    if (i !== undefined && line) {
      rows.push(...above.get(i)!, `${line.indent}${line.item}${comma}${line.after}`);
    } else {
      rows.push(`${indent}${renderScalar(v, list.lines[0]?.item ?? '')}${comma}`);
    }
  });
  rows.push(...below);
  if (!rows.length && !list.open.trim()) return '[]';
  return `[${list.open}${eol}${rows.map((row) => row + eol).join('')}${list.close}]`;
}

/** Top-level items of an array's inner text, each trimmed, comments dropped. */
function splitItems(inner: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < inner.length && inner[j] !== c) j += c === '"' && inner[j] === '\\' ? 2 : 1;
      current += inner.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '#') {
      while (i < inner.length && inner[i] !== '\n') i++;
      continue;
    }
    if (c === '[' || c === '{') depth++;
    if (c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

export function tomlError(content: string): Error | null {
  try {
    parseToml(content);
    return null;
  } catch (error) {
    return error as Error;
  }
}

/** Top-level dates read as the text written in the file, like YAML's (see shared/dates.ts). */
export function parseTomlData(content: string): Record<string, unknown> {
  const data = parseToml(content) as Record<string, unknown>;
  for (const entry of scanToml(content).entries) {
    if (data[entry.key] instanceof TomlDate)
      data[entry.key] = content.slice(entry.valueStart, entry.valueEnd);
  }
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}

export function updateToml(content: string, changes: Record<string, unknown>, eol: string): string {
  const error = tomlError(content);
  if (error) throw new FolioError('FRONT_MATTER', error.message.split('\n')[0] ?? error.message);
  const layout = scanToml(content);
  const splices: Array<{ from: number; to: number; insert: string }> = [];
  let appended = '';
  for (const [key, value] of Object.entries(changes)) {
    const entry = layout.entries.find((e) => e.key === key);
    if (value === undefined) {
      if (entry) splices.push({ from: entry.lineStart, to: entry.lineEnd, insert: '' });
      continue;
    }
    if (entry) {
      const oldText = content.slice(entry.valueStart, entry.valueEnd);
      const insert = Array.isArray(value)
        ? renderArray(oldText, value, eol)
        : renderScalar(value, oldText);
      if (insert !== oldText) splices.push({ from: entry.valueStart, to: entry.valueEnd, insert });
      continue;
    }
    const name = /^[A-Za-z0-9_-]+$/.test(key) ? key : basicString(key);
    appended += `${name} = ${Array.isArray(value) ? renderArray('[]', value, eol) : renderScalar(value, '')}${eol}`;
  }
  if (appended) {
    const at = layout.insertAt;
    const needsBreak = at > 0 && content[at - 1] !== '\n';
    splices.push({ from: at, to: at, insert: (needsBreak ? eol : '') + appended });
  }
  let out = content;
  for (const s of splices.sort((a, b) => b.from - a.from))
    out = out.slice(0, s.from) + s.insert + out.slice(s.to);
  return out;
}
