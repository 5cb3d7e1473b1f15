import { useCallback, useMemo, useState } from 'react';
import type { PostSummary } from '../../../shared/models.ts';
import { NO_FILTER, visiblePosts, type PostFilter, type SortKey } from './view.ts';

const SORT_KEY = 'folio.sort';
const sorts: SortKey[] = ['date', 'title', 'updated'];

export interface LibraryView {
  all: PostSummary[];
  shown: PostSummary[];
  filter: PostFilter;
  sort: SortKey;
  setFilter(change: Partial<PostFilter>): void;
  clearFilter(): void;
  setSort(sort: SortKey): void;
}

/** The list's filter and sort, kept above the sidebar tabs so switching tabs keeps them. */
export function useLibraryView(posts: PostSummary[]): LibraryView {
  const [filter, setFilterState] = useState<PostFilter>(NO_FILTER);
  const [sort, setSortState] = useState<SortKey>(() => {
    const saved = localStorage.getItem(SORT_KEY) as SortKey | null;
    return saved && sorts.includes(saved) ? saved : 'date';
  });
  const shown = useMemo(() => visiblePosts(posts, filter, sort), [posts, filter, sort]);
  const setFilter = useCallback(
    (change: Partial<PostFilter>) => setFilterState((old) => ({ ...old, ...change })),
    [],
  );
  const clearFilter = useCallback(() => setFilterState(NO_FILTER), []);
  const setSort = useCallback((next: SortKey) => {
    localStorage.setItem(SORT_KEY, next);
    setSortState(next);
  }, []);
  return { all: posts, shown, filter, sort, setFilter, clearFilter, setSort };
}
