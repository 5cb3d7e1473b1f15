/**
 * A reader for the shape nearly every blog's YAML front matter has, written for bulk
 * indexing: top-level `key: scalar`, one-line flow lists `[a, "b"]`, block lists of
 * scalars, comments and blank lines. It answers exactly what the `yaml` package (YAML 1.2
 * core schema, as shared/frontmatter.ts reads it) answers for that shape, about ten times
 * faster than js-yaml, and returns null for anything else (nested maps, block scalars,
 * anchors, tags, escapes other than `\\` and `\"`, tabs, duplicate keys...), which the
 * caller then hands to a full parser. Being wrong is worse than declining: when in doubt,
 * it declines. tests/unit/index-flat-yaml.test.ts holds it to `yaml` on generated input.
 */

/** Characters a plain scalar may not start with here (YAML indicators, quotes handled apart). */
const BLOCKED = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>%@`\'"') BLOCKED[c.charCodeAt(0)] = 1;
const blockedStart = (text: string): boolean => BLOCKED[text.charCodeAt(0)] === 1;

/** Key characters: the first is a letter or `_`, the rest also digits and `-`. */
function keyEnd(line: string): number {
  const first = line.charCodeAt(0);
  if (!((first | 0x20) >= 0x61 && (first | 0x20) <= 0x7a) && first !== 0x5f) return -1;
  let i = 1;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
    if (!letter && !(c >= 0x30 && c <= 0x39) && c !== 0x5f && c !== 0x2d) break;
  }
  return i;
}
/** Control characters and line separators other than `\n`; tabs too (indentation rules). */
// eslint-disable-next-line no-control-regex
const AWKWARD = /[\u0000-\u0009\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/;

const INT = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function resolvePlain(text: string): unknown {
  if (text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  const first = text.charCodeAt(0);
  // Every number form starts with a digit, a sign or a dot.
  if (!((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e))
    return text;
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

/** True when what follows a value on its line is nothing, or a comment after a blank. */
function onlyCommentAfter(rest: string): boolean {
  if (rest.trim() === '') return true;
  return /^[ ]+#/.test(rest);
}

const DECLINE = Symbol('decline');
type Scalar = unknown;

/** A double-quoted scalar starting at `text[0]`, with only `\\` and `\"` escapes. */
function doubleQuoted(text: string): { value: string; end: number } | typeof DECLINE {
  let out = '';
  let from = 1;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return { value: out + text.slice(from, i), end: i + 1 };
    if (c === '\\') {
      const next = text[i + 1];
      if (next !== '\\' && next !== '"') return DECLINE;
      out += text.slice(from, i) + next;
      i++;
      from = i + 1;
    }
  }
  return DECLINE; // not closed on this line: a multi-line string
}

/** A single-quoted scalar starting at `text[0]`; `''` is a quote. */
function singleQuoted(text: string): { value: string; end: number } | typeof DECLINE {
  let out = '';
  let from = 1;
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== "'") continue;
    if (text[i + 1] === "'") {
      out += text.slice(from, i) + "'";
      i++;
      from = i + 1;
      continue;
    }
    return { value: out + text.slice(from, i), end: i + 1 };
  }
  return DECLINE;
}

/** A plain scalar in block context: `rest` is trimmed at its start and ends at the line end. */
function plainBlock(rest: string): Scalar | typeof DECLINE {
  if (blockedStart(rest)) return DECLINE;
  const comment = rest.indexOf(' #');
  const text = (comment === -1 ? rest : rest.slice(0, comment)).trimEnd();
  if (text.includes(': ') || text.endsWith(':')) return DECLINE;
  return resolvePlain(text);
}

/** A scalar value (plain, or quoted and followed by nothing but a comment). */
function scalar(rest: string): Scalar | typeof DECLINE {
  const first = rest[0];
  if (first === '"' || first === "'") {
    const quoted = first === '"' ? doubleQuoted(rest) : singleQuoted(rest);
    if (quoted === DECLINE || !onlyCommentAfter(rest.slice(quoted.end))) return DECLINE;
    return quoted.value;
  }
  return plainBlock(rest);
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 0x20) i++;
  return i;
}

