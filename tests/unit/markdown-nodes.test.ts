/**
 * Plain blocks travel as nodes (shared/markdown/nodes.ts), which the preview builds with DOM
 * calls instead of parsing HTML. Those nodes must be what the HTML renderer writes for the
 * same Markdown: every CommonMark spec example and a set of GFM shapes are rendered both ways,
 * the nodes written back out as HTML here, and the two compared (newlines between tags aside:
 * the nodes leave out the whitespace between block tags, which shows nowhere).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  renderMarkdown,
  renderMarkdownBlocks,
  rendererRuleNames,
} from '../../shared/markdown/index.ts';
import {
  highlightedNodes,
  HTML_ONLY_TOKENS,
  nodeTokenTypes,
  type PlainNode,
} from '../../shared/markdown/nodes.ts';

const { tests: examples } = createRequire(import.meta.url)('commonmark-spec') as {
  tests: Array<{ markdown: string; number: number }>;
};

const VOID = new Set(['hr', 'br', 'img', 'input']);
const BARE = new Set(['disabled', 'checked', 'open']);
const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Nodes as HTML, written the way markdown-it writes tags; lines shifted to the file's. */
function toHtml(node: PlainNode, shift: number): string {
  if (typeof node === 'string') return escape(node);
  const [tag, attrs, ...children] = node;
  let out = `<${tag}`;
  for (let i = 0; i < attrs.length; i += 2) {
    const name = attrs[i]!;
    const value =
      name === 'data-source-line' ? String(Number(attrs[i + 1]) + shift) : attrs[i + 1]!;
    out += BARE.has(name) && value === '' ? ` ${name}` : ` ${name}="${escape(value)}"`;
  }
  out += '>';
  if (VOID.has(tag)) return out;
  return `${out}${children.map((child) => toHtml(child, shift)).join('')}</${tag}>`;
}

const shiftLines = (html: string, shift: number) =>
  html.replace(
    /data-source-line="(\d+)"/g,
    (_, n: string) => `data-source-line="${Number(n) + shift}"`,
  );

/**
 * Whitespace between tags, and before a tag after text (a tight item's nested list), dropped;
 * highlight.js's `&#x27;` read as the quote it is.
 */
