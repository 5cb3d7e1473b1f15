import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ListedPost } from '../../../shared/models.ts';
import { sortKeys } from '../../../shared/post-order.ts';
import { NO_FILTER, visiblePosts, type PostFilter, type SortKey } from './view.ts';

const SORT_KEY = 'folio.sort';

/** The order the writer last chose for the list (kept across starts). */
export function savedSort(): SortKey {
  const saved = localStorage.getItem(SORT_KEY);
  return sortKeys.find((key) => key === saved) ?? 'date';
}

export interface LibraryView {
  all: ListedPost[];
  /** How many posts the blog has: more than `all` while the list is partial. */
  total: number;
  /** Only the first posts have come (see `listFirstPosts`): filters and sort wait. */
  partial: boolean;
  /** Posts dated after this are *Scheduled* (null: the site builds future posts). */
  scheduleFrom: number | null;
  shown: ListedPost[];
  filter: PostFilter;
  sort: SortKey;
  setFilter(change: Partial<PostFilter>): void;
  clearFilter(): void;
  setSort(sort: SortKey): void;
}

/**
 * The list's filter and sort, kept above the sidebar tabs so switching tabs keeps them.
 * `total` is given while `posts` are only the first of the list.
 */
export function useLibraryView(
  posts: ListedPost[],
  futureScheduled = false,
  total: number | null = null,
): LibraryView {
  const [filter, setFilterState] = useState<PostFilter>(NO_FILTER);
  const [sort, setSortState] = useState<SortKey>(savedSort);
  // The time posts are compared with, moved on each minute: a post whose date passes while
  // the blog is open turns published within a minute.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!futureScheduled) return;
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [futureScheduled]);
  const scheduleFrom = futureScheduled ? now : null;
  const shown = useMemo(
    () => visiblePosts(posts, filter, sort, scheduleFrom),
    [posts, filter, sort, scheduleFrom],
  );
  const setFilter = useCallback(
    (change: Partial<PostFilter>) => setFilterState((old) => ({ ...old, ...change })),
    [],
  );
  const clearFilter = useCallback(() => setFilterState(NO_FILTER), []);
  const setSort = useCallback((next: SortKey) => {
    localStorage.setItem(SORT_KEY, next);
    setSortState(next);
  }, []);
  return {
    all: posts,
    total: total ?? posts.length,
    partial: total !== null && total > posts.length,
    scheduleFrom,
    shown,
    filter,
    sort,
    setFilter,
    clearFilter,
    setSort,
  };
}
