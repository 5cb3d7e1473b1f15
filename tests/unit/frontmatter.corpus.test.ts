/**
 * Real-world front-matter shapes (tests/fixtures/frontmatter, one per generator): every
 * form edit is a one-region diff, everything else reads back equal, the body never moves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, updateFrontMatter } from '../../shared/frontmatter.ts';

const folder = new URL('../fixtures/frontmatter/', import.meta.url);
const fixtures = readdirSync(folder).filter((f) => f.endsWith('.md'));
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');

/** The lines removed and added, assuming one changed region (what a field edit makes). */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

const expectedFormat: Record<string, string> = {
  'hugo-toml.md': 'toml',
  'hugo-json.md': 'json',
  'hexo-json.md': 'json',
};

describe.each(fixtures)('%s', (name) => {
  const source = read(name);
  const parsed = parseFrontMatter(source);

  it('parses without error, in the right format', () => {
    expect(parsed.error).toBeUndefined();
    expect(parsed.format).toBe(expectedFormat[name] ?? 'yaml');
    expect(Object.keys(parsed.data).length).toBeGreaterThanOrEqual(2);
  });

  it('changes one line for each one-line field edit, and nothing else', () => {
    for (const [key, value] of Object.entries(parsed.data)) {
      if (typeof value !== 'string' || value.includes('\n')) continue;
      const after = updateFrontMatter(source, { [key]: 'Edited by Folio' });
      const diff = lineDiff(source, after);
      // A folded block scalar (`key: >-`) spans lines of its own; it becomes one line.
      const blockScalar = new RegExp(`^${key}:\\s*[>|]`, 'm').test(source);
      if (!blockScalar) expect(diff.removed, key).toHaveLength(1);
      expect(diff.removed[0], key).toContain(key);
      expect(diff.added, key).toHaveLength(1);
      const back = parseFrontMatter(after);
      expect(back.data[key]).toBe('Edited by Folio');
      expect({ ...back.data, [key]: value }).toEqual(parsed.data);
      expect(back.body).toBe(parsed.body);
    }
  });

  it('adds a list item as one added line (block lists) or one changed line (inline lists)', () => {
    for (const [key, value] of Object.entries(parsed.data)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) continue;
      const after = updateFrontMatter(source, { [key]: [...value, 'added item'] });
      const diff = lineDiff(source, after);
      expect(diff.added, key).toHaveLength(1);
      expect(diff.removed.length, key).toBeLessThanOrEqual(1);
      expect(parseFrontMatter(after).data[key]).toEqual([...value, 'added item']);
      expect(parseFrontMatter(after).body).toBe(parsed.body);
    }
  });

  it('adds a new key as one line and deletes it back to the original bytes', () => {
    const added = updateFrontMatter(source, { folio_new: 'yes' });
    const diff = lineDiff(source, added);
    if (parsed.format === 'json') {
      // JSON needs a comma after what was the last property: that line gains one character.
      expect(diff.removed).toHaveLength(1);
      expect(diff.added).toEqual([`${diff.removed[0]},`, expect.stringContaining('folio_new')]);
    } else {
      expect(diff).toEqual({ removed: [], added: [expect.stringContaining('folio_new')] });
    }
    expect(updateFrontMatter(added, { folio_new: undefined })).toBe(source);
  });
});

