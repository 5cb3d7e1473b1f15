import { useMemo, useState } from 'react';
import type { ListedPost, TaxonomyKind } from '../../../shared/models.ts';
import { countTerms, type TermCount } from './view.ts';

interface Props {
  posts: ListedPost[];
  /** The term the list is filtered by now, per kind (highlighted). */
  active: { tags: string | null; categories: string | null };
  onFilter(kind: TaxonomyKind, term: string): void;
  onRename(kind: TaxonomyKind, term: string): void;
}

const LABELS: Record<TaxonomyKind, { title: string; one: string }> = {
  tags: { title: 'Tags', one: 'tag' },
  categories: { title: 'Categories', one: 'category' },
};

function TermSection({
  kind,
  terms,
  active,
  onFilter,
  onRename,
}: {
  kind: TaxonomyKind;
  terms: TermCount[];
  active: string | null;
  onFilter(kind: TaxonomyKind, term: string): void;
  onRename(kind: TaxonomyKind, term: string): void;
}) {
  const { title, one } = LABELS[kind];
  return (
    <section className="taxonomy-section" aria-label={title}>
      <h3>
        {title} <span className="count">{terms.length}</span>
      </h3>
      {terms.length ? (
        <ul>
          {terms.map(({ term, count }) => (
            <li key={term} className={term === active ? 'active' : undefined}>
              <button
                type="button"
                className="term"
                aria-pressed={term === active}
                title={`Show the ${count} post${count === 1 ? '' : 's'} with this ${one}`}
                onClick={() => onFilter(kind, term)}
              >
                <span className="term-name">{kind === 'tags' ? `#${term}` : term}</span>
                <span className="term-count">{count}</span>
              </button>
              <button
                type="button"
                className="term-rename"
                aria-label={`Rename or merge the ${one} “${term}”`}
                title="Rename or merge…"
                onClick={() => onRename(kind, term)}
              >
                ✎
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="taxonomy-empty">No {title.toLowerCase()} yet.</p>
      )}
    </section>
  );
}

/** Every tag and category with how many posts use it; click to filter, ✎ to rename or merge. */
export function TaxonomyPanel({ posts, active, onFilter, onRename }: Props) {
  const [query, setQuery] = useState('');
  const tags = useMemo(() => countTerms(posts, 'tags'), [posts]);
  const categories = useMemo(() => countTerms(posts, 'categories'), [posts]);
  const needle = query.trim().toLowerCase();
  const keep = (terms: TermCount[]) =>
    needle ? terms.filter((t) => t.term.toLowerCase().includes(needle)) : terms;
  return (
    <div className="taxonomy-panel">
      <input
        type="search"
        className="taxonomy-search"
        placeholder="Find a tag or category"
        aria-label="Find a tag or category"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="taxonomy-scroll">
        <TermSection
          kind="categories"
          terms={keep(categories)}
          active={active.categories}
          onFilter={onFilter}
          onRename={onRename}
        />
        <TermSection
          kind="tags"
          terms={keep(tags)}
          active={active.tags}
          onFilter={onFilter}
          onRename={onRename}
        />
      </div>
    </div>
  );
}
