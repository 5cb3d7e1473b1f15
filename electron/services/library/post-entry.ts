/**
 * Length: the index's fast read path kept in one place (bytes, head, front matter, summary), measured as one.
 *
 * One post's entry in the library index, read the fast way.
 *
 * The file is read once as bytes (open, fstat, read, close: the stat is free); the bytes
 * are checked for UTF-8 and NUL; only the head of the file (front matter and the first
 * lines of the body) is decoded to a string, and the words are counted on the bytes.
 * The front matter is read by the same block finder as shared/frontmatter.ts, then by
 * js-yaml 4 with its CORE schema (dates stay the strings written, as everywhere in Folio),
 * or by the lossless reader itself (`parseFrontMatter`, the `yaml` package) for TOML, JSON,
 * and YAML that js-yaml refuses or reads as something other than a map. A post whose front
 * matter does not parse is listed with its error, never dropped.
 */
import { profileOf, type SiteConfigData } from '../../../shared/generators/index.ts';
import { dateFromFileName } from '../../../shared/generators/naming.ts';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { MAX_POST_CHARS } from '../../../shared/api.ts';
import { dateSortValue } from '../../../shared/dates.ts';
import {
  findFrontMatter,
  parseFrontMatter,
  type FrontMatterBlock,
} from '../../../shared/frontmatter.ts';
import { firstHeading } from '../../../shared/heading.ts';
import type { Generator, PostError, PostSummary, SkippedFile } from '../../../shared/models.ts';
import { excerptOf } from './excerpt.ts';
import { countWords } from './word-count.ts';
import { dialectOf, templateTags } from '../../../shared/markdown/templates/readers.ts';
import { readBuffer } from './word-count-simd.ts';

export const MARKDOWN = /\.(md|markdown|mdx)$/i;

/** What the index keeps per post: its list entry and its front matter (for the schema). */
export interface PostEntry {
  summary: PostSummary;
  /**
   * The front-matter fields; null when they do not parse; undefined while they are still
   * only in the on-disk cache (index-cache.ts reads them when the schema is asked for).
   */
  data: Record<string, unknown> | null | undefined;
}

export interface EntryOptions {
  inDraftFolder: boolean;
  /** Jekyll reads `tags: a b` as two tags; the others as one. */
  splitStringLists?: boolean;
  /** Whose page rule applies (see isPage); none: every Markdown file is a post. */
  generator?: Generator;
  /** A post without a `date:` takes its file name's (BlogLayout.fileNameDates). */
  fileNameDates?: boolean;
  /** The site config's keys for URLs (BlogLayout.urlConfig): the post's URL is worked out. */
  urlConfig?: SiteConfigData;
  /** The collection the file is in, by the layout (BlogLayout.collections). */
  collection?: string;
  /** A page that is one only with front matter (Jekyll's): without, it is not listed. */
  needsFrontMatter?: boolean;
}

export type ReadResult =
  | { ok: true; entry: PostEntry }
  /**
   * `gone`: not listed and not reported as skipped: the file no longer exists, or it is one
   * of the site's pages, not a post (isPage).
   */
  | { ok: false; skipped: SkippedFile; gone: boolean };

