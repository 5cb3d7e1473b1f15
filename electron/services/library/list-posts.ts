import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dateSortValue } from '../../../shared/dates.ts';
import { parseFrontMatter } from '../../../shared/frontmatter.ts';
import { firstHeading } from '../../../shared/markdown.ts';
import type { PostSummary } from '../../../shared/models.ts';
import { emptyObservations, observe, type FieldObservations } from '../../../shared/schema.ts';
import type { BlogLayout } from './detect-blog.ts';

const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '.git',
  'public',
  'dist',
  '_site',
  'resources',
  '.folio',
]);
const MARKDOWN = /\.(md|markdown|mdx)$/i;

function walk(root: string, folder: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(path.join(root, folder), { withFileTypes: true });
  } catch {
    return; // unreadable or missing folders are skipped; the library issue reports them
  }
  for (const entry of entries) {
    const rel = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(root, rel, out);
    } else if (entry.isFile() && MARKDOWN.test(entry.name)) {
      out.push(rel);
    }
  }
}

function asString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

export function summarize(relativePath: string, text: string, inDraftFolder: boolean): PostSummary {
  return summarizeParsed(relativePath, parseFrontMatter(text), inDraftFolder);
}

function summarizeParsed(
  relativePath: string,
  { data, body }: { data: Record<string, unknown>; body: string },
  inDraftFolder: boolean,
): PostSummary {
  const date = asString(data.date);
  const title =
    asString(data.title) ??
    firstHeading(body) ??
    path.posix.basename(relativePath).replace(MARKDOWN, '');
  return {
    path: relativePath,
    title,
    date,
    dateValue: dateSortValue(date),
    draft: inDraftFolder || data.draft === true || data.published === false,
  };
}

export function isInDraftFolder(layout: BlogLayout, relativePath: string): boolean {
  return layout.draftFolders.some((d) => relativePath.startsWith(`${d}/`));
}

export interface PostIndex {
  posts: PostSummary[];
  /** What the front matter of the posts holds, for the inferred schema and suggestions. */
  fields: FieldObservations;
}

/** Every post of the blog, newest first (undated posts last, by title). */
export function indexPosts(root: string, layout: BlogLayout): PostIndex {
  const files: string[] = [];
  for (const folder of layout.postFolders) walk(root, folder, files);
  const posts: PostSummary[] = [];
  const fields = emptyObservations();
  for (const rel of files) {
    let text: string;
    try {
      text = readFileSync(path.join(root, rel), 'utf8');
    } catch {
      continue;
    }
    const parsed = parseFrontMatter(text);
    if (!parsed.error) observe(fields, parsed.data);
    posts.push(summarizeParsed(rel, parsed, isInDraftFolder(layout, rel)));
  }
  posts.sort(
    (a, b) =>
      (b.dateValue ?? -Infinity) - (a.dateValue ?? -Infinity) || a.title.localeCompare(b.title),
  );
  return { posts, fields };
}

export function listPosts(root: string, layout: BlogLayout): PostSummary[] {
  return indexPosts(root, layout).posts;
}
