import { useMemo } from 'react';
import type { LibraryView } from './useLibraryView.ts';
import {
  countTerms,
  isFiltered,
  kindsOf,
  yearsOf,
  type DraftFilter,
  type SortKey,
} from './view.ts';

const ANY = '';

/** `pages` → `page` for a count of one (kinds are named in the plural, as Jekyll's are). */
const singular = (term: string) => (term.endsWith('s') ? term.slice(0, -1) : term);

/**
 * Filter and sort the list: status and year on one row, tag and category on the next, then
 * how many posts show and the sort. Compact native selects: keyboard and screen-reader friendly.
 */
export function FilterBar({ view }: { view: LibraryView }) {
  const { all, total, shown, filter, sort, setFilter, setSort, clearFilter } = view;
  const years = useMemo(() => yearsOf(all), [all]);
  const tags = useMemo(() => countTerms(all, 'tags'), [all]);
  const categories = useMemo(() => countTerms(all, 'categories'), [all]);
  const filtered = isFiltered(filter);
  const kinds = useMemo(() => kindsOf(all), [all]);
  const hasExpiry = useMemo(() => all.some((p) => p.expiryValue !== undefined), [all]);
  const hasSections = useMemo(() => all.some((p) => p.section), [all]);
  return (
    // Until the whole list has come, its counts and choices would be those of its first posts.
    <fieldset className="filter-bar" aria-label="Sort and filter posts" disabled={view.partial}>
      {kinds.length > 1 ? (
        // A site with collections (Jekyll's `_docs`, Astro's): which kind the list shows.
        <div className="filter-row">
          <select
            aria-label="Kind"
            value={filter.kind ?? ANY}
            onChange={(e) => setFilter({ kind: e.target.value || null })}
          >
            <option value={ANY}>
              {kinds
                .map(
                  ({ term, count }) =>
                    `${count.toLocaleString()} ${count === 1 ? singular(term) : term}`,
                )
                .join(', ')}
            </option>
            {kinds.map(({ term, count }) => (
              <option key={term} value={term}>
                {`${term[0]!.toUpperCase()}${term.slice(1)} (${count.toLocaleString()})`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="filter-row">
        <select
          aria-label="Status"
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value as DraftFilter })}
        >
          <option value="all">All posts</option>
          <option value="drafts">Drafts</option>
          <option value="published">Published</option>
          {view.scheduleFrom !== null ? <option value="scheduled">Scheduled</option> : null}
          {view.scheduleFrom !== null && hasExpiry ? (
            <option value="expired">Expired</option>
          ) : null}
          {hasSections ? <option value="sections">Section pages</option> : null}
        </select>
        <select
          aria-label="Year"
          value={filter.year ?? ANY}
          onChange={(e) => setFilter({ year: e.target.value || null })}
        >
          <option value={ANY}>Any year</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y === 'none' ? 'No date' : y}
            </option>
          ))}
        </select>
      </div>
      {tags.length || categories.length ? (
        <div className="filter-row">
          <select
            aria-label="Tag"
            value={filter.tag ?? ANY}
            onChange={(e) => setFilter({ tag: e.target.value || null })}
            disabled={!tags.length}
          >
            <option value={ANY}>Any tag</option>
            {tags.map(({ term, count }) => (
              <option key={term} value={term}>
                {`#${term} (${count})`}
              </option>
            ))}
          </select>
          <select
            aria-label="Category"
            value={filter.category ?? ANY}
            onChange={(e) => setFilter({ category: e.target.value || null })}
            disabled={!categories.length}
          >
            <option value={ANY}>Any category</option>
            {categories.map(({ term, count }) => (
              <option key={term} value={term}>
                {`${term} (${count})`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="filter-count" aria-live="polite">
        <span data-testid="post-count">
          {filtered
            ? `${shown.length.toLocaleString()} of ${total.toLocaleString()} posts`
            : `${total.toLocaleString()} ${total === 1 ? 'post' : 'posts'}`}
        </span>
        {filtered ? (
          <button type="button" className="link" onClick={clearFilter} title="Show every post">
            Clear
          </button>
        ) : null}
        <select
          className="sort-select"
          aria-label="Sort by"
          title="Sort by"
          value={sort}
          onChange={(e) => setSort(e.target.value as SortKey)}
        >
          <option value="date">Newest first</option>
          <option value="title">By title</option>
          <option value="updated">Recently changed</option>
        </select>
      </div>
    </fieldset>
  );
}