interface FrontMatterRead {
  data: Record<string, unknown>;
  error?: PostError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A YAML alias (`*name`) where a value or list item starts. */
const ALIAS = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/;

/**
 * The fields of the block found in `source`, by the fastest reader that can. Not gray-matter: on the 10,000-post corpus it took 184.5 ms
 * against this path's 40.5 ms (read floor 181.6 ms; `npm run bench -- front-matter`).
 */
export function readFrontMatter(source: string, block: FrontMatterBlock | null): FrontMatterRead {
  if (!block) return { data: {} };
  if (block.format === 'yaml') {
    const content = source.slice(block.contentStart, block.contentEnd);
    // js-yaml shares an alias's value instead of copying it, so a few hundred bytes of nested
    // aliases (a "billion laughs") load at once, then explode when the index serialises them.
    // Front matter with aliases goes to the lossless reader, which bounds their expansion.
    if (!ALIAS.test(content)) {
      try {
        const value: unknown = yaml.load(content, { schema: yaml.CORE_SCHEMA });
        if (value === null || value === undefined) return { data: {} };
        if (isRecord(value)) return { data: value };
      } catch {
        // js-yaml refuses it: the lossless reader says what is wrong, and where.
      }
    }
  }
  const parsed = parseFrontMatter(source);
  return parsed.error ? { data: {}, error: parsed.error } : { data: parsed.data };
}

/**
 * Front matter as JSON, the form the index cache keeps it in and the workers send it in;
 * `null` for front matter JSON cannot hold (aliases that make a cycle: `a: &x {b: *x}`).
 */
export function frontMatterJson(data: Record<string, unknown> | null | undefined): string {
  try {
    return JSON.stringify(data) ?? 'null';
  } catch {
    return 'null';
  }
}

function asString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

/**
 * What the index keeps of one post's front matter, at most: real posts stay far below, and a
 * hostile one (a 5 MB title, 500,000 tags) cannot swell the list, the Tags tab or the cache.
 */
export const SUMMARY_LIMITS = { title: 1000, listItems: 1000 };

function addListItem(item: unknown, out: Set<string>): void {
  if (out.size >= SUMMARY_LIMITS.listItems) return;
  if (Array.isArray(item)) {
    for (const inner of item) addListItem(inner, out);
    return;
  }
  if (typeof item !== 'string' && typeof item !== 'number') return;
  const text = String(item).trim();
  if (text) out.add(text);
}

/**
 * Tags or categories as strings: nested lists flattened, blanks and duplicates dropped, in
 * first-seen order. A Set, not a list search: a hostile post's 100,000 tags took 12 s.
 */
export function stringList(value: unknown, splitSpaces = false): string[] {
  const out = new Set<string>();
  if (typeof value === 'string' && splitSpaces) {
    for (const part of value.split(/\s+/)) addListItem(part, out);
  } else {
    addListItem(value, out);
  }
  return [...out];
}

/** The generators' draft rules: a draft folder, `draft: true` (Hugo, Hexo, Astro, Eleventy), `published: false` (Jekyll, Hexo). */
export function isDraft(data: Record<string, unknown>, inDraftFolder: boolean): boolean {
  return inDraftFolder || data.draft === true || data.published === false;
}

/** Pages the generator builds from files in its post folders (its profile's rule): not listed. */
/** Whether the file starts with a front-matter fence (after a BOM). */
function opensFrontMatter(bytes: Uint8Array): boolean {
  const at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes[at] === 0x2d && bytes[at + 1] === 0x2d && bytes[at + 2] === 0x2d;
}

export function isPage(data: Record<string, unknown> | null, generator?: Generator): boolean {
  if (!data || !generator) return false;
  return profileOf(generator).isPage(data);
}

/**
 * An untitled post's name: its file name, and for a page named like every folder's
 * (`index.md`, Hugo's `_index.md`, `README.md`) its folder's too, so it can be told apart.
 */
function fileTitle(relativePath: string): string {
  const name = path.posix.basename(relativePath).replace(MARKDOWN, '');
  const folder = path.posix.basename(path.posix.dirname(relativePath));
  return /^(_?index|readme)$/i.test(name) && folder !== '.' ? `${folder}/${name}` : name;
}

/** A head of the text that ends at a line break (or is the whole text). */
interface Head {
  text: string;
  complete: boolean;
}

/** Decodes about the first `limit` bytes, cut back to the last whole line. */
function decodeHead(bytes: Uint8Array, limit: number): Head {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (bytes.length <= limit) return { text: buffer.toString('utf8'), complete: true };
  const cut = buffer.lastIndexOf(0x0a, limit - 1);
  if (cut <= 0) return { text: buffer.toString('utf8'), complete: true };
  return { text: buffer.toString('utf8', 0, cut + 1), complete: false };
}

const HEAD_LIMITS = [1024, 4096, 32768, Infinity];

/**
 * Builds the entry from the bytes of a post. `head` decoding grows only when the block or
 * the title fallback needs more of the file than the first kilobyte.
 * `posted`: the entry is posted to another thread, whose copy keeps no file head alive, so
 * its strings are not copied here (see own).
 */
export function entryFromBytes(
  relativePath: string,
  bytes: Uint8Array,
  stats: { mtimeMs: number; size: number },
  options: EntryOptions,
  posted = false,
): PostEntry {
  for (const limit of HEAD_LIMITS) {
    const head = decodeHead(bytes, limit);
    const entry = entryFromHead(relativePath, head, bytes, stats, options, posted ? same : own);
    if (entry) return entry;
  }
  throw new Error('unreachable: the whole text always gives an entry');
}

/**
 * A head's front-matter block and where its body starts (after the block, or a BOM); null
 * when the head is cut inside a block that is not closed yet (it may close further down).
 */
function splitHead(head: Head): { block: FrontMatterBlock | null; bodyStart: number } | null {
  const block = findFrontMatter(head.text);
  if (!block && !head.complete && /^\uFEFF?(---|\+\+\+|\{|")/.test(head.text)) return null;
  return { block, bodyStart: block ? block.end : head.text.startsWith('\uFEFF') ? 1 : 0 };
}

function entryFromHead(
  relativePath: string,
  head: Head,
  bytes: Uint8Array,
  stats: { mtimeMs: number; size: number },
  options: EntryOptions,
  keep: (text: string) => string,
): PostEntry | null {
  const source = head.text;
  const split = splitHead(head);
  if (!split) return null;
  const { block, bodyStart } = split;
  const { data, error } = readFrontMatter(source, block);
  const body = source.slice(bodyStart);
  let title = asString(data.title);
  if (title === null) {
    title = firstHeading(body);
    if (title === null && !head.complete) return null;
  }
  // Astro's blog starter dates its posts with `pubDate`.
  const date =
    (asString(data.date) ?? asString(data.pubDate))?.slice(0, SUMMARY_LIMITS.title) ??
    (options.fileNameDates ? dateFromFileName(relativePath) : null);
  const bodyByte = Buffer.byteLength(source.slice(0, bodyStart), 'utf8');
  const summary: PostSummary = {
    path: relativePath,
    title: keep((title ?? fileTitle(relativePath)).slice(0, SUMMARY_LIMITS.title)),
    date: date === null ? null : keep(date),
    dateValue: dateSortValue(date),
    draft: isDraft(data, options.inDraftFolder),
    tags: stringList(data.tags ?? data.tag, options.splitStringLists),
    categories: stringList(data.categories ?? data.category, options.splitStringLists),
    wordCount: wordsOf(bytes, bodyByte, relativePath, options),
    mtimeMs: stats.mtimeMs,
    size: stats.size,
  };
  if (error) summary.error = error;
  if (options.generator) addSiteFields(summary, relativePath, data, date, options);
  return { summary, data: error ? null : keep === same ? data : ownValues(data) };
}

const OPEN_BRACE = 0x7b;
const PERCENT = 0x25;

/** Where the bytes first hold `{{` or `{%` from `from` on (a construct may start there), or -1. */
function firstOpener(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(OPEN_BRACE, from); i >= 0; i = bytes.indexOf(OPEN_BRACE, i + 1)) {
    const next = bytes[i + 1];
    if (next === OPEN_BRACE || next === PERCENT) return i;
  }
  return -1;
}

/**
 * The body's words by the one rule (shared/word-count.ts), template syntax left out as the
 * preview leaves it out (shared/markdown/templates/). Counted on the bytes; a post with an
 * opener in it has the words of its constructs taken off, each construct counted on its
 * own bytes: they begin and end with braces, which no word crosses. The constructs are found
 * in the body read as latin1 (one character per byte, so offsets are byte offsets; their
 * delimiters are ASCII), where decoding UTF-8 and counting the text took 9 times as long
 * on the bench corpus, whose posts link with `{% post_link %}`.
 */
function wordsOf(
  bytes: Uint8Array,
  bodyByte: number,
  relativePath: string,
  options: EntryOptions,
): number {
  const profile = options.generator ? profileOf(options.generator) : null;
  const dialect = dialectOf(profile?.dialect, relativePath);
  const first = dialect && dialect !== 'mdx' ? firstOpener(bytes, bodyByte) : -1;
  let words = countWords(bytes, bodyByte);
  if (first < 0) return words;
  // Read from the first opener on: no construct starts before it.
  const rest = Buffer.from(bytes.buffer, bytes.byteOffset + first, bytes.length - first);
  for (const [start, end] of templateTags(rest.toString('latin1'), dialect))
    words -= countWords(bytes, first + start, first + end);
  return words;
}

/**
 * The fields a generator adds to a few summaries: kept apart in the cache and the worker
 * columns (a URL, which most posts have, is a column of its own there).
 */
export type SiteFields = Pick<
  PostSummary,
  'section' | 'headless' | 'collection' | 'publishValue' | 'expiryValue'
>;

/** A summary's site fields, or null when it has none. */
export function siteFieldsOf(summary: PostSummary): SiteFields | null {
  const fields: SiteFields = {};
  if (summary.section) fields.section = true;
  if (summary.headless) fields.headless = true;
  if (summary.collection !== undefined) fields.collection = summary.collection;
  if (summary.publishValue !== undefined) fields.publishValue = summary.publishValue;
  if (summary.expiryValue !== undefined) fields.expiryValue = summary.expiryValue;
  return Object.keys(fields).length ? fields : null;
}

/** Site fields read back (from the cache or a worker) onto a summary, checked. */
export function applySiteFields(summary: PostSummary, fields: unknown): void {
  if (fields === null || typeof fields !== 'object') return;
  const { section, headless, collection, publishValue, expiryValue } = fields as Record<
    string,
    unknown
  >;
  if (section === true) summary.section = true;
  if (headless === true) summary.headless = true;
  if (typeof collection === 'string') summary.collection = collection;
  if (typeof publishValue === 'number' && Number.isFinite(publishValue))
    summary.publishValue = publishValue;
  if (typeof expiryValue === 'number' && Number.isFinite(expiryValue))
    summary.expiryValue = expiryValue;
}

/** What the generator reads beyond the common fields: the URL, a section page, Hugo's schedule. */
function addSiteFields(
  summary: PostSummary,
  path: string,
  data: Record<string, unknown>,
  date: string | null,
  options: EntryOptions,
): void {
  const profile = profileOf(options.generator!);
  if (profile.isSectionPage?.(path)) summary.section = true;
  const collection = options.collection ?? profile.collectionOf?.(path);
  if (collection) summary.collection = collection;
  if (profile.isHeadless?.(data)) {
    summary.headless = true;
    return; // no page, so no URL
  }
  const schedule = profile.schedule?.(data);
  const publish = dateSortValue(schedule?.publish);
  const expiry = dateSortValue(schedule?.expiry);
  if (publish !== null) summary.publishValue = publish;
  if (expiry !== null) summary.expiryValue = expiry;
  try {
    const post = { path, data, date, fileTime: summary.mtimeMs };
    const url = profile.permalink?.(post, options.urlConfig ?? {});
    if (url) summary.url = url.slice(0, 2048);
  } catch {
    // A front matter shaped oddly enough to upset a pattern: the post simply has no URL.
  }
}

/**
 * A copy of `text` that does not keep a larger string alive. V8 makes substrings of 13+
 * characters views into their parent, so a title sliced out of the decoded head would keep
 * that whole head in memory for as long as the index lives (and make every young-generation
 * GC copy it). Concatenating flattens into a new string; slicing off the added character
 * then views that small copy.
 */
function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** For entries that are posted to another thread, which copies every string anyway. */
const same = (text: string): string => text;

function ownValues(data: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (typeof value === 'string') data[key] = own(value);
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] === 'string') value[i] = own(value[i] as string);
      }
    }
  }
  return data;
}

