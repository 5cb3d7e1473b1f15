import { describe, expect, it } from 'vitest';
import { firstHeading, renderMarkdown, renderMarkdownBlocks } from '../../shared/markdown/index.ts';

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
    expect(html).toMatch(/<section class="footnotes"[^>]*>[\s\S]*The source\./);
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
      ['pre', 9], // on the <pre> (markdown-it's own fence rule would put it on the <code>)
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

describe('renderMarkdown: GFM', () => {
  it('renders task lists as disabled checkboxes, checked for [x] and [X]', () => {
    const html = renderMarkdown('- [ ] todo\n- [x] done\n- [X] also\n- plain\n');
    expect(html).toContain('<ul class="contains-task-list" data-source-line="1">');
    expect(html).toContain(
      '<li class="task-list-item"><input class="task-list-item-checkbox" type="checkbox" disabled> todo</li>',
    );
    expect(html).toContain(
      '<li class="task-list-item"><input class="task-list-item-checkbox" type="checkbox" disabled checked> done</li>',
    );
    expect(html.match(/ checked>/g)).toHaveLength(2);
    expect(html).toContain('<li>plain</li>');
  });

  it('renders task lists in ordered, loose and nested lists', () => {
    const html = renderMarkdown('1. [x] one\n\n2. [ ] two\n   - [ ] nested\n');
    expect(html).toMatch(/<ol class="contains-task-list"/);
    expect(html).toMatch(/<li class="task-list-item">\s*<p><input [^>]*checked> one<\/p>/);
    expect(html).toMatch(/<ul class="contains-task-list">\s*<li class="task-list-item"><input/);
  });

  it('leaves brackets that are not a task marker alone', () => {
    expect(renderMarkdown('[ ] not in a list\n')).not.toContain('<input');
    expect(renderMarkdown('- a [ ] in the middle\n')).not.toContain('<input');
    expect(renderMarkdown('- [ ]x no space\n')).not.toContain('<input');
    expect(renderMarkdown('- [y] other letter\n')).not.toContain('<input');
  });

  it('links bare URLs, www. addresses and emails', () => {
    const html = renderMarkdown(
      'See https://example.org/a?b=1, www.example.com/path. Or mail me@example.com.\n',
    );
    expect(html).toContain('<a href="https://example.org/a?b=1">https://example.org/a?b=1</a>,');
    expect(html).toContain('<a href="http://www.example.com/path">www.example.com/path</a>.');
    expect(html).toContain('<a href="mailto:me@example.com">me@example.com</a>.');
  });

  it('does not link file names and dotted words (no fuzzy links) nor text inside code', () => {
    const html = renderMarkdown(
      'Edit README.md with node.js, not wwwexample.com.\n\n`www.a.com`\n',
    );
    expect(html).not.toContain('<a ');
  });

  it('keeps the footnotes section last, with the line of its first definition', () => {
    const html = renderMarkdown('Claim[^a] and[^b].\n\nMore.\n\n[^a]: One.\n[^b]: Two.\n');
    expect(html).toMatch(/<a href="#fn1" id="fnref1">\[1\]<\/a>/);
    expect(html).toMatch(/<li id="fn2" class="footnote-item"><p>Two\./);
    expect(sourceLines(html)).toEqual([
      ['p', 1],
      ['p', 3],
      ['section', 5],
    ]);
  });

  it('leaves the footnotes section unmarked when that would put lines out of order', () => {
    const html = renderMarkdown('Claim[^a].\n\n[^a]: Defined early.\n\nLast paragraph.\n');
    expect(sourceLines(html)).toEqual([
      ['p', 1],
      ['p', 5],
    ]);
    expect(html).toContain('<section class="footnotes">');
  });
});

