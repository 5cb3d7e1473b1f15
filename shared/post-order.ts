/**
 * The orders the post list offers. The main process keeps its list in the first (newest
 * first) and hands out the head of any of them before the whole list (`listFirstPosts`), so
 * both sides sort with these.
 */
import type { ListedPost } from './models.ts';

export const sortKeys = ['date', 'title', 'updated'] as const;
export type SortKey = (typeof sortKeys)[number];

/** How the list compares names: case and accents aside, numbers by value (`Part 2` < `Part 10`). */
export const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byPath = (a: ListedPost, b: ListedPost) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export const postOrders: Record<SortKey, (a: ListedPost, b: ListedPost) => number> = {
  // Newest first; undated posts last, by title; then by path, so the order is total.
  date: (a, b) =>
    (b.dateValue ?? -Infinity) - (a.dateValue ?? -Infinity) ||
    collator.compare(a.title, b.title) ||
    byPath(a, b),
  title: (a, b) => collator.compare(a.title, b.title) || byPath(a, b),
  // Most recently changed file first.
  updated: (a, b) => b.mtimeMs - a.mtimeMs || byPath(a, b),
};

/**
 * The first `count` items of `items` in `order`, without sorting them all: at 10,000 posts a
 * full sort by title is ~150,000 collator compares, this is about one per post.
 */
export function firstInOrder<T>(
  items: readonly T[],
  count: number,
  order: (a: T, b: T) => number,
): T[] {
  const head: T[] = [];
  for (const item of items) {
    if (head.length === count && order(item, head[count - 1]!) >= 0) continue;
    let lo = 0;
    let hi = head.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(head[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    head.splice(lo, 0, item);
    if (head.length > count) head.pop();
  }
  return head;
}
