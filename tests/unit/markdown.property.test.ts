/**
 * Properties of renderMarkdown over generated Markdown, built from the pieces the extensions
 * parse (dollars, fences, task markers, pipes, footnotes, `www.`): it never throws, renders
 * the same input the same way (its caches change nothing), and every `data-source-line` is a
 * line of the input, in order. `npm run fuzz` runs 10x more cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../shared/markdown/index.ts';

const RUNS = Number(process.env.FOLIO_FUZZ_RUNS ?? 1000);

const piece = fc.oneof(
  fc.constantFrom(
    '$',
    '$$',
    '\\$',
    '\\',
    '`',
    '```',
    '```ts',
    '```math',
    '~~~python',
    '- ',
    '- [ ] ',
    '- [x] ',
    '1. ',
    '> ',
    '# ',
    '## ',
    '| a | b |',
    '|---|---|',
    '---',
    '    ',
    '[^1]',
    '[^1]: ',
    '~~',
    '*',
    '_',
    'www.example.com',
    'https://a.b/c',
    'me@example.com',
    '<div>',
    '</div>',
    '<span class="katex">',
    'x^2',
    '\\frac{1}{2}',
    '{',
    '}',
    '&amp;',
    'é 日本',
    ' ',
    '\t',
  ),
  fc.stringMatching(/^[a-z0-9 ]{1,8}$/),
);
const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
const doc = fc.array(line, { maxLength: 14 }).map((lines) => lines.join('\n'));

describe('renderMarkdown properties', () => {
  it('never throws, and is deterministic', () => {
    fc.assert(
      fc.property(doc, (md) => {
        const html = renderMarkdown(md);
        expect(renderMarkdown(md)).toBe(html);
        expect(html).not.toContain('<math');
      }),
      { numRuns: RUNS },
    );
  });

  it('marks blocks only with lines of the input (plus the offset), in order', () => {
    fc.assert(
      fc.property(doc, fc.nat(50), (md, offset) => {
        const lines = md.split('\n').length;
        const marked = [
          ...renderMarkdown(md, { lineOffset: offset }).matchAll(/data-source-line="(\d+)"/g),
        ].map((m) => Number(m[1]));
        for (const n of marked) {
          expect(n).toBeGreaterThanOrEqual(offset + 1);
          expect(n).toBeLessThanOrEqual(offset + lines);
        }
        expect(marked).toEqual([...marked].sort((a, b) => a - b));
      }),
      { numRuns: RUNS },
    );
  });
});
