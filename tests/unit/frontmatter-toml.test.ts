import { describe, expect, it } from 'vitest';
import { parseFrontMatter, updateFrontMatter } from '../../shared/frontmatter.ts';

const post = [
  '+++',
  "title = 'Night trains of the north' # as it was pitched",
  'date = 2025-11-02T21:40:00+01:00',
  'lastmod = 2025-11-03',
  'draft = false',
  'tags = [',
  '  "travel",   # the big one',
  "  'rail',",
  '  "sleeper",',
  ']',
  'series = ["Europe by rail"]',
  '',
  '[params]',
  '  cover = "images/berth.jpg"',
  '  printed = 1979-05-27',
  '+++',
  '',
  'The body, which no edit touches.',
  '',
].join('\n');

describe('TOML front matter (Hugo), read and edited at its values’ exact places', () => {
  it('reads dates as the text written, at the top and in tables', () => {
    const { data, error } = parseFrontMatter(post);
    expect(error).toBeUndefined();
    expect(data).toMatchObject({
      title: 'Night trains of the north',
      date: '2025-11-02T21:40:00+01:00',
      lastmod: '2025-11-03',
      draft: false,
      tags: ['travel', 'rail', 'sleeper'],
      params: { cover: 'images/berth.jpg', printed: '1979-05-27' },
    });
  });

  it('changes only the edited value: its comment, the quotes of the others, the table and the body stay', () => {
    const edited = updateFrontMatter(post, { title: 'Night trains of the far north' });
    expect(edited).toBe(
      post.replace("'Night trains of the north'", "'Night trains of the far north'"),
    );
  });

  it('adds to a list spread over lines, keeping each item’s own text (a comment inside the list goes)', () => {
    const edited = updateFrontMatter(post, { tags: ['travel', 'rail', 'sleeper', 'winter'] });
    const lines = edited.split('\n');
    expect(lines.slice(5, 11)).toEqual([
      'tags = [',
      '  "travel",',
      "  'rail',",
      '  "sleeper",',
      '  "winter",',
      ']',
    ]);
    expect(edited.slice(edited.indexOf('series'))).toBe(post.slice(post.indexOf('series')));
  });

  it('puts a new key before the first table and removes a key with its line', () => {
    const added = updateFrontMatter(post, { summary: 'Sleepers, mostly.' });
    expect(added).toContain(
      'series = ["Europe by rail"]\nsummary = "Sleepers, mostly."\n\n[params]',
    );
    const removed = updateFrontMatter(post, { lastmod: undefined });
    expect(removed).toBe(post.replace('lastmod = 2025-11-03\n', ''));
  });

  it('says what is wrong and where, and refuses to edit a block that is not TOML', () => {
    const broken = post.replace('draft = false', 'draft = false\ntitle = "again"');
    const { error } = parseFrontMatter(broken);
    expect(error).toMatchObject({ line: 6, column: 1 });
    expect(error!.message).toMatch(/\S/);
    expect(() => updateFrontMatter(broken, { draft: true })).toThrow();
    // A string left open on the file's fourth line: the error points into that line.
    const open = post.replace('lastmod = 2025-11-03', 'lastmod = "2025-11-03');
    expect(parseFrontMatter(open).error).toMatchObject({ line: 4 });
    expect(parseFrontMatter(open).error!.column).toBeGreaterThan(10);
  });
});
