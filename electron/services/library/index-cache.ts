/**
 * The library index on disk, so re-opening a blog stats its files instead of reading them.
 *
 * Two files per blog in the app's data folder, named by a hash of the blog's real path,
 * versioned, written atomically (temp file, fsync, rename): the list entries, read on open,
 * and the posts' front matter (JSON), read only when the schema is first asked for (it was
 * 40% of the bytes to parse on the re-open path). A file that is missing, of another
 * version or layout, or not exactly what this module wrote, is a miss: the caller indexes
 * from the files and writes a new one.
 *
 * The list file is laid out for the re-open, the path a user waits on. Version 3 was one
 * JSON array per field; parsing it (and collecting the garbage of copying every title and
 * excerpt into a new string) was most of a re-open's time. Version 4 is binary:
 *
 *   "FOLIOIDX", u32 version, u32 head length, the head (ASCII JSON: root, layout, counts,
 *   the rare front-matter errors), zero bytes to a multiple of 8, then
 *   NUMBERS f64 per post: mtimeMs, size, dateValue (NaN: none), wordCount, flags, tag
 *     count, category count, 0;
 *   ENDS    u32 per string: where it ends in its text, each post's strings in order
 *     (path, title, date, excerpt, tags, categories), each starting where the one
 *     before it in the same text ended;
 *   the Latin-1 text (posts whose strings are all U+0000-U+00FF), one byte a character;
 *   the wide text (the other posts), UTF-16LE.
 *
 * Each text is decoded once into one string, and a post's strings are slices of it: V8
 * makes a slice a small view (no copy), so the re-open allocates a few objects per post
 * rather than a copy of every character. The views keep the whole text alive, which is as
 * big as the strings it holds: that is what the index would hold anyway.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PostError, PostSummary } from '../../../shared/models.ts';
import { writeFileAtomic } from '../content/atomic-write.ts';
import type { BlogLayout } from './detect-blog.ts';
import type { PostEntry } from './post-entry.ts';

/** Bump when an entry's fields or their meaning change (word-count rule, excerpt rule...). */
export const CACHE_VERSION = 4;

export const CACHE_MAGIC = 'FOLIOIDX';

/** Numbers per post in the NUMBERS block. */
const NUMBERS = 8;
const DRAFT = 1;
const HAS_DATE = 2;
const WIDE = 4;

/** The head's JSON: what the file is for, and the sizes of the blocks after it. */
interface Head {
  root: string;
  layout: string;
  count: number;
  strings: number;
  latin1: number;
  wide: number;
  /** Posts whose front matter does not parse: [index, error]. */
  errors: [number, PostError][];
}

/** One post's front matter, valid for that mtime and size. */
type FieldsRow = [
  path: string,
  mtimeMs: number,
  size: number,
  data: Record<string, unknown> | null,
];

export function cacheFileFor(cacheFolder: string, root: string): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return path.join(cacheFolder, `library-${key}.index`);
}

const fieldsFileFor = (cacheFile: string) => cacheFile.replace(/\.index$/, '.fields.json');

/** Where version 3 kept the list (JSON): removed when a new list is written. */
const oldListFileFor = (cacheFile: string) => cacheFile.replace(/\.index$/, '.json');

/**
 * The layout fields that change what an entry holds (draft folders, string-list rule), and
 * the collation locale: entries are saved in list order, which a re-open keeps as it is.
 */
export function layoutKey(layout: BlogLayout): string {
  const locale = new Intl.Collator().resolvedOptions().locale;
  return JSON.stringify([layout.generator, layout.postFolders, layout.draftFolders, locale]);
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

const isPostError = (value: unknown): value is PostError => {
  const e = value as Partial<PostError> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.message === 'string' &&
    typeof e.line === 'number' &&
    typeof e.column === 'number'
  );
};

const align8 = (n: number) => (n + 7) & ~7;

/** The head of a list file, or null when it is not one this version wrote for this blog. */
function readHead(bytes: Buffer, root: string, layout: BlogLayout): (Head & { at: number }) | null {
  if (bytes.length < 16 || bytes.toString('latin1', 0, 8) !== CACHE_MAGIC) return null;
  if (bytes.readUInt32LE(8) !== CACHE_VERSION) return null;
  const headEnd = 16 + bytes.readUInt32LE(12);
  if (headEnd > bytes.length) return null;
  let head: Partial<Head> | null;
  try {
    head = JSON.parse(bytes.toString('latin1', 16, headEnd)) as Partial<Head> | null;
  } catch {
    return null;
  }
  if (
    typeof head !== 'object' ||
    head === null ||
    head.root !== root ||
    head.layout !== layoutKey(layout) ||
    !isCount(head.count) ||
    !isCount(head.strings) ||
    !isCount(head.latin1) ||
    !isCount(head.wide) ||
    !Array.isArray(head.errors) ||
    !head.errors.every(
      (e: unknown) => Array.isArray(e) && e.length === 2 && isCount(e[0]) && isPostError(e[1]),
    )
  ) {
    return null;
  }
  return { ...(head as Head), at: align8(headEnd) };
}

