import { describe, expect, it } from 'vitest';
import {
  findPostsByTitle,
  fold,
  matchTitle,
  toRanges,
} from '../../electron/services/search/fuzzy-title.ts';

const posts = [
  { path: 'a.md', title: "A Rainy Weekend in Kyoto's Back Streets" },
  { path: 'b.md', title: 'Learning to Love a Fixed 35mm Lens' },
  { path: 'c.md', title: 'Three Days on the Lisbon Trams' },
  { path: 'd.md', title: 'Lens' },
  { path: 'e.md', title: 'Débouncing Without Tears' },
  { path: 'f.md', title: 'Why I Still Write Shell Scripts' },
];

const titles = (query: string) => findPostsByTitle(posts, query).map((m) => m.title);

describe('findPostsByTitle', () => {
  it('matches the letters in order, not necessarily together', () => {
    expect(titles('rwk')).toEqual(["A Rainy Weekend in Kyoto's Back Streets"]);
    expect(titles('lisbtr')).toEqual(['Three Days on the Lisbon Trams']);
    expect(titles('zzz')).toEqual([]);
  });

  it('ranks word starts and runs above scattered letters, and shorter titles on ties', () => {
    expect(titles('lens')[0]).toBe('Lens');
    expect(titles('lens')[1]).toBe('Learning to Love a Fixed 35mm Lens');
    // "wst" fits "Why I Still Write Shell Scripts" at three word starts.
    expect(titles('wss')[0]).toBe('Why I Still Write Shell Scripts');
  });

  it('ignores case, accents and blanks in the query', () => {
    expect(titles('DEBOUNC')).toEqual(['Débouncing Without Tears']);
    expect(titles('kyoto back')).toEqual(["A Rainy Weekend in Kyoto's Back Streets"]);
  });

  it('returns highlight ranges over the matched characters of the title', () => {
    const [match] = findPostsByTitle(posts, 'trams');
    expect(match!.highlights).toEqual([[25, 30]]);
    expect(match!.title.slice(25, 30)).toBe('Trams');
    const [scattered] = findPostsByTitle(posts, 'rwk');
    for (const [a, b] of scattered!.highlights) expect(b).toBeGreaterThan(a);
    expect(
      scattered!.highlights.map(([a, b]) => scattered!.title.slice(a, b).toLowerCase()).join(''),
    ).toBe('rwk');
  });

  it('prefers the first characters of words over letters inside them', () => {
    const match = matchTitle('fl', 'Fixed Lens')!;
    expect(match.positions).toEqual([0, 6]);
    expect(matchTitle('fl', 'Fxfl')!.positions).toEqual([0, 3]);
  });

  it('gives the first posts for an empty query and respects the limit', () => {
    expect(findPostsByTitle(posts, '   ', 2).map((m) => m.path)).toEqual(['a.md', 'b.md']);
    expect(findPostsByTitle(posts, 'e', 3)).toHaveLength(3);
  });

  it('keeps offsets valid when folding accents', () => {
    expect(fold('Débouncing')).toHaveLength('Débouncing'.length);
    expect(toRanges([0, 1, 2, 5, 7, 8])).toEqual([
      [0, 3],
      [5, 6],
      [7, 9],
    ]);
  });

  it('finds the matching titles among 10,000 (its speed is a bench entry, not a test)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      path: `p${i}.md`,
      title: `${posts[i % posts.length]!.title} number ${i}`,
    }));
    const found = findPostsByTitle(many, 'lisbon 42', 20);
    // A fuzzy match may skip letters (4…2 in "452"), but the contiguous one ranks first.
    expect(found[0]?.title).toMatch(/Lisbon.*42/);
    for (const hit of found) expect(hit.title).toMatch(/Lisbon.*4.*2/);
  });
});