/** A one-line flow sequence of scalars: `[a, "b c", 'd']`. */
function flowSequence(rest: string): unknown[] | typeof DECLINE {
  const items: unknown[] = [];
  let i = skipSpaces(rest, 1);
  if (rest[i] === ']') return onlyCommentAfter(rest.slice(i + 1)) ? items : DECLINE;
  for (;;) {
    i = skipSpaces(rest, i);
    const c = rest[i];
    if (c === undefined) return DECLINE;
    if (c === '"' || c === "'") {
      const quoted = c === '"' ? doubleQuoted(rest.slice(i)) : singleQuoted(rest.slice(i));
      if (quoted === DECLINE) return DECLINE;
      items.push(quoted.value);
      i += quoted.end;
    } else {
      if (blockedStart(c)) return DECLINE;
      let end = i;
      while (end < rest.length && rest[end] !== ',' && rest[end] !== ']') end++;
      const text = rest.slice(i, end).trimEnd();
      if (/[[\]{}#:]/.test(text)) return DECLINE;
      items.push(resolvePlain(text));
      i = end;
    }
    i = skipSpaces(rest, i);
    if (rest[i] === ',') {
      i = skipSpaces(rest, i + 1);
      if (rest[i] === ']') return DECLINE; // a trailing comma: leave it to the full parser
      continue;
    }
    if (rest[i] === ']') return onlyCommentAfter(rest.slice(i + 1)) ? items : DECLINE;
    return DECLINE;
  }
}

/**
 * The front matter's fields, or null when the block is not in the flat shape this reader
 * knows (the caller then uses a full YAML parser). `content` is the text between the fences.
 */
export function parseFlatYaml(content: string): Record<string, unknown> | null {
  const text = content.includes('\r') ? content.replace(/\r\n/g, '\n') : content;
  if (AWKWARD.test(text)) return null;
  const data: Record<string, unknown> = {};
  /** The key whose value is empty so far: block-list items may follow it. */
  let openKey: string | null = null;
  let list: unknown[] | null = null;
  let itemIndent = -1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    let indent = 0;
    while (line.charCodeAt(indent) === 0x20) indent++;
    if (indent === line.length || line.charCodeAt(indent) === 0x23) continue; // blank, comment
    if (indent > 0 || line.charCodeAt(0) === 0x2d) {
      // A block-list item: `- value`, every item of a list at the same indentation.
      if (openKey === null || line.charCodeAt(indent) !== 0x2d) return null;
      if (line.charCodeAt(indent + 1) !== 0x20) return null;
      if (itemIndent === -1) itemIndent = indent;
      else if (indent !== itemIndent) return null;
      const rest = line.slice(indent + 2).trim();
      if (rest === '' || rest[0] === '[') return null;
      const value = scalar(rest);
      if (value === DECLINE) return null;
      if (!list) {
        list = [];
        data[openKey] = list;
      }
      list.push(value);
      continue;
    }
    const colon = keyEnd(line);
    if (colon === -1 || colon > 200 || line.charCodeAt(colon) !== 0x3a) return null;
    // `key:value` is a plain scalar, not a pair.
    if (colon + 1 < line.length && line.charCodeAt(colon + 1) !== 0x20) return null;
    const key = line.slice(0, colon);
    if (key === '__proto__' || Object.hasOwn(data, key)) return null;
    openKey = null;
    list = null;
    itemIndent = -1;
    const rest = line.slice(colon + 1).trim();
    if (rest === '' || rest[0] === '#') {
      data[key] = null;
      openKey = key;
      continue;
    }
    const value = rest[0] === '[' ? flowSequence(rest) : scalar(rest);
    if (value === DECLINE) return null;
    data[key] = value;
  }
  return data;
}