/** The cached entries by path from the list file's bytes, or null on any kind of miss. */
export function parseCache(
  bytes: Buffer,
  root: string,
  layout: BlogLayout,
): Map<string, PostEntry> | null {
  const head = readHead(bytes, root, layout);
  if (!head) return null;
  const { count, strings, at } = head;
  const endsAt = at + count * NUMBERS * 8;
  const latin1At = endsAt + strings * 4;
  const wideAt = latin1At + head.latin1;
  if (wideAt + head.wide * 2 !== bytes.length) return null;
  // Copies (the file's bytes need not be aligned for typed arrays); small next to the text.
  const numbers = new Float64Array(
    bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + endsAt),
  );
  const ends = new Uint32Array(
    bytes.buffer.slice(bytes.byteOffset + endsAt, bytes.byteOffset + latin1At),
  );
  const texts = [
    bytes.toString('latin1', latin1At, wideAt),
    bytes.toString('utf16le', wideAt, bytes.length),
  ] as const;
  const starts = [0, 0];
  let k = 0;
  /** The next string of post `text`'s text, or null past the end. */
  const next = (text: 0 | 1): string | null => {
    const start = starts[text]!;
    const end = ends[k++];
    if (end === undefined || end < start || end > texts[text].length) return null;
    starts[text] = end;
    return texts[text].slice(start, end);
  };
  const errors = new Map(head.errors);
  // Tags and categories repeat from post to post: one string each (slices this short are
  // copies, and these copies would be most of what a re-open leaves for the collector).
  const names = new Map<string, string>();
  const shared = (name: string | null): string => {
    if (name === null) return null!;
    const known = names.get(name);
    if (known !== undefined) return known;
    names.set(name, name);
    return name;
  };
  const entries = new Map<string, PostEntry>();
  for (let i = 0; i < count; i++) {
    const n = i * NUMBERS;
    const mtimeMs = numbers[n]!;
    const size = numbers[n + 1]!;
    const dateValue = numbers[n + 2]!;
    const wordCount = numbers[n + 3]!;
    const flags = numbers[n + 4]!;
    const tagCount = numbers[n + 5]!;
    const categoryCount = numbers[n + 6]!;
    if (
      !Number.isFinite(mtimeMs) ||
      !isCount(size) ||
      !(Number.isFinite(dateValue) || Number.isNaN(dateValue)) ||
      !isCount(wordCount) ||
      !isCount(flags) ||
      flags > 7 ||
      !isCount(tagCount) ||
      !isCount(categoryCount) ||
      k + 4 + tagCount + categoryCount > strings
    ) {
      return null;
    }
    const text = flags & WIDE ? 1 : 0;
    const path = next(text);
    const title = next(text);
    const date = next(text);
    const excerpt = next(text);
    const tags = new Array<string>(tagCount);
    for (let t = 0; t < tagCount; t++) tags[t] = shared(next(text));
    const categories = new Array<string>(categoryCount);
    for (let c = 0; c < categoryCount; c++) categories[c] = shared(next(text));
    if (path === null || title === null || date === null || excerpt === null) return null;
    if (tags.includes(null!) || categories.includes(null!)) return null;
    const summary: PostSummary = {
      path,
      title,
      date: flags & HAS_DATE ? date : null,
      dateValue: Number.isNaN(dateValue) ? null : dateValue,
      draft: (flags & DRAFT) !== 0,
      tags,
      categories,
      wordCount,
      excerpt,
      mtimeMs,
      size,
    };
    const error = errors.get(i);
    if (error) summary.error = error;
    // The front matter stays on disk until the schema needs it (readFields).
    entries.set(path, { summary, data: undefined });
  }
  if (k !== strings || starts[0] !== texts[0].length || starts[1] !== texts[1].length) return null;
  return entries.size === count ? entries : null;
}

/** The cached entries by path, or null on any kind of miss (absent, stale version, corrupt). */
export function readCache(
  file: string,
  root: string,
  layout: BlogLayout,
): Map<string, PostEntry> | null {
  try {
    return parseCache(readFileSync(file), root, layout);
  } catch {
    return null;
  }
}

