/**
 * One post as the health check reads it: its front matter as data and its facts (links,
 * images, references, headings). Runs in the health worker (facts-worker.ts) and, for small
 * blogs or when no worker can start, on the main thread: the same function either way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findFrontMatter } from '../../../shared/frontmatter.ts';
import { postFacts, type PostFacts } from '../../../shared/health/facts.ts';
import type { MarkdownFlavour } from '../../../shared/markdown/flavours.ts';
import { dialectOf } from '../../../shared/markdown/templates/readers.ts';
import { readFrontMatter } from '../library/post-entry.ts';

/** Front-matter fields that hold an image. */
const IMAGE_FIELDS = [
  'cover',
  'image',
  'thumbnail',
  'banner',
  'hero',
  'og_image',
  'featured_image',
];

export interface FactsRequest {
  root: string;
  paths: string[];
  /** The generator's template dialect (a `.mdx` file is read as MDX whatever it is). */
  dialect: string | undefined;
  flavour: MarkdownFlavour | null;
}

export interface ReadFacts {
  facts: PostFacts;
  /** The front matter, or null when it does not parse. */
  data: Record<string, unknown> | null;
}

/** Each path's facts, in order; null for a file that is gone (`kept`: see readOneKept). */
export function readFacts(request: FactsRequest, kept = false): Array<ReadFacts | null> {
  return request.paths.map((rel) => (kept ? readOneKept : readOne)(request, rel));
}

export function readOne(request: Omit<FactsRequest, 'paths'>, rel: string): ReadFacts | null {
  let text: string;
  try {
    text = readFileSync(path.join(request.root, rel), 'utf8');
  } catch {
    return null; // gone since it was listed: the library reports it
  }
  const block = findFrontMatter(text);
  const { data, error } = readFrontMatter(text, block);
  const imageFields = IMAGE_FIELDS.flatMap((field) =>
    typeof data[field] === 'string' ? [{ field, value: data[field] as string }] : [],
  );
  const facts = postFacts(text, block?.end ?? 0, {
    dialect: dialectOf(request.dialect, rel),
    flavour: request.flavour,
    imageFields,
  });
  return { facts, data: error ? null : data };
}

/**
 * A post's facts to keep on this thread (until the post changes), with every string that
 * was cut from the file's text copied: V8 keeps such a substring as a view of the whole text,
 * so the facts of the 10,000-post corpus held 210 MB of post texts alive (58 MB once copied).
 * A worker's reply is a copy already. Copying the strings in place took 75 ms for 6,000
 * posts where a structuredClone of the facts took 250.
 */
export function readOneKept(request: Omit<FactsRequest, 'paths'>, rel: string): ReadFacts | null {
  const read = readOne(request, rel);
  return read && ownStrings(read);
}

/** `value` with its strings copied in place (plain objects and arrays, as facts and YAML are). */
function ownStrings<T>(value: T): T {
  // Shorter strings are copied by V8 itself rather than kept as views.
  if (typeof value === 'string') return (value.length >= 13 ? ` ${value}`.slice(1) : value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = ownStrings(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = ownStrings(record[key]);
  }
  return value;
}
