import { describe, expect, it } from 'vitest';
import { firstHeading, renderMarkdown } from '../../shared/markdown.ts';

/** The value of every data-source-line, in document order. */
const sourceLines = (html: string) =>
  [...html.matchAll(/<(\w+)[^>]*\sdata-source-line="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);

describe('renderMarkdown', () => {
  it('renders GFM tables', () => {
    const html = renderMarkdown('| Dish | Time |\n| :--- | ---: |\n| Dal | 30 min |\n');
    expect(html).toContain('<table');
    expect(html).toMatch(/<th style="text-align:left">Dish<\/th>/);
    expect(html).toMatch(/<td style="text-align:right">30 min<\/td>/);
  });

  it('renders strikethrough', () => {
    expect(renderMarkdown('~~old~~ new')).toContain('<s>old</s> new');
  });

  it('renders footnotes with a reference and the note', () => {
    const html = renderMarkdown('A claim.[^1]\n\n[^1]: The source.\n');
    expect(html).toMatch(/<sup class="footnote-ref"><a href="#fn1"/);
    expect(html).toMatch(/<section class="footnotes">[\s\S]*The source\./);
  });

  it('marks each top-level block with its 1-based source line', () => {
    const md = [
      '# Title',
      '',
      'Para one',
      'continues',
      '',
      '- a',
      '- b',
      '',
      '```js',
      'x',
      '```',
      '',
      '> quote',
    ].join('\n');
    expect(sourceLines(renderMarkdown(md))).toEqual([
      ['h1', 1],
      ['p', 3],
      ['ul', 6],
      ['code', 9], // markdown-it puts a fence's attributes on its <code>, inside <pre>
      ['blockquote', 13],
    ]);
  });

  it('adds lineOffset (where the body starts in the file) to every source line', () => {
    const md = '# Title\n\nText\n';
    expect(sourceLines(renderMarkdown(md, { lineOffset: 4 }))).toEqual([
      ['h1', 5],
      ['p', 7],
    ]);
  });

  it('marks tables with their source line too', () => {
    expect(sourceLines(renderMarkdown('Intro\n\n| a |\n| - |\n| 1 |\n'))).toEqual([
      ['p', 1],
      ['table', 3],
    ]);
  });

  it('does not mark nested blocks (only top-level ones)', () => {
    const html = renderMarkdown('> para in quote\n');
    expect(sourceLines(html)).toEqual([['blockquote', 1]]);
  });

  it('does not turn javascript: links into links', () => {
    const html = renderMarkdown('[click](javascript:alert(1))');
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('passes raw HTML through unchanged: sanitizing is the renderer’s job (DOMPurify)', () => {
    // Documented behaviour: this output is NOT safe to insert into the DOM as it is.
    const html = renderMarkdown('<div class="note">Hi</div>\n\n<img src=x onerror="alert(1)">\n');
    expect(html).toContain('<div class="note">Hi</div>');
    expect(html).toContain('<img src=x onerror="alert(1)">');
  });

  it('renders the same input the same way on every call', () => {
    const md = '# A\n\nB[^n]\n\n[^n]: C\n';
    expect(renderMarkdown(md)).toBe(renderMarkdown(md));
  });
});

describe('firstHeading', () => {
  it('finds the first ATX heading of any level and trims closing hashes', () => {
    expect(firstHeading('intro\n\n### Third level ###\n# Later')).toBe('Third level');
  });

  it('handles CRLF line endings', () => {
    expect(firstHeading('# Windows title\r\nbody\r\n')).toBe('Windows title');
  });

  it('answers null without a heading, and ignores `#tag` without a space', () => {
    expect(firstHeading('just text\n#hashtag\n')).toBeNull();
  });
});
