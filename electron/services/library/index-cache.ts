/**
 * The library index on disk, so re-opening a blog stats its files instead of reading them.
 *
 * Two JSON files per blog in the app's data folder, named by a hash of the blog's real
 * path, versioned, written atomically (temp file, fsync, rename): the list entries, read
 * on open, and the posts' front matter, read only when the schema is first asked for (it
 * was 40% of the bytes to parse on the re-open path). A file that is missing, of another
 * version or layout, or not what this module wrote, is a miss: the caller indexes from the
 * files and writes a new one.
 *
 * The list file is laid out for the re-open, the path a user waits on (measured on the
 * 10,000-post corpus, parse and entries built, against version 1's array per entry read
 * as UTF-8): one array per field (columns: no array per entry for the parser to allocate
 * and the collector to trace), and ASCII only, every other character written as a \uXXXX
 * escape, so the bytes are read as Latin-1 into a one-byte string (UTF-8 decoding alone
 * took as long as the parse, and one non-Latin-1 character made the whole text a two-byte
 * string, slower to parse). A list file with any byte over 127 is not ours: a miss.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PostError, PostSummary } from '../../../shared/models.ts';
import { writeFileAtomic } from '../content/atomic-write.ts';
import type { BlogLayout } from './detect-blog.ts';
import type { PostEntry } from './post-entry.ts';

/** Bump when an entry's fields or their meaning change (word-count rule, excerpt rule...). */
export const CACHE_VERSION = 3;

/** The list file's columns, in the order they are written; each holds one value per post. */
const COLUMNS = [
  'path',
  'mtimeMs',
  'size',
  'title',
  'date',
  'dateValue',
  'draft',
  'tags',
  'categories',
  'wordCount',
  'excerpt',
  'error',
] as const satisfies readonly (keyof PostSummary)[];

type Column = (typeof COLUMNS)[number];

type ListFile = { version: number; root: string; layout: string; count: number } & Record<
  Column,
  unknown
>;

/** One post's front matter, valid for that mtime and size. */
type FieldsRow = [
  path: string,
  mtimeMs: number,
  size: number,
  data: Record<string, unknown> | null,
];

export function cacheFileFor(cacheFolder: string, root: string): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return path.join(cacheFolder, `library-${key}.json`);
}

const fieldsFileFor = (cacheFile: string) => cacheFile.replace(/\.json$/, '.fields.json');

/**
 * The layout fields that change what an entry holds (draft folders, string-list rule), and
 * the collation locale: entries are saved in list order, which a re-open keeps as it is.
 */
export function layoutKey(layout: BlogLayout): string {
  const locale = new Intl.Collator().resolvedOptions().locale;
  return JSON.stringify([layout.generator, layout.postFolders, layout.draftFolders, locale]);
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

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

/** The entries of a parsed list file, or null when any value is not what save wrote. */
function fromColumns(cache: ListFile): Map<string, PostEntry> | null {
  const count = cache.count;
  if (!Number.isInteger(count) || count < 0) return null;
  const columns = COLUMNS.map((name) => cache[name]);
  if (columns.some((column) => !Array.isArray(column) || column.length !== count)) return null;
  const [paths, mtimes, sizes, titles, dates, dateValues, drafts, tags, categories] =
    columns as unknown[][] as [
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
    ];
  const [wordCounts, excerpts, errors] = columns.slice(9) as [unknown[], unknown[], unknown[]];
  const entries = new Map<string, PostEntry>();
  for (let i = 0; i < count; i++) {
    const path = paths[i];
    const mtimeMs = mtimes[i];
    const size = sizes[i];
    const title = titles[i];
    const date = dates[i];
    const dateValue = dateValues[i];
    const draft = drafts[i];
    const tagList = tags[i];
    const categoryList = categories[i];
    const wordCount = wordCounts[i];
    const excerpt = excerpts[i];
    const error = errors[i];
    if (
      typeof path !== 'string' ||
      typeof mtimeMs !== 'number' ||
      typeof size !== 'number' ||
      typeof title !== 'string' ||
      (date !== null && typeof date !== 'string') ||
      (dateValue !== null && typeof dateValue !== 'number') ||
      typeof draft !== 'boolean' ||
      !isStringArray(tagList) ||
      !isStringArray(categoryList) ||
      typeof wordCount !== 'number' ||
      typeof excerpt !== 'string' ||
      (error !== null && !isPostError(error))
    ) {
      return null;
    }
    const summary: PostSummary = {
      path,
      title,
      date,
      dateValue,
      draft,
      tags: tagList,
      categories: categoryList,
      wordCount,
      excerpt,
      mtimeMs,
      size,
    };
    if (error) summary.error = error;
    // The front matter stays on disk until the schema needs it (readFields).
    entries.set(path, { summary, data: undefined });
  }
  return entries.size === count ? entries : null;
}

/** The cached entries by path from the list file's text, or null on any kind of miss. */
export function parseCache(
  text: string,
  root: string,
  layout: BlogLayout,
): Map<string, PostEntry> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const cache = parsed as Partial<ListFile> | null;
  if (
    typeof cache !== 'object' ||
    cache === null ||
    cache.version !== CACHE_VERSION ||
    cache.root !== root ||
    cache.layout !== layoutKey(layout)
  ) {
    return null;
  }
  return fromColumns(cache as ListFile);
}

/** The cached entries by path, or null on any kind of miss (absent, stale version, corrupt). */
export function readCache(
  file: string,
  root: string,
  layout: BlogLayout,
): Map<string, PostEntry> | null {
  try {
    const bytes = readFileSync(file);
    // Ours is ASCII only (see the top): Latin-1 then reads each byte as its character.
    if (!isAscii(bytes)) return null;
    return parseCache(bytes.toString('latin1'), root, layout);
  } catch {
    return null;
  }
}

/** JSON with every character above U+007F escaped, so the text is ASCII (the re-open reads it as Latin-1). */
export function asciiJson(json: string): string {
  return json.replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
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
  // Column by column, 1,000 values at a time, the event loop let through between slices.
  const columns: string[] = [];
  for (const name of COLUMNS) {
    const parts: string[] = [];
    for (let start = 0; start < entries.length; start += 1000) {
      const values = entries
        .slice(start, start + 1000)
        .map(({ summary }) => (name === 'error' ? (summary.error ?? null) : summary[name]));
      parts.push(asciiJson(JSON.stringify(values).slice(1, -1)));
      await yieldNow();
    }
    columns.push(`${JSON.stringify(name)}:[${parts.filter((p) => p !== '').join(',')}]`);
  }
  const head = asciiJson(
    JSON.stringify({
      version: CACHE_VERSION,
      root,
      layout: layoutKey(layout),
      count: entries.length,
    }),
  );
  // Not recursive: when the data folder itself is gone (the app is quitting, a test cleaned
  // up), there is nothing to cache into.
  await mkdir(path.dirname(file)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await writeFileAtomic(
    fieldsFileFor(file),
    `{"version":${CACHE_VERSION},"entries":[${fields.join(',')}]}`,
  );
  await writeFileAtomic(file, `${head.slice(0, -1)},${columns.join(',')}}`);
}