/** The entry of a post given as text (after a save, in tests). */
export function entryFromText(
  relativePath: string,
  text: string,
  options: EntryOptions,
  stats?: { mtimeMs: number; size: number },
): PostEntry {
  const bytes = Buffer.from(text, 'utf8');
  return entryFromBytes(relativePath, bytes, stats ?? { mtimeMs: 0, size: bytes.length }, options);
}

/** Why a symbolic link in a post folder is not listed (list-posts.ts says it too). */
export const SYMLINK_REASON =
  'symbolic link, not followed (Folio lists only files inside the blog)';

/**
 * Never through a symbolic link (a post the watcher reports may be one: it would read a file
 * outside the blog), and never blocking (a FIFO named `.md` would hang the index forever:
 * fstat then says it is not a file). Windows has neither flag; there the walk's checks do.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const reasonOf = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  const messages: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOENT: 'the file disappeared while indexing',
    EISDIR: 'not a file',
    EMFILE: 'too many open files',
    ELOOP: SYMLINK_REASON,
  };
  return (code && messages[code]) ?? (error instanceof Error ? error.message : String(error));
};

/** One buffer reused for every read: allocating 10,000 buffers cost a tenth of the index in GC. */
let scratch = Buffer.allocUnsafeSlow(1 << 16);