describe('renderMarkdown: heading ids', () => {
  const ids = (html: string) => [...html.matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1]);

  it('makes GitHub-style ids: lowercase, spaces to dashes, punctuation dropped', () => {
    const html = renderMarkdown(
      "# Hello, World!\n\n## What's new in v2.0?\n\n### `code` & *more*\n",
    );
    expect(ids(html)).toEqual(['hello-world', 'whats-new-in-v20', 'code--more']);
  });

  it('slugs inline math by its TeX source, like GitHub', () => {
    expect(ids(renderMarkdown('# Euler: $e^{i\\pi} = -1$\n'))).toEqual(['euler-eipi---1']);
  });

  it('numbers repeated headings -1, -2 in document order', () => {
    const html = renderMarkdown('# Notes\n\n## Notes\n\nNotes\n-----\n\n# Notes-1\n');
    expect(ids(html)).toEqual(['notes', 'notes-1', 'notes-2', 'notes-1-1']);
  });

  it('keeps unicode letters and accents', () => {
    const html = renderMarkdown('# Привет, мир!\n\n## Café au lait\n\n## 日本語の見出し\n');
    expect(ids(html)).toEqual(['привет-мир', 'café-au-lait', '日本語の見出し']);
  });

  it('starts over on every render and skips empty headings', () => {
    expect(ids(renderMarkdown('# Same\n'))).toEqual(['same']);
    expect(ids(renderMarkdown('# Same\n'))).toEqual(['same']);
    expect(renderMarkdown('#\n')).toBe('<h1 data-source-line="1"></h1>\n');
  });
});