describe('shapes that peers rewrite', () => {
  it('keeps comments, blank lines and key order when editing one field', () => {
    const source = read('vuepress-hope.md');
    const after = updateFrontMatter(source, { order: 4 });
    expect(lineDiff(source, after)).toEqual({ removed: ['order: 3'], added: ['order: 4'] });
  });

  it('writes a Date in the field’s own layout: Hexo slashes, Jekyll offsets, date-only', () => {
    const instant = new Date(Date.UTC(2024, 4, 6, 7, 8, 9));
    const hexo = updateFrontMatter(read('jekyll.md'), { date: instant });
    expect(lineDiff(read('jekyll.md'), hexo).added).toEqual(['date:   2024-05-06 08:08:09 +0100']);
    const toml = updateFrontMatter(read('hugo-toml.md'), { date: instant });
    expect(lineDiff(read('hugo-toml.md'), toml).added).toEqual([
      'date = 2024-05-06T03:08:09-04:00',
    ]);
    const local = new Date(2024, 4, 6, 7, 8, 9);
    const slashes = updateFrontMatter(read('hexo.md'), { date: local });
    expect(lineDiff(read('hexo.md'), slashes).added).toEqual(['date: 2024/5/6 07:08:09']);
    const dateOnly = updateFrontMatter(read('eleventy.md'), { date: local });
    expect(lineDiff(read('eleventy.md'), dateOnly).added).toEqual(['date: 2024-05-06']);
  });

  it('keeps CRLF, the BOM and a missing final newline', () => {
    const source = read('crlf-bom.md');
    const after = updateFrontMatter(source, { title: 'Still CRLF', tags: ['windows', 'bom'] });
    expect(after).toBe(
      '\uFEFF---\r\ntitle: "Still CRLF"\r\ndate: 2024-03-04\r\ntags:\r\n  - windows\r\n  - bom\r\n---\r\nLine one\r\nLine two',
    );
  });

  it('quotes strings YAML would read as another type, and never folds long ones', () => {
    const source = read('eleventy.md');
    const long = 'word '.repeat(60).trim();
    const after = updateFrontMatter(source, { title: '2024', description: long, layout: 'a: b' });
    const data = parseFrontMatter(after).data;
    expect(data.title).toBe('2024');
    expect(data.layout).toBe('a: b');
    expect(data.description).toBe(long);
    const before = source.split('\n');
    const changed = after.split('\n').filter((line, i) => line !== before[i]);
    expect(changed).toHaveLength(3);
    expect(after.split('\n')).toHaveLength(before.length);
  });

  it('keeps anchors and aliases working when a neighbour changes', () => {
    const source = read('anchors-multiline.md');
    const after = updateFrontMatter(source, { title: 'New title' });
    expect(parseFrontMatter(after).data.post).toEqual({ layout: 'post', comments: true });
    expect(after).toContain('defaults: &defaults');
  });

  it('refuses front matter whose alias sits inside its own anchor (it would never end); shared aliases stay fine', () => {
    for (const source of [
      '---\ntitle: Loop\nnode: &x\n  child: *x\n---\nbody\n',
      '---\nlist: &l [1, [2, *l]]\n---\n',
    ]) {
      expect(parseFrontMatter(source).error?.message).toMatch(/inside its own anchor/);
    }
    // It points at the alias, where the writer mends it.
    expect(parseFrontMatter('---\ntitle: Loop\nnode: &x\n  child: *x\n---\n').error).toMatchObject({
      line: 4,
      column: 10,
    });
    const shared = '---\nbase: &b {a: 1}\none: *b\ntwo: [*b, *b]\n---\n';
    expect(parseFrontMatter(shared).error).toBeUndefined();
    expect(parseFrontMatter(shared).data.two).toEqual([{ a: 1 }, { a: 1 }]);
  });

  it('gives a file without front matter a new YAML block and keeps its body', () => {
    expect(updateFrontMatter('Just text.\r\n', { title: 'New' })).toBe(
      '---\r\ntitle: New\r\n---\r\nJust text.\r\n',
    );
  });

  it('refuses to edit malformed front matter and reports the line', () => {
    const source = '---\ntitle: ok\ntags: [a, b\n---\nbody\n';
    expect(parseFrontMatter(source).error?.line).toBeGreaterThanOrEqual(3);
    expect(() => updateFrontMatter(source, { title: 'x' })).toThrow(
      expect.objectContaining({ code: 'FRONT_MATTER' }),
    );
  });

  it('names the line where a quote left open starts, and where the parser gave up', () => {
    const source =
      '---\nlayout: post\ntitle: "hexo 8.1.0 Released\ndate: 2024-01-01\ntags:\n  - a\n---\nBody\n';
    expect(parseFrontMatter(source).error).toEqual({
      message:
        'Missing closing quote: the value that starts here is never closed (the parser gave up on line 7)',
      line: 3,
      column: 1,
    });
    // An escaped quote, a doubled single quote and a closed multi-line value are not open.
    expect(
      parseFrontMatter('---\na: "x \\" y"\nb: \'it\'\'s\'\nc: "two\n  lines"\nd: "open\n---\n')
        .error?.line,
    ).toBe(6);
  });

  it('leaves front matter over 64 KB to the text, and finds duplicates in one pass', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `key${i}: value ${i}`);
    const huge = `---\n${keys(100_000).join('\n')}\n---\nbody\n`;
    expect(parseFrontMatter(huge).error).toEqual({
      message: 'It is 2127 KB, more than the form reads (64 KB): edit it in the text',
      line: 2,
      column: 1,
    });
    expect(() => updateFrontMatter(huge, { title: 'x' })).toThrow(/too large for the form/);
    const big = `---\n${keys(3_000).join('\n')}\nkey17: again\n---\n`;
    expect(parseFrontMatter(big).error).toEqual({
      message: 'Map keys must be unique',
      line: 3_002,
      column: 1,
    });
    expect(() => updateFrontMatter(big, { key1: 'x' })).toThrow(/unique/);
  });

  it('reports a duplicate key with its line', () => {
    const error = parseFrontMatter('---\ntitle: a\ndate: 2024-01-01\ntitle: b\n---\n').error;
    expect(error).toEqual({ message: 'Map keys must be unique', line: 4, column: 1 });
  });
});
