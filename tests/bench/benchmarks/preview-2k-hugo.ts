import type { Page } from '@playwright/test';
import { profileOf } from '../../../shared/generators/index.ts';
import type { RenderOptions } from '../../../shared/markdown/index.ts';
import { bodyOfWords, openBenchPage, type BrowserBench } from '../browser.ts';
import { defineBenchmark } from '../measure.ts';

/**
 * preview-2k with Hugo's dialect and Markdown flavour (Goldmark) on: the same 2,000 words, with a shortcode every third
 * paragraph as real Hugo posts carry them (figures, refs and params in links, a highlighted
 * block, a `{{% %}}` callout around Markdown, an embed, a site shortcode), rendered with a
 * site context of 2,000 posts for `ref` to search. Within preview-2k's budget (5 ms).
 */
const SHORTCODES = [
  '{{< figure src="/images/ridge.png" title="Ridge" caption="Cloud on the *east* side" >}}',
  'See [the hut]({{< ref "post-1500" >}}) and [packing]({{< relref "posts/post-20.md" >}}), by {{< param author >}}.',
  '{{< highlight go "linenos=table,hl_lines=2" >}}\nfunc main() {\n\tfmt.Println("hi")\n}\n{{< /highlight >}}',
  '{{% callout type="tip" %}}\nPack a **spare** layer.\n\n- water\n- map\n{{% /callout %}}',
  '{{< youtube w7Ft2ymGmfc >}}',
  '{{< gallery folder="kit" >}}\n{{< figure src="/images/kit.png" >}}\n{{< /gallery >}}',
];

export function hugoPost(words: number): string {
  const paragraphs = bodyOfWords(words).split('\n\n');
  return paragraphs
    .map((p, i) => (i % 3 === 2 ? `${p}\n\n${SHORTCODES[((i / 3) % SHORTCODES.length) | 0]}` : p))
    .join('\n\n');
}

const options: RenderOptions = {
  dialect: 'hugo',
  // Goldmark as Hugo reads Markdown by default: typographer, attributes, definition lists.
  flavour: profileOf('hugo').markdown!({}),
  context: {
    site: { params: { author: 'Ines Varga' } },
    page: { title: 'Bench' },
    postPath: 'content/posts/bench.md',
    posts: Array.from({ length: 2000 }, (_, i) => ({
      path: `content/posts/post-${i}.md`,
      title: `Post ${i}`,
    })),
    templates: {
      callout: { file: 'layouts/shortcodes/callout.html', markdownInner: true },
      gallery: { file: 'layouts/shortcodes/gallery.html', markdownInner: true },
    },
  },
};

export default defineBenchmark<{ bench: BrowserBench; page: Page; markdown: string }>({
  name: 'preview-2k-hugo',
  runs: 50,
  warmup: 100,
  setup: async () => {
    const bench = await openBenchPage();
    return { bench, page: bench.page, markdown: hugoPost(2000) };
  },
  run: async ({ page, markdown }) => ({
    measuredMs: await page.evaluate(
      ([md, opts]) =>
        (
          window as unknown as {
            folioBench: { renderToSanitizedHtml(md: string, o: unknown): Promise<number> };
          }
        ).folioBench.renderToSanitizedHtml(md, opts),
      [markdown, options] as const,
    ),
  }),
  teardown: ({ bench }) => bench.dispose(),
});
