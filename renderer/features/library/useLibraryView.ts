import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ListedPost } from '../../../shared/models.ts';
import { NO_FILTER, visiblePosts, type PostFilter, type SortKey } from './view.ts';

const SORT_KEY = 'folio.sort';
const sorts: SortKey[] = ['date', 'title', 'updated'];

export interface LibraryView {
  all: ListedPost[];
  /** Posts dated after this are *Scheduled* (null: the site builds future posts). */
  scheduleFrom: number | null;
  shown: ListedPost[];
  filter: PostFilter;
  sort: SortKey;
  setFilter(change: Partial<PostFilter>): void;
  clearFilter(): void;
  setSort(sort: SortKey): void;
}

/** The list's filter and sort, kept above the sidebar tabs so switching tabs keeps them. */
export function useLibraryView(posts: ListedPost[], futureScheduled = false): LibraryView {
  const [filter, setFilterState] = useState<PostFilter>(NO_FILTER);
  const [sort, setSortState] = useState<SortKey>(() => {
    const saved = localStorage.getItem(SORT_KEY) as SortKey | null;
    return saved && sorts.includes(saved) ? saved : 'date';
  });
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
  return { all: posts, scheduleFrom, shown, filter, sort, setFilter, clearFilter, setSort };
}
