import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../shared/frontmatter.ts';
import { IncrementalRenderer, splitChunks } from '../../shared/markdown/chunks.ts';
import { renderMarkdownBlocks } from '../../shared/markdown/index.ts';
import { corpusPosts } from '../bench/corpus.ts';

const samples = new URL('../../assets/sample-blog/source/_posts/', import.meta.url);
const bodies = [
  ...readdirSync(samples).map(
    (f) => parseFrontMatter(readFileSync(new URL(f, samples), 'utf8')).body,
  ),
  ...[...corpusPosts({ posts: 60 })].map((p) => parseFrontMatter(p.text).body),
  '- one\n\n- two\n\n  more of two\n\nAfter the list.\n\n```\ncode\n\nstill code\n```\n\n$$\nx\n\ny\n$$\n\n<!--\n\nhidden\n-->\n\nEnd.',
];

describe('incremental preview rendering', () => {
  it('cuts a body into chunks that join back to it exactly', () => {
    for (const body of bodies)
      expect(
        splitChunks(body)
          .map((c) => c.text)
          .join('\n'),
      ).toBe(body);
  });

  it('keeps code, math, comments and loose lists inside one chunk', () => {
    const texts = splitChunks(bodies.at(-1)!).map((c) => c.text);
    expect(texts).toEqual([
      '- one\n\n- two\n\n  more of two\n',
      'After the list.\n',
      '```\ncode\n\nstill code\n```\n',
      '$$\nx\n\ny\n$$\n',
      '<!--\n\nhidden\n-->\n',
      'End.',
    ]);
  });

  it('gives exactly the full render after an edit, re-rendering one chunk', () => {
    for (const body of bodies) {
      const renderer = new IncrementalRenderer();
      expect(renderer.renderFull(body, 5)).toEqual(renderMarkdownBlocks(body, { lineOffset: 5 }));
      const at = body.indexOf(' ', Math.floor(body.length / 2));
      const edited = `${body.slice(0, at)} inserted words${body.slice(at)}`;
      const fast = renderer.render(edited, 5);
      expect(fast.complete).toBe(false);
      expect(fast.blocks).toEqual(renderMarkdownBlocks(edited, { lineOffset: 5 }));
      // Unchanged text is served from the cache entirely.
      expect(renderer.render(body, 5).complete).toBe(true);
    }
  });
});
