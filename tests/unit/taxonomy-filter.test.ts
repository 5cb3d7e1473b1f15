import { describe, expect, it } from 'vitest';
import type { ListedPost } from '../../shared/models.ts';
import {
  countTerms,
  isScheduled,
  NO_FILTER,
  shortDate,
  visiblePosts,
  yearOf,
  yearsOf,
  type DraftFilter,
} from '../../renderer/features/library/view.ts';

function post(path: string, fields: Partial<ListedPost> = {}): ListedPost {
  return {
    path,
    title: path,
    date: null,
    dateValue: null,
    draft: false,
    tags: [],
    categories: [],
    wordCount: 0,
    mtimeMs: 0,
    size: 0,
    ...fields,
  };
}

const posts = [
  post('b.md', {
    title: 'Banana',
    date: '2024-03-01',
    dateValue: Date.UTC(2024, 2, 1),
    tags: ['fruit', 'yellow'],
    categories: ['Food'],
    mtimeMs: 10,
  }),
  post('a.md', {
    title: 'apple',
    date: '2023/7/13 20:46:25',
    dateValue: Date.UTC(2023, 6, 13),
    tags: ['fruit'],
    mtimeMs: 30,
  }),
  post('d.md', { title: 'Draft idea', draft: true, tags: ['yellow'], mtimeMs: 20 }),
  post('c.md', {
    title: 'Cherry 10',
    date: '2024-12-31T23:30:00-05:00',
    dateValue: Date.UTC(2025, 0, 1, 4, 30),
    categories: ['Food', 'Trees'],
    mtimeMs: 5,
  }),
];
const paths = (list: ListedPost[]) => list.map((p) => p.path);

describe('scheduled posts', () => {
  const now = Date.UTC(2026, 11, 7);
  const list = [
    post('future.md', { date: '2027-01-05', dateValue: Date.UTC(2027, 0, 5) }),
    post('future-draft.md', { date: '2027-02-01', dateValue: Date.UTC(2027, 1, 1), draft: true }),
    post('past.md', { date: '2026-01-05', dateValue: Date.UTC(2026, 0, 5) }),
  ];
  const only = (status: DraftFilter, from: number | null) =>
    paths(visiblePosts(list, { ...NO_FILTER, status }, 'date', from));

  it('are the future-dated posts that are no drafts, on a site that leaves them out', () => {
    expect(only('scheduled', now)).toEqual(['future.md']);
    expect(only('published', now)).toEqual(['past.md']);
    expect(only('drafts', now)).toEqual(['future-draft.md']);
    expect(isScheduled(list[0]!, now)).toBe(true);
  });

  it('are none on a site that builds future posts', () => {
    expect(only('scheduled', null)).toEqual([]);
    expect(only('published', null)).toEqual(['future.md', 'past.md']);
  });
});

describe('visiblePosts', () => {
  it('sorts by date (newest first, undated last), by title (case and numbers read naturally), by last change', () => {
    expect(paths(visiblePosts(posts, NO_FILTER, 'date'))).toEqual(['c.md', 'b.md', 'a.md', 'd.md']);
    expect(paths(visiblePosts(posts, NO_FILTER, 'title'))).toEqual([
      'a.md',
      'b.md',
      'c.md',
      'd.md',
    ]);
    expect(paths(visiblePosts(posts, NO_FILTER, 'updated'))).toEqual([
      'a.md',
      'd.md',
      'b.md',
      'c.md',
    ]);
  });

  it('filters by tag, category, status and year, all at once', () => {
    const only = (filter: Partial<typeof NO_FILTER>) =>
      paths(visiblePosts(posts, { ...NO_FILTER, ...filter }, 'date'));
    expect(only({ tag: 'yellow' })).toEqual(['b.md', 'd.md']);
    expect(only({ category: 'Food' })).toEqual(['c.md', 'b.md']);
    expect(only({ status: 'drafts' })).toEqual(['d.md']);
    expect(only({ status: 'published', tag: 'yellow' })).toEqual(['b.md']);
    // The year as written: the post dated 31 December 2024 in New York stays in 2024.
    expect(only({ year: '2024' })).toEqual(['c.md', 'b.md']);
    expect(only({ year: 'none' })).toEqual(['d.md']);
  });

  it('leaves the library’s own array alone', () => {
    const before = paths(posts);
    visiblePosts(posts, NO_FILTER, 'title');
    expect(paths(posts)).toEqual(before);
  });
});

describe('taxonomy counts', () => {
  it('counts each term’s posts, most used first, then by name', () => {
    expect(countTerms(posts, 'tags')).toEqual([
      { term: 'fruit', count: 2 },
      { term: 'yellow', count: 2 },
    ]);
    expect(countTerms(posts, 'categories')).toEqual([
      { term: 'Food', count: 2 },
      { term: 'Trees', count: 1 },
    ]);
  });

  it('lists the years newest first, with undated posts last', () => {
    expect(yearsOf(posts)).toEqual(['2024', '2023', 'none']);
    expect(yearOf(posts[1]!)).toBe('2023');
  });
});

describe('shortDate', () => {
  it('shows the written day, whatever the timezone, and anything unreadable as written', () => {
    expect(shortDate('2024-12-31T23:30:00-05:00')).toBe(
      new Intl.DateTimeFormat(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(Date.UTC(2024, 11, 31)),
    );
    expect(shortDate('2024-02-30')).toBe('2024-02-30');
    expect(shortDate('last spring')).toBe('last spring');
    expect(shortDate(null)).toBe('No date');
  });
});