describe('renderMarkdown: math', () => {
  it('renders inline $…$ with KaTeX as HTML only (MathML would be sanitized away)', () => {
    const html = renderMarkdown('Energy $E=mc^2$ here.\n');
    expect(html).toMatch(/^<p data-source-line="1">Energy <span class="katex">/);
    expect(html).toContain('<span class="katex-html"');
    expect(html).not.toContain('<math');
    expect(html).not.toContain('$');
  });

  it('renders $$…$$ blocks in display mode with their source line', () => {
    const html = renderMarkdown('Intro\n\n$$\n\\sum_{i=1}^n i\n$$\n\n$$ x^2 $$\n');
    expect(sourceLines(html)).toEqual([
      ['p', 1],
      ['div', 3],
      ['div', 7],
    ]);
    expect(html.match(/<div class="math-display"[^>]*><span class="katex-display">/g)).toHaveLength(
      2,
    );
  });

  it('renders $$…$$ inside a paragraph and ```math fences as display math', () => {
    expect(renderMarkdown('so $$a+b$$ is\n')).toMatch(/<p[^>]*>so <span class="katex-display">/);
    expect(renderMarkdown('```math\na^2\n```\n')).toMatch(
      /^<div class="math-display" data-source-line="1"><span class="katex-display">/,
    );
  });

  it('leaves dollar amounts, escaped dollars and an unclosed $$ as text', () => {
    expect(renderMarkdown('From $5 to $10, US$3 or 4$ each.\n')).toBe(
      '<p data-source-line="1">From $5 to $10, US$3 or 4$ each.</p>\n',
    );
    expect(renderMarkdown('\\$x$ and $ y$\n')).toBe('<p data-source-line="1">$x$ and $ y$</p>\n');
    expect(renderMarkdown('$$\nnot closed\n\nNext.\n')).not.toContain('katex');
    expect(renderMarkdown('`$x$`\n')).toBe('<p data-source-line="1"><code>$x$</code></p>\n');
  });

  it('renders a bad formula as a visible error span instead of throwing', () => {
    const inline = renderMarkdown('Bad $\\frac{1}{$ and $\\nosuchmacro$.\n');
    expect(inline).toContain('<span class="katex-error" title="KaTeX parse error:');
    expect(inline).toContain('>\\frac{1}{</span>');
    expect(inline).toContain('>\\nosuchmacro</span>');
    const block = renderMarkdown('$$\n\\begin{x}<script>\n$$\n');
    expect(block).toMatch(/<div class="math-display"[^>]*><span class="katex-error" title="/);
    expect(block).toContain('\\begin{x}&lt;script&gt;</span>');
  });

  it('does not trust commands that could link or load (\\href, \\url, \\includegraphics)', () => {
    const html = renderMarkdown('$\\href{javascript:alert(1)}{x}$ $\\url{https://a.b}$\n');
    expect(html).not.toMatch(/<a /);
    expect(html).not.toContain('href=');
  });
});

describe('renderMarkdown: code', () => {
  it('highlights known languages with highlight.js spans, keeping the text escaped', () => {
    const html = renderMarkdown('```ts\nconst x: number = 1; // <b>\n```\n');
    expect(html).toMatch(/^<pre data-source-line="1"><code class="language-ts">/);
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="hljs-comment">// &lt;b&gt;</span>');
    expect(html).not.toContain('<b>');
  });

  it('knows the common languages and their aliases', () => {
    const samples: Record<string, string> = {
      js: 'const a = 1;',
      jsx: 'return <div />;',
      typescript: 'let a: string;',
      tsx: 'let a: string;',
      python: 'def f(): pass',
      py: 'import os',
      bash: 'echo "$HOME"',
      sh: 'if true; then :; fi',
      shell: '$ ls -la',
      json: '{"a": 1}',
      yaml: 'a: 1',
      yml: 'a: true',
      toml: '[table]\nkey = "v"',
      ini: '[section]',
      css: 'a { color: red; }',
      html: '<p class="x">hi</p>',
      xml: '<a b="c"/>',
      markdown: '# Title',
      md: '**bold**',
      go: 'func main() {}',
      rust: 'fn main() {}',
      rs: 'let mut x = 1;',
      java: 'public class A {}',
      c: 'int main(void) { return 0; }',
      cpp: '#include <vector>',
      'c++': 'int x = 0;',
      sql: 'SELECT * FROM t;',
      diff: '-old\n+new',
      ruby: 'def x; end',
      rb: 'puts "hi"',
      php: '<?php echo 1;',
    };
    for (const [lang, code] of Object.entries(samples)) {
      expect(renderMarkdown('```' + lang + '\n' + code + '\n```\n'), lang).toContain(
        '<span class="hljs-',
      );
    }
  });

  it('renders unknown languages and plain fences as escaped text', () => {
    expect(renderMarkdown('```nope\n<b>x</b> & y\n```\n')).toBe(
      '<pre data-source-line="1"><code class="language-nope">&lt;b&gt;x&lt;/b&gt; &amp; y\n</code></pre>\n',
    );
    expect(renderMarkdown('~~~\n<i>\n~~~\n')).toBe(
      '<pre data-source-line="1"><code>&lt;i&gt;\n</code></pre>\n',
    );
  });

  it('escapes a hostile info string', () => {
    const html = renderMarkdown('```"><script>x\ncode\n```\n');
    expect(html).not.toContain('<script');
    expect(html).toContain('class="language-&quot;&gt;&lt;script&gt;x"');
  });

  it('puts the source line on <pre> for fenced and indented code, and on <hr>', () => {
    const md = 'Para\n\n    indented\n\n---\n\n```js\nx\n```\n';
    expect(sourceLines(renderMarkdown(md, { lineOffset: 10 }))).toEqual([
      ['p', 11],
      ['pre', 13],
      ['hr', 15],
      ['pre', 17],
    ]);
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

describe('renderMarkdownBlocks: which blocks are plain Markdown markup', () => {
  const plainness = (markdown: string) => renderMarkdownBlocks(markdown).map((b) => b.plain);

  it('calls Markdown plain, tables, task lists, footnotes and highlighted code included', () => {
    expect(
      plainness(
        '# T\n\n*a* **b** ~~c~~ `d` [e](https://x.org) ![f](g.png) www.x.org\n\n' +
          '| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\nnote[^1]\n\n' +
          '```js\nlet a = "<b>";\n```\n\n> quote\n\n---\n\n[^1]: the note\n',
      ),
    ).toEqual([true, true, true, true, true, true, true, true, true]);
  });

  it('never calls raw HTML or math plain, inline or as a block', () => {
    expect(plainness('<div>x</div>')).toEqual([false]);
    expect(plainness('a <img src=x onerror=alert(1)> b')).toEqual([false]);
    expect(plainness('<!-- comment -->')).toEqual([false]);
    expect(plainness('Euler: $e^{i\\pi}$')).toEqual([false]);
    expect(plainness('$$\nx\n$$')).toEqual([false]);
    expect(plainness('```math\nx\n```')).toEqual([false]);
    expect(plainness('- item <b>bold</b>\n- other')).toEqual([false]);
  });
});
