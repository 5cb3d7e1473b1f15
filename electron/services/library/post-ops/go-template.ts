/**
 * The part of Go's text/template that Hugo archetypes use, so `New…` writes what `hugo new`
 * would: fields (`.Name`, `.File.ContentBaseName`, `.Date`, `.Section`, `.Type`,
 * `.Site.Params.x`, `.Site.Title`), string and raw-string literals, pipes, parentheses, and
 * the functions archetypes call (`replace`, `title`, `humanize`, `strings.FirstUpper`,
 * `now.Format`, `default`, …). Written by hand: no JavaScript library implements Go
 * templates with Hugo's functions, and running Hugo is not an option for creating a file.
 *
 * Anything else (`if`, `range`, variables, unknown functions) is not evaluated: the action is
 * kept as it was written and named in `unsupported`, so the caller can say so.
 */

export interface ArchetypeContext {
  /** The new content's file name without extension (the bundle's folder name for a bundle). */
  name: string;
  date: Date;
  section: string;
  /** The title typed in the dialog, for `.Title` (Hugo leaves it to the archetype). */
  title?: string;
  /** The site's `title` and `params` from its config. */
  site: { title?: string; params: Record<string, unknown> };
}

export interface RenderedTemplate {
  text: string;
  /** Actions left as written, in order of appearance. */
  unsupported: string[];
}

/** Where an action stands, so its value can be written to read back as itself. */
export type ActionPlace = 'double-quoted' | 'single-quoted' | 'bare' | 'text';

type Value = string | number | boolean | Date | Record<string, unknown> | null | undefined;

class Unsupported extends Error {}

const ACTION = /\{\{(-?)([\s\S]*?)(-?)\}\}/g;

