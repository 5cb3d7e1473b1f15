/**
 * Properties of the lossless front-matter editor over generated files: updating one key
 * reads back the new value, leaves every other key deep-equal, leaves the body identical,
 * and changes no line outside that key's own lines. `npm run fuzz` runs 10x more cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, updateFrontMatter } from '../../shared/frontmatter.ts';

const RUNS = Number(process.env.FOLIO_FUZZ_RUNS ?? 1000);

type Value = string | number | boolean | string[];
interface Field {
  key: string;
  value: Value;
  listStyle: 'block' | 'flow';
  quote: 'plain' | 'double' | 'single';
  comment: boolean;
}

const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.stringMatching(/^[A-Za-z][A-Za-z ,.:'!?#-]{0,40}$/),
  fc.constantFrom(
    '2024',
    'true',
    'null',
    'a: b',
    '- x',
    '# hash',
    '"quoted"',
    "it's",
    '[x]',
    '{y}',
    '*star',
    '&amp',
    ' lead',
    'trail ',
    'é ü 日本',
    '@at',
    '`tick`',
    '%pct',
    '2024-01-02',
  ),
);
const value: fc.Arbitrary<Value> = fc.oneof(
  text,
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.array(text, { minLength: 1, maxLength: 5 }),
);
const field: fc.Arbitrary<Field> = fc.record({
  key,
  value,
  listStyle: fc.constantFrom('block', 'flow'),
  quote: fc.constantFrom('plain', 'double', 'single'),
  comment: fc.boolean(),
});

function scalar(v: string | number | boolean, quote: Field['quote'], flow: boolean): string {
  if (typeof v !== 'string') return String(v);
  const plainOk =
    /^[A-Za-z][A-Za-z ]*[A-Za-z]$|^[A-Za-z]$/.test(v) &&
    !/^(true|false|null|yes|no|on|off|y|n)$/i.test(v);
  // Single quotes carry printable text only; anything else needs double-quoted escapes.
  const printable = [...v].every(
    (ch) => ch >= ' ' && ch !== '\u007f' && !/[\u0080-\u009f\u2028\u2029\ufeff]/.test(ch),
  );
  if (quote === 'single' && printable) return `'${v.replace(/'/g, "''")}'`;
  if (quote === 'plain' && plainOk && !(flow && /[,[\]{}]/.test(v))) return v;
  return JSON.stringify(v);
}

function renderField(f: Field, eol: string): string {
  const comment = f.comment ? `  # note about ${f.key}` : '';
  if (Array.isArray(f.value)) {
    if (f.listStyle === 'flow')
      return `${f.key}: [${f.value.map((v) => scalar(v, f.quote, true)).join(', ')}]${comment}${eol}`;
    return `${f.key}:${comment}${eol}${f.value.map((v) => `  - ${scalar(v, f.quote, false)}${eol}`).join('')}`;
  }
  return `${f.key}: ${scalar(f.value, f.quote, false)}${comment}${eol}`;
}

const file = fc
  .record({
    fields: fc.uniqueArray(field, { minLength: 1, maxLength: 8, selector: (f) => f.key }),
    body: fc.string({ maxLength: 200 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    leadingComment: fc.boolean(),
  })
  .map(({ fields, body, crlf, bom, leadingComment }) => {
    const eol = crlf ? '\r\n' : '\n';
    const head =
      (leadingComment ? `# front matter${eol}` : '') +
      fields.map((f) => renderField(f, eol)).join('');
    return { fields, body, source: `${bom ? '\uFEFF' : ''}---${eol}${head}---${eol}${body}`, eol };
  });

/** Lines outside [first, last) of `before` appear unchanged, in order, at the ends of `after`. */
function changedOnlyWithin(before: string, after: string, first: number, last: number): boolean {
  const a = before.split('\n');
  const b = after.split('\n');
  const tail = a.length - last;
  return (
    a.slice(0, first).every((line, i) => b[i] === line) &&
    a.slice(last).every((line, i) => b[b.length - tail + i] === line)
  );
}

/** The 0-based line span of a key in the source: its line through the line before the next key. */
function keySpan(source: string, key: string): [number, number] {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${key}:`));
  let end = start + 1;
  while (end < lines.length && /^(\s+- |\s*#|\s+)/.test(lines[end]!) && !/^---/.test(lines[end]!))
    end++;
  return [start, end];
}

describe('updateFrontMatter properties', () => {
  it('parses what the generator writes (sanity of the generator itself)', () => {
    fc.assert(
      fc.property(file, ({ fields, source }) => {
        const parsed = parseFrontMatter(source);
        expect(parsed.error).toBeUndefined();
        for (const f of fields) expect(parsed.data[f.key]).toEqual(f.value);
      }),
      { numRuns: Math.min(RUNS, 500) },
    );
  });

  it('setting one key reads back, keeps the rest and the body, and touches only that key', () => {
    fc.assert(
      fc.property(file, fc.nat(), value, ({ fields, source, body }, pick, next) => {
        const target = fields[pick % fields.length]!;
        const updated = updateFrontMatter(source, { [target.key]: next });
        const parsed = parseFrontMatter(updated);
        expect(parsed.error).toBeUndefined();
        expect(parsed.data[target.key]).toEqual(next);
        for (const f of fields)
          if (f.key !== target.key) expect(parsed.data[f.key]).toEqual(f.value);
        expect(parsed.body).toBe(body);
        expect(updated.startsWith('\uFEFF')).toBe(source.startsWith('\uFEFF'));
        const [first, last] = keySpan(source, target.key);
        expect(changedOnlyWithin(source, updated, first, last)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a new key appends lines and changes none of the existing ones', () => {
    fc.assert(
      fc.property(file, value, ({ fields, source, body }, next) => {
        const updated = updateFrontMatter(source, { zz_new_key: next });
        const parsed = parseFrontMatter(updated);
        expect(parsed.data.zz_new_key).toEqual(next);
        for (const f of fields) expect(parsed.data[f.key]).toEqual(f.value);
        expect(parsed.body).toBe(body);
        const closing = source.split('\n').findIndex((l, i) => i > 0 && /^---\r?$/.test(l));
        expect(changedOnlyWithin(source, updated, closing, closing)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('deleting a key removes only its lines', () => {
    fc.assert(
      fc.property(file, fc.nat(), ({ fields, source, body }, pick) => {
        const target = fields[pick % fields.length]!;
        const updated = updateFrontMatter(source, { [target.key]: undefined });
        const parsed = parseFrontMatter(updated);
        expect(target.key in parsed.data).toBe(false);
        for (const f of fields)
          if (f.key !== target.key) expect(parsed.data[f.key]).toEqual(f.value);
        expect(parsed.body).toBe(body);
      }),
      { numRuns: RUNS },
    );
  });
});
