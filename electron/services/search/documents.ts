/** A post as search sees it. */
import { findFrontMatter } from '../../../shared/frontmatter.ts';
import { readFrontMatter, type PostEntry } from '../library/post-entry.ts';
import { addToFilter, FILTER_WORDS } from './trigram-filter.ts';

export interface SearchDoc {
  /** A new id for every version of a post; the index keeps postings of old ids, dead. */
  id: number;
  path: string;
  title: string;
  titleLower: string;
  /** The front matter's text values, lowercased, one per line. */
  meta: string;
  /** The body, lowercased; null once the full-text index holds it (memory). */
  body: string | null;
  /** Which triples of characters meta and body hold (trigram-filter.ts); null with the body. */
  filter: Uint32Array | null;
  /** Word count, BM25's document length. */
  length: number;
  dateValue: number | null;
  live: boolean;
}

/** Keys whose values are not words a writer searches for (dates, paths, layout switches). */
const SKIPPED_KEYS = new Set([
  'title',
  'date',
  'updated',
  'lastmod',
  'publishdate',
  'expirydate',
  'layout',
  'permalink',
  'slug',
  'url',
  'aliases',
  'draft',
  'published',
  'weight',
]);
const IMAGE_KEY = /(^|_)(cover|image|img|thumbnail|thumb|banner|hero|photo|og_?image)$/i;
const PATH_LIKE = /^(\/|\.\.?\/|https?:|mailto:)/;

function collect(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (!PATH_LIKE.test(value)) out.push(value);
  } else if (typeof value === 'number') {
    out.push(String(value));
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) collect(inner, out);
  }
}

/** The searchable front-matter text: values of every key but dates, paths and switches. */
export function metaText(data: Record<string, unknown> | null): string {
  if (!data) return '';
  const out: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (SKIPPED_KEYS.has(key.toLowerCase()) || IMAGE_KEY.test(key)) continue;
    collect(value, out);
  }
  return out.join('\n').toLowerCase();
}

/** The body of a post's text (after the front-matter block). */
export function bodyOf(text: string): string {
  const block = findFrontMatter(text);
  return block ? text.slice(block.end) : text;
}

/** A post's search document from its library entry and the text of its file. */
export function makeDoc(id: number, entry: PostEntry, text: string): SearchDoc {
  const { summary } = entry;
  const block = findFrontMatter(text);
  // The library keeps front matter on disk after a cached open; the text has it anyway.
  const data = entry.data !== undefined ? entry.data : readFrontMatter(text, block).data;
  const meta = metaText(data);
  const body = (block ? text.slice(block.end) : text).toLowerCase();
  const filter = new Uint32Array(FILTER_WORDS);
  addToFilter(filter, 0, meta);
  addToFilter(filter, 0, body);
  return {
    id,
    path: summary.path,
    title: summary.title,
    titleLower: summary.title.toLowerCase(),
    meta,
    body,
    filter,
    length: summary.wordCount,
    dateValue: summary.dateValue,
    live: true,
  };
}