/** Hugo's default `.Date` (and `now`) text: RFC 3339 with the local offset. */
export function rfc3339Local(date: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone =
    offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`
  );
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Go's layout by example (the reference time Mon Jan 2 15:04:05 MST 2006), local time. */
export function goFormat(date: Date, layout: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const offset = -date.getTimezoneOffset();
  const zone = (colon: boolean) =>
    `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(Math.abs(offset) / 60))}${colon ? ':' : ''}${pad(Math.abs(offset) % 60)}`;
  const hour12 = date.getHours() % 12 || 12;
  const tokens: Array<[string, () => string]> = [
    ['2006', () => String(date.getFullYear())],
    ['January', () => MONTHS[date.getMonth()]!],
    ['Monday', () => DAYS[date.getDay()]!],
    ['Z07:00', () => (offset === 0 ? 'Z' : zone(true))],
    ['-07:00', () => zone(true)],
    ['-0700', () => zone(false)],
    ['Jan', () => MONTHS[date.getMonth()]!.slice(0, 3)],
    ['Mon', () => DAYS[date.getDay()]!.slice(0, 3)],
    ['MST', () => (offset === 0 ? 'UTC' : zone(false))],
    ['.000', () => `.${pad(date.getMilliseconds(), 3)}`],
    ['01', () => pad(date.getMonth() + 1)],
    ['02', () => pad(date.getDate())],
    ['15', () => pad(date.getHours())],
    ['03', () => pad(hour12)],
    ['04', () => pad(date.getMinutes())],
    ['05', () => pad(date.getSeconds())],
    ['06', () => pad(date.getFullYear() % 100)],
    ['PM', () => (date.getHours() < 12 ? 'AM' : 'PM')],
    ['1', () => String(date.getMonth() + 1)],
    ['2', () => String(date.getDate())],
    ['3', () => String(hour12)],
  ];
  let out = '';
  for (let i = 0; i < layout.length;) {
    const token = tokens.find(([t]) => layout.startsWith(t, i));
    if (token) {
      out += token[1]();
      i += token[0].length;
    } else out += layout[i++];
  }
  return out;
}

const text = (value: Value): string =>
  value === null || value === undefined
    ? ''
    : value instanceof Date
      ? rfc3339Local(value)
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const asDate = (value: Value): Date => {
  if (value instanceof Date) return value;
  const parsed = new Date(text(value));
  if (Number.isNaN(parsed.getTime())) throw new Unsupported();
  return parsed;
};

const FUNCTIONS: Record<string, (...args: Value[]) => Value> = {
  replace: (input, old, replacement) => text(input).split(text(old)).join(text(replacement)),
  'strings.Replace': (input, old, replacement) =>
    text(input).split(text(old)).join(text(replacement)),
  title: (s) =>
    text(s).replace(/(^|[\s-])(\p{L})/gu, (_, gap: string, c: string) => gap + c.toUpperCase()),
  'strings.Title': (s) => FUNCTIONS.title!(s),
  humanize: (s) => upperFirst(text(s).replace(/[-_]+/g, ' ').trim()),
  'inflect.Humanize': (s) => FUNCTIONS.humanize!(s),
  'strings.FirstUpper': (s) => upperFirst(text(s)),
  upper: (s) => text(s).toUpperCase(),
  'strings.ToUpper': (s) => text(s).toUpperCase(),
  lower: (s) => text(s).toLowerCase(),
  'strings.ToLower': (s) => text(s).toLowerCase(),
  trim: (s, cut) => {
    const chars = [...text(cut)];
    let out = text(s);
    while (out && chars.includes(out[0]!)) out = out.slice(1);
    while (out && chars.includes(out[out.length - 1]!)) out = out.slice(0, -1);
    return out;
  },
  urlize: (s) => text(s).toLowerCase().trim().replace(/\s+/g, '-'),
  default: (fallback, value) =>
    value === undefined || value === null || value === '' || value === false ? fallback : value,
  now: () => new Date(),
  'now.Format': (layout) => goFormat(new Date(), text(layout)),
  'time.Format': (layout, date) => goFormat(asDate(date), text(layout)),
  dateFormat: (layout, date) => goFormat(asDate(date), text(layout)),
  print: (...args) => args.map(text).join(''),
};

type Token = { kind: 'string' | 'number' | 'field' | 'name' | '(' | ')' | '|'; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s+|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(-?\d+(?:\.\d+)?)|(\.[\w.]*)|([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)|([()|])/y;
  let at = 0;
  while (at < source.length) {
    re.lastIndex = at;
    const m = re.exec(source);
    if (!m) throw new Unsupported();
    at = re.lastIndex;
    if (m[1] !== undefined)
      tokens.push({ kind: 'string', value: JSON.parse(`"${m[1]}"`) as string });
    else if (m[2] !== undefined) tokens.push({ kind: 'string', value: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'number', value: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'field', value: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: 'name', value: m[5] });
    else if (m[6] !== undefined) tokens.push({ kind: m[6] as '(' | ')' | '|', value: m[6] });
  }
  return tokens;
}

function field(path: string, context: ArchetypeContext): Value {
  const parts = path.split('.').filter(Boolean);
  const key = parts.join('.');
  switch (key) {
    case 'Name':
    case 'File.ContentBaseName':
    case 'File.BaseFileName':
    case 'File.TranslationBaseName':
      return context.name;
    case 'Date':
    case 'PublishDate':
    case 'Lastmod':
      return context.date;
    case 'Section':
    case 'Type':
      return context.section;
    case 'Site.Title':
      return context.site.title ?? '';
    case 'Title':
      if (context.title === undefined) throw new Unsupported();
      return context.title;
    case 'Draft':
      return true;
  }
  if (parts[0] === 'Site' && parts[1] === 'Params' && parts.length > 2) {
    let value: unknown = context.site.params;
    for (const part of parts.slice(2)) {
      const record = value as Record<string, unknown> | null | undefined;
      value = record?.[part] ?? record?.[part.toLowerCase()];
    }
    return value as Value;
  }
  throw new Unsupported();
}

/** Evaluates a pipeline: commands separated by `|`, each value passed as the next's last argument. */
function evaluate(tokens: Token[], context: ArchetypeContext): Value {
  let at = 0;
  const operand = (): Value => {
    const token = tokens[at++];
    if (!token) throw new Unsupported();
    if (token.kind === 'string') return token.value;
    if (token.kind === 'number') return Number(token.value);
    if (token.kind === 'field') return field(token.value, context);
    if (token.kind === '(') {
      const value = pipeline();
      if (tokens[at++]?.kind !== ')') throw new Unsupported();
      return value;
    }
    if (token.kind === 'name') {
      const fn = FUNCTIONS[token.value];
      if (!fn) throw new Unsupported();
      return fn();
    }
    throw new Unsupported();
  };
  const command = (piped: Value[]): Value => {
    const head = tokens[at];
    if (head?.kind === 'name') {
      const fn = FUNCTIONS[head.value];
      if (!fn) throw new Unsupported();
      at++;
      const args: Value[] = [];
      while (at < tokens.length && tokens[at]!.kind !== '|' && tokens[at]!.kind !== ')')
        args.push(operand());
      return fn(...args, ...piped);
    }
    if (piped.length) throw new Unsupported();
    return operand();
  };
  const pipeline = (): Value => {
    let value = command([]);
    while (tokens[at]?.kind === '|') {
      at++;
      value = command([value]);
    }
    return value;
  };
  const value = pipeline();
  if (at !== tokens.length) throw new Unsupported();
  return value;
}

/**
 * Renders `source`; each value goes through `write(value, place)` so it is escaped for where
 * it stands (the caller knows the front matter's format).
 */
export function renderArchetype(
  source: string,
  context: ArchetypeContext,
  write: (value: string, place: ActionPlace, at: number) => string,
  keep: (action: string, place: ActionPlace, at: number) => string = (action) => action,
): RenderedTemplate {
  const unsupported: string[] = [];
  let out = '';
  let last = 0;
  for (const match of source.matchAll(ACTION)) {
    const [action, trimLeft, inner, trimRight] = match;
    const start = match.index;
    let before = source.slice(last, start);
    if (trimLeft) before = before.replace(/\s+$/, '');
    out += before;
    last = start + action.length;
    if (trimRight) {
      const rest = /^\s*/.exec(source.slice(last))![0];
      last += rest.length;
    }
    const body = inner!.trim();
    if (/^\/\*[\s\S]*\*\/$/.test(body)) continue; // a comment
    const place = placeOf(source, start, start + action.length);
    try {
      out += write(text(evaluate(tokenize(body), context)), place, start);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      unsupported.push(action);
      out += keep(action, place, start);
    }
  }
  out += source.slice(last);
  return { text: out, unsupported };
}

function placeOf(source: string, start: number, end: number): ActionPlace {
  const before = source[start - 1];
  const after = source[end];
  if (before === '"' && after === '"') return 'double-quoted';
  if (before === "'" && after === "'") return 'single-quoted';
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = source.indexOf('\n', end);
  const head = source.slice(lineStart, start);
  const tail = source.slice(end, lineEnd === -1 ? source.length : lineEnd);
  // The whole value of a `key:` (YAML) or `key =` (TOML) line.
  return /^\s*[\w.-]+\s*[:=]\s*$/.test(head) && /^\s*(#.*)?$/.test(tail) ? 'bare' : 'text';
}
