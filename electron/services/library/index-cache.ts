/**
 * The library index on disk, so re-opening a blog stats its files instead of reading them.
 *
 * Two JSON files per blog in the app's data folder, named by a hash of the blog's real
 * path, versioned, written atomically (temp file, fsync, rename): the list entries, read
 * on open, and the posts' front matter, read only when the schema is first asked for (it
 * was 40% of the bytes to parse on the re-open path). Each entry is an array (no repeated
 * keys: half the size and parse time of objects) keyed by path, mtime and size. A file
 * that is missing, of another version or layout, or not what this module wrote, is a miss:
 * the caller indexes from the files and writes a new one.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PostError, PostSummary } from '../../../shared/models.ts';
import { writeFileAtomic } from '../content/atomic-write.ts';
import type { BlogLayout } from './detect-blog.ts';
import type { PostEntry } from './post-entry.ts';

/** Bump when an entry's fields or their meaning change (word-count rule, excerpt rule...). */
export const CACHE_VERSION = 1;

type Row = [
  path: string,
  mtimeMs: number,
  size: number,
  title: string,
  date: string | null,
  dateValue: number | null,
  draft: boolean,
  tags: string[],
  categories: string[],
  wordCount: number,
  excerpt: string,
  error: PostError | null,
];

/** One post's front matter, valid for that mtime and size. */
type FieldsRow = [
  path: string,
  mtimeMs: number,
  size: number,
  data: Record<string, unknown> | null,
];

interface CacheFile {
  version: number;
  root: string;
  layout: string;
  entries: Row[];
}

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

function toRow({ summary: s }: PostEntry): Row {
  return [
    s.path,
    s.mtimeMs,
    s.size,
    s.title,
    s.date,
    s.dateValue,
    s.draft,
    s.tags,
    s.categories,
    s.wordCount,
    s.excerpt,
    s.error ?? null,
  ];
}

function fromRow(row: unknown): PostEntry | null {
  if (!Array.isArray(row) || row.length !== 12) return null;
  const [path, mtimeMs, size, title, date, dateValue, draft, tags, categories] = row;
  const [wordCount, excerpt, error] = row.slice(9);
  if (
    typeof path !== 'string' ||
    typeof mtimeMs !== 'number' ||
    typeof size !== 'number' ||
    typeof title !== 'string' ||
    (date !== null && typeof date !== 'string') ||
    (dateValue !== null && typeof dateValue !== 'number') ||
    typeof draft !== 'boolean' ||
    !Array.isArray(tags) ||
    !Array.isArray(categories) ||
    typeof wordCount !== 'number' ||
    typeof excerpt !== 'string' ||
    (error !== null && typeof error !== 'object')
  ) {
    return null;
  }
  const summary: PostSummary = {
    path,
    title,
    date,
    dateValue,
    draft,
    tags: tags as string[],
    categories: categories as string[],
    wordCount,
    excerpt,
    mtimeMs,
    size,
  };
  if (error) summary.error = error as PostError;
  // The front matter stays on disk until the schema needs it (readFields).
  return { summary, data: undefined };
}

/** The cached entries by path from the cache file's text, or null on any kind of miss. */
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
  const cache = parsed as Partial<CacheFile> | null;
  if (
    !cache ||
    cache.version !== CACHE_VERSION ||
    cache.root !== root ||
    cache.layout !== layoutKey(layout) ||
    !Array.isArray(cache.entries)
  ) {
    return null;
  }
  const entries = new Map<string, PostEntry>();
  for (const row of cache.entries) {
    const entry = fromRow(row);
    if (!entry) return null;
    entries.set(entry.summary.path, entry);
  }
  return entries;
}

/** The cached entries by path, or null on any kind of miss (absent, stale version, corrupt). */
export function readCache(
  file: string,
  root: string,
  layout: BlogLayout,
): Map<string, PostEntry> | null {
  try {
    return parseCache(readFileSync(file, 'utf8'), root, layout);
  } catch {
    return null;
  }
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
  const list: string[] = [];
  const fields: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    list.push(JSON.stringify(toRow(entry)));
    const { summary, data } = entry;
    if (data !== undefined)
      fields.push(JSON.stringify([summary.path, summary.mtimeMs, summary.size, data]));
    if (i % 500 === 499) await yieldNow();
  }
  const head = JSON.stringify({ version: CACHE_VERSION, root, layout: layoutKey(layout) });
  // Not recursive: when the data folder itself is gone (the app is quitting, a test cleaned
  // up), there is nothing to cache into.
  await mkdir(path.dirname(file)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await writeFileAtomic(
    fieldsFileFor(file),
    `{"version":${CACHE_VERSION},"entries":[${fields.join(',')}]}`,
  );
  await writeFileAtomic(file, `${head.slice(0, -1)},"entries":[${list.join(',')}]}`);
}