/**
 * The buffer to read `size` bytes into: the word counter's memory (counted there without a
 * copy, see word-count-simd.ts), else the shared scratch buffer.
 */
function bufferFor(size: number): Buffer {
  const memory = readBuffer(size);
  if (memory) return memory;
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(size * 2);
  return scratch;
}

/**
 * Reads a post file whole (open, fstat, read, close: the calls readFileSync makes) into a
 * shared buffer (bufferFor). The bytes are valid until the next read.
 */
function readWhole(file: string): { bytes: Buffer; mtimeMs: number; size: number } {
  const fd = openSync(file, OPEN_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (stats.size > MAX_POST_CHARS) {
      throw Object.assign(new Error(`larger than ${MAX_POST_CHARS / 1048576} MB`), {
        code: 'TOO_LARGE',
      });
    }
    const buffer = bufferFor(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, buffer, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: buffer.subarray(0, read), mtimeMs: stats.mtimeMs, size: stats.size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and indexes one post; a file that cannot be indexed comes back as skipped, with why.
 * `posted`: the entry goes to another thread (see entryFromBytes).
 */
/** Why a post could not be indexed, for the skipped-files list. */
export function unindexable(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `could not be indexed: ${message.slice(0, 200)}`;
}

export function readEntry(
  root: string,
  relativePath: string,
  options: EntryOptions,
  posted = false,
): ReadResult {
  let file: { bytes: Buffer; mtimeMs: number; size: number };
  try {
    // Not path.join: its normalizing cost 3% of the index; `relativePath` is already clean.
    file = readWhole(`${root}${path.sep}${relativePath}`);
  } catch (error) {
    const gone = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, skipped: { path: relativePath, reason: reasonOf(error) }, gone };
  }
  return resultOfBytes(relativePath, file.bytes, file, options, posted);
}

/**
 * The first ~200 characters of a post's body as plain text, read when asked: for the post
 * under the pointer in the list. Not part of the index: computed for every post, it was a
 * sixth of a cold index of 10,000 posts, and nothing shows them all. Null when the file
 * cannot be read or is no text.
 */
export function readExcerpt(root: string, relativePath: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readWhole(`${root}${path.sep}${relativePath}`).bytes;
  } catch {
    return null;
  }
  if (bytes.indexOf(0) !== -1) return null;
  for (const limit of HEAD_LIMITS) {
    const head = decodeHead(bytes, limit);
    const split = splitHead(head);
    if (!split) continue;
    const excerpt = excerptOf(head.text.slice(split.bodyStart));
    if (excerpt.complete || head.complete) return excerpt.text;
  }
  return null;
}

/** A post's list entry from its bytes (read from disk, or just written by Folio). */
export function resultOfBytes(
  relativePath: string,
  bytes: Uint8Array,
  file: { mtimeMs: number; size: number },
  options: EntryOptions,
  posted = false,
): ReadResult {
  // A post that is not UTF-8 stays listed (read lossily here) so the writer can open it: the
  // editor shows it read-only with a warning and never re-encodes it. Binary files are no posts.
  if (bytes.indexOf(0) !== -1) {
    const skipped = { path: relativePath, reason: 'binary (contains NUL bytes)' };
    return { ok: false, skipped, gone: false };
  }
  const stats = { mtimeMs: file.mtimeMs, size: file.size };
  if (options.needsFrontMatter && !opensFrontMatter(bytes)) {
    return {
      ok: false,
      skipped: { path: relativePath, reason: 'no front matter: not a page' },
      gone: true,
    };
  }
  let entry: PostEntry;
  try {
    entry = entryFromBytes(relativePath, bytes, stats, options, posted);
  } catch (error) {
    // No post may stop the index: one that trips a parser bug is listed as skipped, with why.
    return { ok: false, skipped: { path: relativePath, reason: unindexable(error) }, gone: false };
  }
  if (isPage(entry.data ?? null, options.generator)) {
    return { ok: false, skipped: { path: relativePath, reason: 'a page, not a post' }, gone: true };
  }
  return { ok: true, entry };
}
