/**
 * Length: one binary format, its writer and its checking reader side by side, so they cannot drift.
 *
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
 * excerpt into a new string) was most of a re-open's time. Version 4 made it binary;
 * version 5 added the walk (walk-record.ts), so a re-open can skip reading the folders;
 * version 6 stores each tag and category name once, posts referring to it by number, and
 * a checksum (a damaged file list would otherwise silently drop posts from a trusted open);
 * version 20 left the excerpts out (they are read when asked, post-entry.ts's readExcerpt):
 *
 *   "FOLIOIDX", u32 version, u32 head length, u32 CRC-32 of every byte after these 20, the
 *   head (ASCII JSON: root, layout, counts, the walk record, the rare front-matter errors),
 *   zero bytes to a multiple of 8, then
 *   NUMBERS    f64 per post: mtimeMs, size, dateValue (NaN: none), wordCount, flags, tag
 *     count, category count, the post's file (its index in the files);
 *   FILE ENDS  u32 per file: where its path ends in the files text;
 *   NAME ENDS  u32 per tag or category name: where it ends in the names text;
 *   NAME REFS  u32 per post's tag, then category: its index in the names;
 *   ENDS       u32 per post's title, date and URL: where it ends in its text, each
 *     starting where the one before it in the same text ended;
 *   the files text: every Markdown file of the walk, in walk order;
 *   the names text;
 *   the Latin-1 text (posts whose strings are all U+0000-U+00FF), one byte a character;
 *   the wide text (the other posts), UTF-16LE.
 * (The files and names texts are Latin-1, or UTF-16LE when one of their strings needs it.)
 *
 * Each text is decoded once into one string, and a post's strings are slices of it: V8
 * makes a slice a small view (no copy), so the re-open allocates a few objects per post
 * rather than a copy of every character. The views keep the whole text alive, which is as
 * big as the strings it holds: that is what the index would hold anyway. A post's path is
 * the very string of the file list, so looking it up by the listed file is a pointer
 * comparison, not a comparison of characters; its tags are the names' strings, shared.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { PostError, PostSummary } from '../../../shared/models.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { BlogLayout } from '../generators/detect-blog.ts';
import {
  applySiteFields,
  frontMatterJson,
  siteFieldsOf,
  type PostEntry,
  type SiteFields,
} from './post-entry.ts';
import { isWalkRecord, type WalkRecord } from './walk-record.ts';

/** Bump when an entry's fields or their meaning change (word-count rule, URL rule...). */
export const CACHE_VERSION = 20;

export const CACHE_MAGIC = 'FOLIOIDX';

/** Magic, version, head length, checksum. */
const PREFIX = 20;

/** Numbers per post in the NUMBERS block. */
const NUMBERS = 8;
/** Strings per post in the Latin-1 or wide text: title, date, URL. */
const STRINGS = 3;
const DRAFT = 1;
const HAS_DATE = 2;
const WIDE = 4;
const HAS_URL = 8;

/** A list of strings stored as their ends and one text. */
interface TextList {
  count: number;
  /** The text's length in characters. */
  chars: number;
  /** UTF-16LE, else Latin-1. */
  wide: boolean;
}

