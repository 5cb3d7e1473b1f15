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
 * A post's facts to keep on this thread (until the post changes): a copy, as the substrings
 * they were cut from the text with would keep each post's whole text alive (the 10,000-post
 * corpus: 210 MB of facts, 58 MB copied). A worker's reply is such a copy already.
 */
export function readOneKept(request: Omit<FactsRequest, 'paths'>, rel: string): ReadFacts | null {
  const read = readOne(request, rel);
  return read && structuredClone(read);
}
