import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, updateFrontMatter } from '../../shared/frontmatter.ts';

const RUNS = Number(process.env.FOLIO_FUZZ_RUNS ?? 300);

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

  it('adds to a list spread over lines, keeping each item’s own line and its comment', () => {
    const edited = updateFrontMatter(post, { tags: ['travel', 'rail', 'sleeper', 'winter'] });
    const lines = edited.split('\n');
    expect(lines.slice(5, 11)).toEqual([
      'tags = [',
      '  "travel",   # the big one',
      "  'rail',",
      '  "sleeper",',
      '  "winter",',
      ']',
    ]);
    expect(edited.slice(edited.indexOf('series'))).toBe(post.slice(post.indexOf('series')));
  });

  const commented = [
    '+++',
    'title = "Winter light"',
    'tags = [ # kept short',
    '  # where the series began',
    '  "iceland",',
    '  # "draft-idea",',
    '',
    '  "photography"  # the camera posts',
    ']',
    'draft = true',
    '+++',
    'Body.',
    '',
  ].join('\n');
  const tagLines = (text: string): string[] => {
    const lines = text.split('\n');
    return lines.slice(2, lines.indexOf(']') + 1);
  };

  it('keeps the comment lines of a list when an item goes, moving them under the items that stay', () => {
    const edited = updateFrontMatter(commented, { tags: ['photography'] });
    expect(tagLines(edited)).toEqual([
      'tags = [ # kept short',
      '  # where the series began',
      '  # "draft-idea",',
      '',
      '  "photography"  # the camera posts',
      ']',
    ]);
    expect(parseFrontMatter(edited).data.tags).toEqual(['photography']);
  });

  it('adds an item after the last with a comma between, the other lines as they were', () => {
    const edited = updateFrontMatter(commented, { tags: ['iceland', 'photography', 'winter'] });
    expect(tagLines(edited)).toEqual([
      'tags = [ # kept short',
      '  # where the series began',
      '  "iceland",',
      '  # "draft-idea",',
      '',
      '  "photography",  # the camera posts',
      '  "winter"',
      ']',
    ]);
    expect(parseFrontMatter(edited).data.tags).toEqual(['iceland', 'photography', 'winter']);
    // Only the list changed: the lines around it are the same bytes.
    expect(edited.replace(tagLines(edited).join('\n'), '')).toBe(
      commented.replace(tagLines(commented).join('\n'), ''),
    );
  });

  it('keeps the comments of a list in a file with Windows line breaks', () => {
    const crlf = commented.replace(/\n/g, '\r\n');
    const edited = updateFrontMatter(crlf, { tags: ['iceland', 'photography', 'winter'] });
    expect(edited).toContain('  # "draft-idea",\r\n\r\n  "photography",  # the camera posts\r\n');
    expect(edited).toContain('  "winter"\r\n]\r\n');
    expect(edited.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes afresh a list with two items on a line, one item a line', () => {
    const paired = commented.replace('  "iceland",', '  "iceland", "norway",');
    const edited = updateFrontMatter(paired, { tags: ['iceland', 'norway', 'winter'] });
    expect(tagLines(edited)).toEqual([
      'tags = [',
      '  "iceland",',
      '  "norway",',
      '  "winter"',
      ']',
    ]);
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

  it('never loses a comment line of a list written an item a line, whatever is added or removed', () => {
    const tag = fc.stringMatching(/^[a-z][a-z -]{0,12}[a-z]$/);
    const row = fc.record({ tag, note: fc.boolean(), above: fc.nat({ max: 2 }) });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: 6, selector: (r) => r.tag }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.uniqueArray(tag, { maxLength: 3 }),
        fc.boolean(),
        (rows, keep, added, trailing) => {
          const lines = ['+++', 'title = "Lists"', 'tags = ['];
          rows.forEach((r, i) => {
            for (let k = 0; k < r.above; k++) lines.push(`  # above ${i}.${k}`);
            const comma = i < rows.length - 1 || trailing ? ',' : '';
            lines.push(`  "${r.tag}"${comma}${r.note ? `  # on ${i}` : ''}`);
          });
          lines.push(']', 'draft = false', '+++', 'Body.', '');
          const text = lines.join('\n');
          const staying = rows.filter((_, i) => keep[i]).map((r) => r.tag);
          const value = [...staying, ...added.filter((t) => !staying.includes(t))];
          const edited = updateFrontMatter(text, { tags: value });
          expect(parseFrontMatter(edited).data.tags).toEqual(value);
          for (const line of lines.filter((l) => l.startsWith('  # above'))) {
            expect(edited.split('\n')).toContain(line);
          }
          rows.forEach((r, i) => {
            if (keep[i] && r.note)
              expect(edited).toMatch(new RegExp(`\n  "${r.tag}",?  # on ${i}\n`));
          });
          expect(edited.slice(edited.indexOf(']'))).toBe(text.slice(text.indexOf(']')));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
