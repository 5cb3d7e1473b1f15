/**
 * Properties of the template dialects and Markdown flavours over generated posts built from
 * their constructs' pieces (openers, closes, quotes, raw blocks, attribute lists, alerts):
 * rendering never throws, is deterministic, keeps `data-source-line`s in the input's lines
 * and in order, and the blocks (the preview's path) hold the same content as the whole
 * render. `npm run fuzz` runs 10x more cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileOf } from '../../shared/generators/index.ts';
import { renderMarkdown, renderMarkdownBlocks } from '../../shared/markdown/index.ts';
import { splitChunks } from '../../shared/markdown/chunks.ts';
import { templateSyntax, withoutTemplates } from '../../shared/markdown/templates/index.ts';
import { scanText } from '../../shared/markdown/templates/scan.ts';

const RUNS = Number(process.env.FOLIO_FUZZ_RUNS ?? 300);

const piece = fc.oneof(
  fc.constantFrom(
    '{{<',
    '>}}',
    '{{%',
    '%}}',
    '{{< figure src="a.png" >}}',
    '{{< /figure >}}',
    '{{% note %}}',
    '{{% /note %}}',
    '{{< highlight go >}}',
    '{{< /highlight >}}',
    '{{</* x */>}}',
    '{{< ref "p" >}}',
    '{%',
    '%}',
    '{{',
    '}}',
    '{% raw %}',
    '{% endraw %}',
    '{% if x %}',
    '{% endif %}',
    '{% highlight ruby %}',
    '{% endhighlight %}',
    '{% include a.html k="v" %}',
    '{{ site.title | upcase }}',
    '{% codeblock t lang:js %}',
    '{% endcodeblock %}',
    '<Callout>',
    '</Callout>',
    '<Chart x={1} />',
    'import X from "y"',
    '{: .note}',
    '{:toc}',
    '{#id .c}',
    '> [!NOTE]',
    ': def',
    '*[HTML]: x',
    '```',
    '"',
    "'",
    '\\',
    '- ',
    '> ',
    '## ',
    '    ',
  ),
  fc.stringMatching(/^[a-z0-9 ]{1,6}$/),
);
const line = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
const doc = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));

const context = {
  site: { title: 'T', params: { a: 'b' } },
  page: { title: 'P' },
  posts: [{ path: 'content/p.md', title: 'P' }],
  templates: { note: { file: 'layouts/shortcodes/note.html', markdownInner: true } },
  files: { 'include:a.html': '<b>{{ include.k }}</b> {% include a.html %}' },
};

const SETUPS = [
  { dialect: 'hugo', flavour: profileOf('hugo').markdown!({}) },
  { dialect: 'jekyll', flavour: profileOf('jekyll').markdown!({}) },
  { dialect: 'hexo', flavour: profileOf('hexo').markdown!({}) },
  { dialect: 'eleventy', flavour: null },
  { dialect: 'mdx', flavour: null },
];

describe('template dialects and flavours over generated posts', () => {
  for (const setup of SETUPS) {
    it(`${setup.dialect}: a scan for spans finds the constructs a full scan finds, without their arguments`, () => {
      const dialect = templateSyntax(setup.dialect)!;
      fc.assert(
        fc.property(doc, (md) => {
          const full = scanText(dialect, md);
          const spans = scanText(dialect, md, true);
          expect(spans.constructs).toEqual(full.constructs.map((c) => ({ ...c, args: [] })));
          expect([...spans.closeOf.keys()]).toEqual([...full.closeOf.keys()]);
        }),
        { numRuns: RUNS },
      );
    });

    it(`${setup.dialect}: never throws, is deterministic, keeps its lines, and the blocks agree`, () => {
      fc.assert(
        fc.property(doc, fc.nat(20), (md, offset) => {
          const options = { ...setup, context, lineOffset: offset };
          const html = renderMarkdown(md, options);
          expect(renderMarkdown(md, options)).toBe(html);
          const lines = md.split('\n').length;
          const marked = [...html.matchAll(/data-source-line="(\d+)"/g)].map((m) => Number(m[1]));
          for (const n of marked) {
            expect(n).toBeGreaterThanOrEqual(offset + 1);
            expect(n).toBeLessThanOrEqual(offset + lines);
          }
          expect(marked).toEqual([...marked].sort((a, b) => a - b));
          const blocks = renderMarkdownBlocks(md, options);
          expect(blocks.map((b) => b.line)).toEqual(
            [...blocks.map((b) => b.line)].sort((a, b) => a - b),
          );
          // The chunks join back to the post, and its text without templates keeps its lines.
          expect(
            splitChunks(md, setup.dialect)
              .map((c) => c.text)
              .join('\n'),
          ).toBe(md);
          expect(withoutTemplates(md, setup.dialect).split('\n')).toHaveLength(lines);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
