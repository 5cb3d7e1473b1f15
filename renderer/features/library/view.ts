/**
 * What the post list shows: the library's posts filtered and sorted, and the counts the
 * filter bar and the taxonomy panel offer. Pure functions over the summaries the main
 * process sends, so they are tested without a DOM and stay cheap at 10,000 posts.
 */
import type { ListedPost, TaxonomyKind } from '../../../shared/models.ts';
import { collator, postOrders, type SortKey } from '../../../shared/post-order.ts';
import { POSTS_KIND } from '../../../shared/schema.ts';

export type { SortKey };

export type DraftFilter = 'all' | 'drafts' | 'published' | 'scheduled' | 'expired' | 'sections';

export interface PostFilter {
  tag: string | null;
  category: string | null;
  status: DraftFilter;
  /** A year as written in the date (`2024`), `none` for undated posts, null for all. */
  year: string | null;
  /** A collection's name, `posts` for what is in none, null for all. */
  kind: string | null;
}

export const NO_FILTER: PostFilter = {
  tag: null,
  category: null,
  status: 'all',
  year: null,
  kind: null,
};

/** Each kind (posts first, then the collections by name) with how many entries it has. */
export function kindsOf(posts: readonly ListedPost[]): TermCount[] {
  const counts = new Map<string, number>();
  for (const post of posts) {
    const kind = post.collection ?? POSTS_KIND;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) =>
      a.term === POSTS_KIND ? -1 : b.term === POSTS_KIND ? 1 : a.term.localeCompare(b.term),
    );
}

export const isFiltered = (filter: PostFilter): boolean =>
  filter.kind !== null ||
  filter.tag !== null ||
  filter.category !== null ||
  filter.status !== 'all' ||
  filter.year !== null;

/** The year the writer wrote (`2024-…`, Hexo's `2024/7/13`); timezones never move it. */
export function yearOf(post: ListedPost): string | null {
  return post.date ? (/^\s*(\d{4})\b/.exec(post.date)?.[1] ?? null) : null;
}

/**
 * Whether a post waits for its date: not a draft, dated after `now`, on a site that leaves
 * such posts out until then (`now` is null on sites that build them).
 */
export const isScheduled = (post: ListedPost, now: number | null): boolean => {
  // Hugo's `publishDate`, when set, is when it goes live; else its date.
  const from = post.publishValue ?? post.dateValue;
  return now !== null && !post.draft && from !== null && from > now;
};

/** Past its `expiryDate` (Hugo) on a site that leaves such posts out (`now` as above). */
export const isExpired = (post: ListedPost, now: number | null): boolean =>
  now !== null && post.expiryValue !== undefined && post.expiryValue <= now;

export function matches(post: ListedPost, filter: PostFilter, now: number | null = null): boolean {
  if (filter.status === 'drafts' && !post.draft) return false;
  if (
    filter.status === 'published' &&
    (post.draft || isScheduled(post, now) || isExpired(post, now) || post.section)
  )
    return false;
  if (filter.status === 'scheduled' && !isScheduled(post, now)) return false;
  if (filter.status === 'expired' && !isExpired(post, now)) return false;
  if (filter.status === 'sections' && !post.section) return false;
  if (filter.kind !== null && (post.collection ?? POSTS_KIND) !== filter.kind) return false;
  if (filter.tag !== null && !post.tags.includes(filter.tag)) return false;
  if (filter.category !== null && !post.categories.includes(filter.category)) return false;
  if (filter.year !== null && (yearOf(post) ?? 'none') !== filter.year) return false;
  return true;
}

/**
 * The posts the list shows, in order. The main process sends them newest first, so the
 * default sort is a single pass over already-sorted input.
 */
export function visiblePosts(
  posts: readonly ListedPost[],
  filter: PostFilter,
  sort: SortKey,
  now: number | null = null,
): ListedPost[] {
  const shown = isFiltered(filter) ? posts.filter((p) => matches(p, filter, now)) : posts.slice();
  return shown.sort(postOrders[sort]);
}

export interface TermCount {
  term: string;
  count: number;
}

/** Every tag (or category) with the number of posts holding it: most used first, then by name. */
export function countTerms(posts: readonly ListedPost[], kind: TaxonomyKind): TermCount[] {
  const counts = new Map<string, number>();
  for (const post of posts) {
    for (const term of kind === 'tags' ? post.tags : post.categories) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.term, b.term));
}

/** The years posts were written in, newest first, `none` last when some posts have no date. */
export function yearsOf(posts: readonly ListedPost[]): string[] {
  const years = new Set<string>();
  let undated = false;
  for (const post of posts) {
    const year = yearOf(post);
    if (year) years.add(year);
    else undated = true;
  }
  const sorted = [...years].sort((a, b) => b.localeCompare(a));
  return undated ? [...sorted, 'none'] : sorted;
}

const monthFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** The day the writer wrote, in the reader's words (`Jun 2, 2025`); never shifted by a timezone. */
export function shortDate(date: string | null): string {
  if (!date) return 'No date';
  const parts = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(date);
  if (!parts) return date;
  const [, y, m, d] = parts.map(Number) as [number, number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return Number.isNaN(day.getTime()) || day.getUTCDate() !== d ? date : monthFormat.format(day);
}
