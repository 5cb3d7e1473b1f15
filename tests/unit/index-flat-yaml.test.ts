import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseFlatYaml, resolvePlain } from '../../electron/services/library/flat-yaml.ts';

/** What shared/frontmatter.ts reads: the `yaml` package, YAML 1.2 core schema, unique keys. */
function reference(content: string): unknown {
  try {
    return parse(content, { uniqueKeys: true }) ?? {};
  } catch {
    return 'error';
  }
}

describe('parseFlatYaml', () => {
  it('reads the flat shapes blogs use, exactly as the yaml package does', () => {
    const content = [
      'title: "A \\"quoted\\" title"',
      "subtitle: 'it''s single'",
      'date: 2024-01-02 10:00:00 +0800',
      'plain: Hello, world; C# and a:b # this is a comment',
      'tags: [a, "b c", \'d\', 12, true]',
      'categories:',
      '  - Life',
      '  - Travel # comment',
      '# a full-line comment',
      '',
      'draft: false',
      'published: TRUE',
      'empty:',
      'nothing: ~',
      'count: 0o17',
      'hex: 0x1F',
      'float: 1.50',
      'exp: 1e3',
      'inf: .inf',
      'version: 1.2.3',
      'url: https://example.com/a#b',
      'list_at_zero:',
      '- one',
      '- "two"',
    ].join('\n');
    const flat = parseFlatYaml(content);
    expect(flat).not.toBeNull();
    expect(flat).toEqual(reference(content));
  });

  it.each([
    ['nested maps', 'params:\n  author: Sam\n'],
    ['block scalars', 'description: |\n  two\n  lines\n'],
    ['anchors', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['multi-line plain scalars', 'title: one\n  two\n'],
    ['multi-line quoted scalars', 'title: "one\n  two"\n'],
    ['other escapes', 'title: "tab\\there"\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['tabs', 'a:\t1\n'],
    ['negative numbers', 'a: -5\n'],
    ['a trailing comma', 'a: [x, y, ]\n'],
    ['nested lists', 'a: [[x], y]\n'],
    ['a key without a space', 'a:b\n'],
    ['quoted keys', '"a": 1\n'],
    ['a list item without its key', '- a\n'],
    ['mixed list indentation', 'a:\n  - x\n    - y\n'],
    ['text after a quoted value', 'a: "x" y\n'],
    ['flow maps', 'a: {b: 1}\n'],
  ])('declines %s (the full parser takes them)', (_, content) => {
    expect(parseFlatYaml(content)).toBeNull();
  });

  it('reads CRLF line ends like LF', () => {
    expect(parseFlatYaml('title: A\r\ntags:\r\n  - x\r\n')).toEqual({ title: 'A', tags: ['x'] });
  });

  it('resolves plain scalars with the core schema (dates stay strings)', () => {
    for (const text of [
      '2024-01-02',
      '1_000',
      '0b101',
      'yes',
      'on',
      '+12',
      '.5',
      '1.',
      '0o',
      'NaN',
    ]) {
      expect(resolvePlain(text)).toEqual(parse(`k: ${text}`).k);
    }
  });

  it('agrees with the yaml package on every input it accepts (generated)', () => {
    const atoms = [
      'a',
      'b c',
      'x:y',
      'C#',
      '#',
      ' #',
      ': ',
      '"',
      "'",
      "''",
      '\\',
      '\\"',
      '[',
      ']',
      ',',
      '{',
      '-',
      '- ',
      '~',
      'null',
      'true',
      'False',
      '12',
      '0x1f',
      '0o7',
      '1e5',
      '.inf',
      '-3',
      '+3',
      '2024-01-02',
      ' ',
      'é',
      '—',
      '\t',
      '&',
      '*',
      '!',
      '|',
      '>',
      '%',
      '@',
      '`',
      '?',
    ];
    const scalar = fc
      .array(fc.constantFrom(...atoms), { maxLength: 4 })
      .map((parts) => parts.join(''));
    const value = fc.oneof(
      scalar,
      scalar.map((s) => `"${s}"`),
      scalar.map((s) => `'${s}'`),
      fc.array(scalar, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
      fc
        .array(scalar, { maxLength: 3 })
        .map((items) => `[${items.map((i) => `"${i}"`).join(',')}]`),
    );
    const line = fc.oneof(
      fc
        .tuple(fc.constantFrom('title', 'tags', 'a_b', 'x-y', 'k1'), value)
        .map(([k, v]) => `${k}: ${v}`),
      fc
        .tuple(
          fc.constantFrom('list', 'cats'),
          fc.array(scalar, { minLength: 1, maxLength: 3 }),
          fc.constantFrom('', '  '),
        )
        .map(([k, items, indent]) => [`${k}:`, ...items.map((i) => `${indent}- ${i}`)].join('\n')),
      fc.constantFrom('# comment', '', '   ', 'key:'),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const content = lines.join('\n');
        const flat = parseFlatYaml(content);
        if (flat === null) return true;
        accepted++;
        expect(flat).toEqual(reference(content));
        return true;
      }),
      { numRuns: 3000 },
    );
    // The generator must exercise the reader, not only its refusals.
    expect(accepted).toBeGreaterThan(300);
  });
});