const normalize = (html: string) =>
  html
    .replace(/>\n+/g, '>')
    .replace(/\n+</g, '<')
    .replace(/&#x27;/g, "'");

/** The post rebuilt from its blocks, plain ones from their nodes; and how many were plain. */
function fromBlocks(markdown: string): { html: string; plain: number } {
  let plain = 0;
  const html = renderMarkdownBlocks(markdown)
    .map((block) => {
      if (!block.plain) return shiftLines(block.content, block.line - 1);
      plain++;
      const nodes = JSON.parse(block.content) as PlainNode[];
      return nodes.map((node) => toHtml(node, block.line - 1)).join('');
    })
    .join('');
  return { html, plain };
}

const GFM = [
  '# Title\n\n## Title\n\ntext with *em*, **strong**, ~~gone~~, `code` and a [link](https://x.org "t").',
  '| a | b | c |\n|:-|:-:|-:|\n| 1 | *2* | `3` |\n| 4 |',
  '- [x] done\n- [ ] todo\n  - [ ] nested\n\n1. [x] ordered',
  'Text[^a] and again[^a], and[^b].\n\n[^a]: First, with *emphasis*.\n\n[^b]: Second.\n\n    indented',
  '```js\nconst a = "<b>" && \'x\';\n```\n\n```unknown-lang\n<raw> & text\n```\n\n```\nplain\n```',
  '```python\ndef f(x):\n    return x * 2  # <comment>\n```',
  'www.example.com, https://example.com/a?b=1&c=2 and me@example.com',
  '![alt *with* `markup`](images/a.png "title") and ![](/b.png)',
  '> quote\n> - list\n>\n> ```\n> code\n> ```',
  'line one  \nline two\\\nline three\nline four',
  '3. three\n4. four\n\n---\n\n***',
  'a & b < c > d " e \' f &amp; &copy; &#35;',
];

describe('plain blocks as nodes', () => {
  it('are what the HTML renderer writes, for every CommonMark example', () => {
    let plain = 0;
    for (const example of examples) {
      const rebuilt = fromBlocks(example.markdown);
      plain += rebuilt.plain;
      expect(normalize(rebuilt.html), `example ${example.number}`).toBe(
        normalize(renderMarkdown(example.markdown)),
      );
    }
    // Most examples are plain Markdown: the comparison covers the nodes, not only the HTML.
    expect(plain).toBeGreaterThan(500);
  });

  it('are what the HTML renderer writes for tables, task lists, footnotes, code and links', () => {
    for (const markdown of GFM) {
      const rebuilt = fromBlocks(markdown);
      expect(rebuilt.plain, markdown).toBeGreaterThan(0);
      expect(normalize(rebuilt.html), markdown).toBe(normalize(renderMarkdown(markdown)));
    }
  });

  it('leave links to other schemes to the HTML path (and DOMPurify)', () => {
    const plainness = (markdown: string) => renderMarkdownBlocks(markdown).map((b) => b.plain);
    expect(plainness('[a](https://x.org) [b](mailto:me@x.org) [c](#top) [d](../post/)')).toEqual([
      true,
    ]);
    expect(plainness('[a](ftp://x.org/file)')).toEqual([false]);
    expect(plainness('[a](custom:thing)')).toEqual([false]);
    // markdown-it refuses these as links at all: the text stays text, and the block plain.
    expect(renderMarkdownBlocks('[a](javascript:alert(1))')[0]!.content).not.toContain('href');
  });

  it('read highlight.js output strictly: spans around escaped text, nothing else', () => {
    expect(
      highlightedNodes('<span class="hljs-title function_">f</span>(&lt;a&gt; &amp;)'),
    ).toEqual([['span', ['class', 'hljs-title function_'], 'f'], '(<a> &)']);
    expect(highlightedNodes('<b>x</b>')).toBeNull();
    expect(highlightedNodes('<span class="a" onclick="x">y</span>')).toBeNull();
    expect(highlightedNodes('<span class="a">unclosed')).toBeNull();
    expect(highlightedNodes('</span>')).toBeNull();
    expect(highlightedNodes('&nbsp;')).toBeNull();
  });
});

describe('every token type the renderer writes has its place', () => {
  it('a node rule, a bare tag, or HTML on purpose: a new one never falls to the slow path unnoticed', () => {
    const known = new Set([...nodeTokenTypes(), ...HTML_ONLY_TOKENS]);
    expect(rendererRuleNames().filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('template constructs as nodes', () => {
  const context = {
    site: { params: { author: 'Ines' }, title: 'Fell Notes', baseurl: '/b' },
    page: { title: 'A walk' },
    posts: [{ path: 'content/posts/hut.md', title: 'The hut' }],
    templates: { callout: { file: 'layouts/shortcodes/callout.html', markdownInner: true } },
    files: { 'include:tip.html': '<aside class="tip">{{ include.text }}</aside>' },
  };
  const SAMPLES: Array<[string, string]> = [
    [
      'hugo',
      'By {{< param author >}}: [hut]({{< ref "hut" >}}).\n\n{{< figure src="/a.png" title="T" caption="A *c*" link="/big.png" >}}\n\n{{< highlight go "linenos=table,hl_lines=2" >}}\nfunc f() {\n  x := "<b>"\n}\n{{< /highlight >}}\n\n{{% callout type="tip" %}}\n**Pack** light.\n\n- water\n{{% /callout %}}\n\n{{< details summary="More" open=true >}}\nx & y\n{{< /details >}}\n\n{{< youtube abc >}} and {{< unknown a="<x>" >}} and {{< broken',
    ],
    [
      'jekyll',
      '{{ site.title }} {{ page.title | upcase }} {{ nope }}\n\n{% if x %}\nIn *if*.\n{% endif %}\n\n{% include tip.html text="Eat" %}\n\n{% highlight ruby %}\nputs 1 < 2\n{% endhighlight %}',
    ],
    [
      'hexo',
      '{% blockquote A, B https://x.org T %}\nQ\n{% endblockquote %}\n\n{% codeblock t lang:js %}\na && b\n{% endcodeblock %}\n\n{% img left /i.png 10 20 "T" "A" %} {% note %}x{% endnote %}',
    ],
  ];

  it('are what the HTML renderer writes, and plain where the site brings no HTML', () => {
    for (const [dialect, markdown] of SAMPLES) {
      const options = { dialect, context };
      const blocks = renderMarkdownBlocks(markdown, options);
      const html = blocks
        .map((block) =>
          block.plain
            ? (JSON.parse(block.content) as PlainNode[])
                .map((node) => toHtml(node, block.line - 1))
                .join('')
            : shiftLines(block.content, block.line - 1),
        )
        .join('');
      const entities = (s: string) =>
        normalize(s).replace(/&#(\d+);/g, (_, n: string) => escape(String.fromCharCode(Number(n))));
      expect(entities(html), dialect).toBe(entities(renderMarkdown(markdown, options)));
      // The include's <aside> is the site's HTML: that block alone goes through DOMPurify.
      const notPlain = blocks.filter((b) => !b.plain).map((b) => b.content);
      expect(
        notPlain.every((c) => c.includes('<aside')),
        dialect,
      ).toBe(true);
    }
  });
});