/** JSON with every character above U+007F escaped, so the text is ASCII. */
export function asciiJson(json: string): string {
  return json.replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Characters that do not fit in Latin-1: the post's strings then go to the wide text. */
const WIDE_CHAR = /[\u0100-\uffff]/;

/** The list file's bytes for `entries` (see the top), built in slices between which `yieldNow` runs. */
async function encodeList(
  root: string,
  layout: BlogLayout,
  entries: PostEntry[],
  yieldNow: () => Promise<void>,
): Promise<Buffer> {
  const count = entries.length;
  const numbers = new Float64Array(count * NUMBERS);
  const ends: number[] = [];
  const texts: [string[], string[]] = [[], []];
  const lengths: [number, number] = [0, 0];
  const errors: [number, PostError][] = [];
  for (let i = 0; i < count; i++) {
    const s = entries[i]!.summary;
    const strings = [s.path, s.title, s.date ?? '', s.excerpt, ...s.tags, ...s.categories];
    const text = strings.some((string) => WIDE_CHAR.test(string)) ? 1 : 0;
    for (const string of strings) {
      texts[text].push(string);
      lengths[text] += string.length;
      ends.push(lengths[text]);
    }
    const n = i * NUMBERS;
    numbers[n] = s.mtimeMs;
    numbers[n + 1] = s.size;
    numbers[n + 2] = s.dateValue ?? NaN;
    numbers[n + 3] = s.wordCount;
    numbers[n + 4] = (s.draft ? DRAFT : 0) | (s.date !== null ? HAS_DATE : 0) | (text ? WIDE : 0);
    numbers[n + 5] = s.tags.length;
    numbers[n + 6] = s.categories.length;
    if (s.error) errors.push([i, s.error]);
    if (i % 1000 === 999) await yieldNow();
  }
  const head: Head = {
    root,
    layout: layoutKey(layout),
    count,
    strings: ends.length,
    latin1: lengths[0],
    wide: lengths[1],
    errors,
  };
  const headBytes = Buffer.from(asciiJson(JSON.stringify(head)), 'latin1');
  const prefix = Buffer.alloc(align8(16 + headBytes.length));
  prefix.write(CACHE_MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(CACHE_VERSION, 8);
  prefix.writeUInt32LE(headBytes.length, 12);
  headBytes.copy(prefix, 16);
  return Buffer.concat([
    prefix,
    Buffer.from(numbers.buffer),
    Buffer.from(Uint32Array.from(ends).buffer),
    Buffer.from(texts[0].join(''), 'latin1'),
    Buffer.from(texts[1].join(''), 'utf16le'),
  ]);
}

/**
 * Front matter from the fields file for the entries that lack it (`data === undefined`)
 * and whose mtime and size match. Returns the paths still missing (the caller re-reads them).
 */
export function readFields(cacheFile: string, entries: Map<string, PostEntry>): string[] {
  let rows: unknown = null;
  try {
    const parsed = JSON.parse(readFileSync(fieldsFileFor(cacheFile), 'utf8')) as {
      version?: unknown;
      entries?: unknown;
    };
    if (parsed.version === CACHE_VERSION) rows = parsed.entries;
  } catch {
    rows = null;
  }
  if (Array.isArray(rows)) {
    for (const row of rows as FieldsRow[]) {
      if (!Array.isArray(row) || row.length !== 4) continue;
      const entry = entries.get(row[0]);
      if (!entry || entry.data !== undefined) continue;
      if (entry.summary.mtimeMs !== row[1] || entry.summary.size !== row[2]) continue;
      const data = row[3];
      if (data === null || (typeof data === 'object' && !Array.isArray(data))) entry.data = data;
    }
  }
  const missing: string[] = [];
  for (const [rel, entry] of entries) if (entry.data === undefined) missing.push(rel);
  return missing;
}

/**
 * Writes the entries, atomically. JSON is built in chunks between which the event loop
 * runs (`yieldNow`), so a 10,000-post cache never blocks the main process for long.
 * Entries whose front matter was never loaded keep the fields file's rows for them.
 */
export async function writeCache(
  file: string,
  root: string,
  layout: BlogLayout,
  entries: PostEntry[],
  yieldNow: () => Promise<void> = async () => undefined,
): Promise<void> {
  if (entries.some((e) => e.data === undefined))
    readFields(file, new Map(entries.map((e) => [e.summary.path, e])));
  const fields: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const { summary, data } = entries[i]!;
    if (data !== undefined)
      fields.push(JSON.stringify([summary.path, summary.mtimeMs, summary.size, data]));
    if (i % 500 === 499) await yieldNow();
  }
  const list = await encodeList(root, layout, entries, yieldNow);
  // Not recursive: when the data folder itself is gone (the app is quitting, a test cleaned
  // up), there is nothing to cache into.
  await mkdir(path.dirname(file)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await writeFileAtomic(
    fieldsFileFor(file),
    `{"version":${CACHE_VERSION},"entries":[${fields.join(',')}]}`,
  );
  await writeFileAtomic(file, list);
  await rm(oldListFileFor(file), { force: true });
}
