/** The editor's guard against a paragraph whose inline marks take quadratic time to parse. */
import { markdownLanguage } from '@codemirror/lang-markdown';
import type { MarkdownParser } from '@lezer/markdown';
import { describe, expect, it } from 'vitest';
import { INLINE_LIMIT, longInline } from '../../renderer/editor/long-inline.ts';

const parser = (markdownLanguage.parser as MarkdownParser).configure(longInline);

function nodeNames(text: string): Set<string> {
  const names = new Set<string>();
  parser.parse(text).iterate({ enter: (node) => void names.add(node.name) });
  return names;
}

describe('inline marks in the editor', () => {
  it('are parsed in a paragraph of real length', () => {
    const names = nodeNames('Some *light* and **strong** words with `code`.\n');
    expect(names).toContain('Emphasis');
    expect(names).toContain('StrongEmphasis');
    expect(names).toContain('InlineCode');
    expect(names).not.toContain('LongInline');
  });

  it('are not parsed in a paragraph past the limit: it is one run of text, and the next paragraph is parsed', () => {
    const storm = '*a **a'.repeat(50_000);
    expect(storm.length).toBeGreaterThan(INLINE_LIMIT);
    const names = nodeNames(`${storm}\n\nAfter it, *one* mark.\n`);
    expect(names).toContain('LongInline');
    expect(names).toContain('Emphasis');
    const tree = parser.parse(`${storm}\n`);
    const long = tree.topNode.firstChild!.firstChild!;
    expect([long.name, long.from, long.to]).toEqual(['LongInline', 0, storm.length]);
  });
});