/** The head's JSON: what the file is for, and the sizes of the blocks after it. */
interface Head {
  root: string;
  layout: string;
  count: number;
  files: TextList;
  names: TextList;
  /** Name references: every post's tag and category counts added up. */
  refs: number;
  latin1: number;
  wide: number;
  walk: WalkRecord | null;
  /** Posts whose front matter does not parse: [index, error]. */
  errors: [number, PostError][];
  /** Posts with the generator's own fields (URL, section page, schedule): [index, fields]. */
  extras: [number, SiteFields][];
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
  return JSON.stringify([
    layout.generator,
    layout.postFolders,
    layout.draftFolders,
    layout.fileNameDates === true,
    layout.urlConfig ?? null,
    layout.collections ?? null,
    layout.pageFolders ?? null,
    layout.skipRender ?? null,
    layout.pagesNeedFrontMatter === true,
    layout.templateFolders ?? null,
    locale,
  ]);
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

const isTextList = (value: unknown): value is TextList => {
  const list = value as Partial<TextList> | null;
  return (
    typeof list === 'object' &&
    list !== null &&
    isCount(list.count) &&
    isCount(list.chars) &&
    typeof list.wide === 'boolean'
  );
};

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

const textBytes = (list: TextList) => list.chars * (list.wide ? 2 : 1);

/** Where each block starts (see the top), and where the file ends. */
function blocksOf(head: Head, at: number) {
  const fileEnds = at + head.count * NUMBERS * 8;
  const nameEnds = fileEnds + head.files.count * 4;
  const refs = nameEnds + head.names.count * 4;
  const ends = refs + head.refs * 4;
  const files = ends + head.count * STRINGS * 4;
  const names = files + textBytes(head.files);
  const latin1 = names + textBytes(head.names);
  const wide = latin1 + head.latin1;
  return { numbers: at, fileEnds, nameEnds, refs, ends, files, names, latin1, wide };
}

type Blocks = ReturnType<typeof blocksOf>;

/** The head of a list file, or null when it is not one this version wrote for this blog. */
function readHead(bytes: Buffer, root: string, layout: BlogLayout): (Head & { at: number }) | null {
  if (bytes.length < PREFIX || bytes.toString('latin1', 0, 8) !== CACHE_MAGIC) return null;
  if (bytes.readUInt32LE(8) !== CACHE_VERSION) return null;
  // About 2.5 ms for 10,000 posts: any damaged byte is a miss, never a wrong list.
  if (bytes.readUInt32LE(16) !== crc32(bytes.subarray(PREFIX))) return null;
  const headEnd = PREFIX + bytes.readUInt32LE(12);
  if (headEnd > bytes.length) return null;
  let head: Partial<Head> | null;
  try {
    head = JSON.parse(bytes.toString('latin1', PREFIX, headEnd)) as Partial<Head> | null;
  } catch {
    return null;
  }
  if (
    typeof head !== 'object' ||
    head === null ||
    head.root !== root ||
    head.layout !== layoutKey(layout) ||
    !isCount(head.count) ||
    !isTextList(head.files) ||
    !isTextList(head.names) ||
    !isCount(head.refs) ||
    !(head.walk === null || isWalkRecord(head.walk)) ||
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

/** A list file whose head and file list were read; the entries are decoded on demand. */
export interface OpenedCache {
  /** The Markdown files the walk found when the cache was written, in walk order. */
  files: string[];
  /** The walk's folder stamps, or null when they cannot vouch for it. */
  walk: WalkRecord | null;
  /** The cached entries, or null when the file is not exactly what this module wrote. */
  entries(): CachedEntries | null;
}

export interface CachedEntries {
  /** By path, in list order. */
  byPath: Map<string, PostEntry>;
  /** By index in `files` (undefined: a file with no entry, one that could not be read). */
  byFile: Array<PostEntry | undefined>;
}

/** Copies `bytes[from, to)` into an aligned buffer (the file's bytes need not be aligned). */
const aligned = (bytes: Buffer, from: number, to: number) =>
  bytes.buffer.slice(bytes.byteOffset + from, bytes.byteOffset + to);

/** The strings of a text list, or null when its ends go backwards or past its text. */
function readTextList(
  bytes: Buffer,
  list: TextList,
  endsAt: number,
  textAt: number,
): string[] | null {
  const text = bytes.toString(list.wide ? 'utf16le' : 'latin1', textAt, textAt + textBytes(list));
  const ends = new Uint32Array(aligned(bytes, endsAt, endsAt + list.count * 4));
  const out = new Array<string>(list.count);
  let start = 0;
  for (let i = 0; i < list.count; i++) {
    const end = ends[i]!;
    if (end < start || end > text.length) return null;
    out[i] = text.slice(start, end);
    start = end;
  }
  return start === text.length ? out : null;
}

/** A listed path that would lead out of the blog (only a crafted file could hold one). */
const leavesRoot = (file: string) => file.includes('..') && file.split(/[/\\]/).includes('..');

/** The list file's head and file list from its bytes, or null on any kind of miss. */
export function openCacheBytes(
  bytes: Buffer,
  root: string,
  layout: BlogLayout,
): OpenedCache | null {
  const head = readHead(bytes, root, layout);
  if (!head) return null;
  const blocks = blocksOf(head, head.at);
  if (blocks.wide + head.wide * 2 !== bytes.length) return null;
  const files = readTextList(bytes, head.files, blocks.fileEnds, blocks.files);
  if (!files || files.some(leavesRoot)) return null;
  const entries = () => {
    try {
      return parseEntries(bytes, head, blocks, files);
    } catch {
      return null;
    }
  };
  return { files, walk: head.walk, entries };
}

/** The posts of a list file (see the top), in list order, keyed by path. */
function parseEntries(
  bytes: Buffer,
  head: Head,
  blocks: Blocks,
  files: string[],
): CachedEntries | null {
  const { count } = head;
  const names = readTextList(bytes, head.names, blocks.nameEnds, blocks.names);
  if (!names) return null;
  const numbers = new Float64Array(aligned(bytes, blocks.numbers, blocks.fileEnds));
  const refs = new Uint32Array(aligned(bytes, blocks.refs, blocks.ends));
  const ends = new Uint32Array(aligned(bytes, blocks.ends, blocks.files));
  const texts = [
    bytes.toString('latin1', blocks.latin1, blocks.wide),
    bytes.toString('utf16le', blocks.wide, bytes.length),
  ] as const;
  const starts = [0, 0];
  let k = 0;
  let r = 0;
  /** The next string of post `text`'s text, or null past the end. */
  const next = (text: 0 | 1): string | null => {
    const start = starts[text]!;
    const end = ends[k++]!;
    if (end < start || end > texts[text].length) return null;
    starts[text] = end;
    return texts[text].slice(start, end);
  };
  /** The post's next `n` names, or null when a reference is not one. */
  const namesOf = (n: number): string[] | null => {
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const name = names[refs[r++]!];
      if (name === undefined) return null;
      out[i] = name;
    }
    return out;
  };
  const errors = new Map(head.errors);
  const extras = new Map(Array.isArray(head.extras) ? head.extras : []);
  const entries = new Map<string, PostEntry>();
  const byFile = new Array<PostEntry | undefined>(files.length);
  for (let i = 0; i < count; i++) {
    const n = i * NUMBERS;
    const mtimeMs = numbers[n]!;
    const size = numbers[n + 1]!;
    const dateValue = numbers[n + 2]!;
    const wordCount = numbers[n + 3]!;
    const flags = numbers[n + 4]!;
    const tagCount = numbers[n + 5]!;
    const categoryCount = numbers[n + 6]!;
    const file = numbers[n + 7]!;
    if (
      !Number.isFinite(mtimeMs) ||
      !isCount(size) ||
      !(Number.isFinite(dateValue) || Number.isNaN(dateValue)) ||
      !isCount(wordCount) ||
      !isCount(flags) ||
      flags > 15 ||
      !isCount(tagCount) ||
      !isCount(categoryCount) ||
      r + tagCount + categoryCount > head.refs ||
      !isCount(file) ||
      file >= files.length
    ) {
      return null;
    }
    const text = flags & WIDE ? 1 : 0;
    const path = files[file]!;
    const title = next(text);
    const date = next(text);
    const url = next(text);
    const tags = namesOf(tagCount);
    const categories = namesOf(categoryCount);
    if (title === null || date === null || url === null || !tags || !categories) return null;
    const summary: PostSummary = {
      path,
      title,
      date: flags & HAS_DATE ? date : null,
      dateValue: Number.isNaN(dateValue) ? null : dateValue,
      draft: (flags & DRAFT) !== 0,
      tags,
      categories,
      wordCount,
      mtimeMs,
      size,
      // Always present (undefined for none): one object shape for every post keeps the
      // list's later passes (sorting, filtering) monomorphic.
      url: flags & HAS_URL ? url : undefined,
    };
    const error = errors.get(i);
    if (error) summary.error = error;
    applySiteFields(summary, extras.get(i));
    // The front matter stays on disk until the schema needs it (readFields).
    const entry: PostEntry = { summary, data: undefined };
    entries.set(path, entry);
    byFile[file] = entry;
  }
  if (r !== head.refs || starts[0] !== texts[0].length || starts[1] !== texts[1].length) {
    return null;
  }
  return entries.size === count ? { byPath: entries, byFile } : null;
}

/** The list file's head and file list, or null on any kind of miss (absent, stale version, corrupt). */
export function openCache(file: string, root: string, layout: BlogLayout): OpenedCache | null {
  try {
    return openCacheBytes(readFileSync(file), root, layout);
  } catch {
    return null;
  }
}

/** The cached entries by path, or null on any kind of miss. */
export function readCache(
  file: string,
  root: string,
  layout: BlogLayout,
): Map<string, PostEntry> | null {
  return openCache(file, root, layout)?.entries()?.byPath ?? null;
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

/** A text list's head, ends and text bytes. */
function encodeTextList(strings: readonly string[]): {
  list: TextList;
  ends: Uint32Array;
  text: Buffer;
} {
  const wide = strings.some((string) => WIDE_CHAR.test(string));
  const ends = new Uint32Array(strings.length);
  let chars = 0;
  for (let i = 0; i < strings.length; i++) ends[i] = chars += strings[i]!.length;
  const text = Buffer.from(strings.join(''), wide ? 'utf16le' : 'latin1');
  return { list: { count: strings.length, chars, wide }, ends, text };
}

/** The files a walk found, with its record (walk-record.ts), for the cache to keep. */
export interface CachedWalk {
  files: readonly string[];
  record: WalkRecord | null;
}

/** The list file's bytes for `entries` (see the top), built in slices between which `yieldNow` runs. */
async function encodeList(
  root: string,
  layout: BlogLayout,
  entries: PostEntry[],
  walk: CachedWalk,
  yieldNow: () => Promise<void>,
): Promise<Buffer> {
  const count = entries.length;
  const files = [...walk.files];
  const fileIndex = new Map(files.map((file, i) => [file, i]));
  let record = walk.record;
  const nameIndex = new Map<string, number>();
  const refs: number[] = [];
  const refOf = (name: string) => {
    let ref = nameIndex.get(name);
    if (ref === undefined) nameIndex.set(name, (ref = nameIndex.size));
    refs.push(ref);
  };
  const numbers = new Float64Array(count * NUMBERS);
  const ends = new Uint32Array(count * STRINGS);
  const texts: [string[], string[]] = [[], []];
  const lengths: [number, number] = [0, 0];
  const errors: [number, PostError][] = [];
  const extras: [number, SiteFields][] = [];
  for (let i = 0; i < count; i++) {
    const s = entries[i]!.summary;
    let file = fileIndex.get(s.path);
    if (file === undefined) {
      // A post the walk did not find (written since): listed, and the walk is not vouched for.
      file = files.push(s.path) - 1;
      fileIndex.set(s.path, file);
      record = null;
    }
    const strings = [s.title, s.date ?? '', s.url ?? ''];
    const text = strings.some((string) => WIDE_CHAR.test(string)) ? 1 : 0;
    for (let j = 0; j < STRINGS; j++) {
      texts[text].push(strings[j]!);
      ends[i * STRINGS + j] = lengths[text] += strings[j]!.length;
    }
    s.tags.forEach(refOf);
    s.categories.forEach(refOf);
    const n = i * NUMBERS;
    numbers[n] = s.mtimeMs;
    numbers[n + 1] = s.size;
    numbers[n + 2] = s.dateValue ?? NaN;
    numbers[n + 3] = s.wordCount;
    numbers[n + 4] =
      (s.draft ? DRAFT : 0) |
      (s.date !== null ? HAS_DATE : 0) |
      (text ? WIDE : 0) |
      (s.url !== undefined ? HAS_URL : 0);
    numbers[n + 5] = s.tags.length;
    numbers[n + 6] = s.categories.length;
    numbers[n + 7] = file;
    if (s.error) errors.push([i, s.error]);
    const fields = siteFieldsOf(s);
    if (fields) extras.push([i, fields]);
    if (i % 1000 === 999) await yieldNow();
  }
  const fileList = encodeTextList(files);
  const nameList = encodeTextList([...nameIndex.keys()]);
  const head: Head = {
    root,
    layout: layoutKey(layout),
    count,
    files: fileList.list,
    names: nameList.list,
    refs: refs.length,
    latin1: lengths[0],
    wide: lengths[1],
    walk: record,
    errors,
    extras,
  };
  const headBytes = Buffer.from(asciiJson(JSON.stringify(head)), 'latin1');
  const prefix = Buffer.alloc(align8(PREFIX + headBytes.length));
  prefix.write(CACHE_MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(CACHE_VERSION, 8);
  prefix.writeUInt32LE(headBytes.length, 12);
  headBytes.copy(prefix, PREFIX);
  const bytesOf = (array: Float64Array | Uint32Array) =>
    Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  const file = Buffer.concat([
    prefix,
    bytesOf(numbers),
    bytesOf(fileList.ends),
    bytesOf(nameList.ends),
    bytesOf(Uint32Array.from(refs)),
    bytesOf(ends),
    fileList.text,
    nameList.text,
    Buffer.from(texts[0].join(''), 'latin1'),
    Buffer.from(texts[1].join(''), 'utf16le'),
  ]);
  file.writeUInt32LE(crc32(file.subarray(PREFIX)), 16);
  return file;
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
 * Writes the entries and the walk they came from, atomically. The files are built in chunks
 * between which the event loop runs (`yieldNow`), so a 10,000-post cache never blocks the
 * main process for long.
 * Entries whose front matter was never loaded keep the fields file's rows for them.
 */
export async function writeCache(
  file: string,
  root: string,
  layout: BlogLayout,
  entries: PostEntry[],
  walk: CachedWalk = { files: [], record: null },
  yieldNow: () => Promise<void> = async () => undefined,
): Promise<void> {
  if (entries.some((e) => e.data === undefined))
    readFields(file, new Map(entries.map((e) => [e.summary.path, e])));
  const fields: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const { summary, data } = entries[i]!;
    if (data !== undefined)
      fields.push(
        `[${JSON.stringify(summary.path)},${summary.mtimeMs},${summary.size},${frontMatterJson(data)}]`,
      );
    if (i % 500 === 499) await yieldNow();
  }
  const list = await encodeList(root, layout, entries, walk, yieldNow);
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
