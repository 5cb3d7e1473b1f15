import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderMarkdownBlocks } from '../../shared/markdown/index.ts';
import { splitChunks } from '../../shared/markdown/chunks.ts';
import {
  dialectOf,
  withoutTemplates,
  type TemplateContext,
} from '../../shared/markdown/templates/index.ts';
import { countWords } from '../../shared/word-count.ts';
import { leaksIn } from '../tools/template-leaks.ts';

const context: TemplateContext = {
  site: {
    title: 'Trail Notes',
    baseurl: '/notes',
    url: 'https://trail.example',
    params: { author: 'Mira Holt', social: { mastodon: '@mira' } },
  },
  page: { title: 'Crossing the ridge', mood: 'windy', Params: {} },
  posts: [
    { path: 'content/posts/ridge-walk.md', title: 'The ridge walk' },
    { path: 'content/journal/night-camp/index.md', title: 'Night camp' },
    { path: '_posts/2024-03-09-river-crossing.md', title: 'River crossing' },
    { path: 'source/_posts/packing-list.md', title: 'Packing list' },
  ],
  templates: {
    callout: { file: 'layouts/shortcodes/callout.html', markdownInner: true, params: ['type'] },
    'code-sample': { file: 'layouts/shortcodes/code-sample.html', markdownInner: false },
  },
  files: {
    'include:note.html': '<aside class="note">{{ include.text }}</aside>',
    'include:loop.md': 'again {% include loop.md %}',
    'include:huge.html': null,
    'code:hello.js': 'const a = 1;\nconst b = 2;\nconst c = 3;\n',
  },
};

const hugo = (md: string, ctx = context) => renderMarkdown(md, { dialect: 'hugo', context: ctx });
const jekyll = (md: string) => renderMarkdown(md, { dialect: 'jekyll', context });
const hexo = (md: string) => renderMarkdown(md, { dialect: 'hexo', context });
const mdx = (md: string) => renderMarkdown(md, { dialect: 'mdx', context });
/** The page's text, as a reader sees it (tags dropped, entities decoded). */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('Hugo shortcodes', () => {
  it('turns ref, relref and param into their text, inside links too', () => {
    const html = hugo(
      'By {{< param author >}} ({{< param "social.mastodon" >}}): see [the walk]({{< ref "ridge-walk" >}}) and [camp]({{< relref "journal/night-camp" >}}).',
    );
    expect(html).toContain('By Mira Holt (@mira)');
    expect(html).toContain('<a href="/posts/ridge-walk/">the walk</a>');
    expect(html).toContain('<a href="/journal/night-camp/">camp</a>');
    expect(leaksIn(html)).toEqual([]);
  });

  it('reads the page param before the site param', () => {
    expect(hugo('{{< param mood >}}')).toContain('windy');
  });

  it('marks a ref to a post that does not exist, and a param nobody set', () => {
    const html = hugo('[x]({{< ref "no-such-post" >}}) and {{< param missing >}}');
    expect(html).toMatch(/tpl-chip-error[^>]*title="no post “no-such-post” in this blog"/);
    expect(html).toMatch(/title="no param “missing” in the post or the site"/);
  });

  it('highlights code with line numbers and marked lines', () => {
    const html = hugo(
      '{{< highlight go "linenos=table,hl_lines=2 3,linenostart=10" >}}\nfunc main() {\n  x := 1\n  y := 2\n}\n{{< /highlight >}}',
    );
    expect(html).toContain('class="language-go"');
    expect(html.match(/tpl-line-marked/g)).toHaveLength(2);
    expect(html).toContain('<span class="tpl-line-number">10</span>');
    expect(html).toContain('<span class="tpl-line-number">13</span>');
    expect(html).toContain('<span class="hljs-keyword">func</span>');
  });

  it('renders a figure with its caption as Markdown and the image as written', () => {
    const html = hugo(
      '{{< figure src="/images/ridge.jpg" title="Ridge at dawn" caption="Taken *early*" attr="M. Holt" attrlink="https://trail.example/about" link="/images/ridge-large.jpg" >}}',
    );
    expect(html).toContain('<a href="/images/ridge-large.jpg"><img src="/images/ridge.jpg"');
    expect(html).toContain('<h4>Ridge at dawn</h4>');
    expect(html).toContain('Taken <em>early</em>');
    expect(html).toContain('<a href="https://trail.example/about">M. Holt</a>');
  });

  it('renders {{% %}} inner content as Markdown, and keeps lines for scroll sync', () => {
    const md =
      'Intro.\n\n{{% callout type="tip" %}}\nPack **light**.\n\n- water\n- map\n{{% /callout %}}\n\nAfter.';
    const html = hugo(md);
    expect(html).toMatch(
      /tpl-chip-site[^>]*title="site shortcode, defined in layouts\/shortcodes\/callout.html"/,
    );
    expect(html).toContain('<p>Pack <strong>light</strong>.</p>');
    expect(html).toContain('<li>water</li>');
    const lines = [...html.matchAll(/data-source-line="(\d+)"/g)].map((m) => Number(m[1]));
    expect(lines).toEqual([1, 3, 10]);
  });

  it('shows a site shortcode whose template does not render Markdown as text', () => {
    const html = hugo('{{< code-sample >}}\n[server]\nport = 8080\n{{< /code-sample >}}');
    expect(html).toContain('<pre class="tpl-inner-text">[server]\nport = 8080</pre>');
  });

  it('renders details, embeds offline, and shows commented-out shortcodes literally', () => {
    const html = hugo(
      '{{< details summary="Gear list" >}}\nA **tent**.\n{{< /details >}}\n\n{{< youtube id="w7Ft2ymGmfc" >}}\n\n{{< x user="hugo" id="1234" >}}\n\nWrite {{</* figure src="a.jpg" */>}} for a figure.',
    );
    expect(html).toContain('<details><summary>Gear list</summary><p>A <strong>tent</strong>.</p>');
    expect(html).toContain('href="https://www.youtube.com/watch?v=w7Ft2ymGmfc"');
    expect(html).toContain('href="https://x.com/hugo/status/1234"');
    expect(text(html)).toContain('Write {{< figure src="a.jpg" >}} for a figure.');
  });

  it('labels an unknown shortcode, keeps its arguments, and renders its inner Markdown', () => {
    const html = hugo('{{< tabs "One" >}}\n**inside**\n{{< /tabs >}}');
    expect(html).toMatch(/tpl-chip-unknown/);
    expect(text(html)).toContain('tabs "One"');
    expect(html).toContain('<strong>inside</strong>');
  });

  it('reads shortcodes inside lists and blockquotes, on one line or several', () => {
    const md =
      '- {{< param author >}} packs\n- {{< figure\n    src="/a.jpg"\n    title="Multi-line" >}}\n\n> {{% callout %}}\n> Quoted **callout**\n> {{% /callout %}}';
    const html = hugo(md);
    expect(html).toContain('<li>Mira Holt packs</li>');
    expect(html).toContain('<h4>Multi-line</h4>');
    expect(html).toMatch(/<blockquote[^>]*>[\s\S]*<strong>callout<\/strong>[\s\S]*<\/blockquote>/);
    expect(leaksIn(html)).toEqual([]);
  });
});

describe('Liquid (Jekyll)', () => {
  it('fills site and page values and URL filters', () => {
    const html = jekyll(
      'Welcome to {{ site.title }}: {{ page.title | upcase }}. ![map]({{ "/assets/map.png" | relative_url }}) [home]({{ "/" | absolute_url }})',
    );
    expect(html).toContain('Welcome to Trail Notes: CROSSING THE RIDGE.');
    expect(html).toContain('src="/notes/assets/map.png"');
    expect(html).toContain('href="https://trail.example/notes/"');
  });

  it('highlights {% highlight %} blocks with line numbers, and shows {% raw %} literally', () => {
    const html = jekyll(
      'Code:\n{% highlight ruby linenos %}\ndef hello\n  puts "hi"\nend\n{% endhighlight %}\n\n{% raw %}\nWrite {{ page.title }} in a layout.\n{% endraw %}',
    );
    expect(html).toContain('class="language-ruby"');
    expect(html.match(/tpl-line-number/g)).toHaveLength(3);
    expect(html).not.toContain('<blockquote');
    expect(text(html)).toContain('Write {{ page.title }} in a layout.');
  });

  it('links to posts with post_url and link, and marks a missing one', () => {
    const html = jekyll(
      '[cross]({% post_url 2024-03-09-river-crossing %}) and [file]({% link _posts/2024-03-09-river-crossing.md %}) and {% post_url 2020-01-01-gone %}',
    );
    expect(html).toContain('href="/notes/_posts/2024-03-09-river-crossing/"');
    expect(html.match(/href="\/notes\/_posts\/2024-03-09-river-crossing\/"/g)).toHaveLength(2);
    expect(html).toMatch(/no post “2020-01-01-gone” in this blog/);
  });

  it('renders an include with its arguments, and bounds loops, large and missing includes', () => {
    expect(jekyll('{% include note.html text="Bring a headlamp" %}')).toContain(
      '<aside class="note">Bring a headlamp</aside>',
    );
    const loop = jekyll('{% include loop.md %}');
    expect(loop).toMatch(/more than 8 levels of templates/);
    expect(jekyll('{% include huge.html %}')).toMatch(/too large to show/);
    const outside = jekyll('{% include ../../etc/passwd %}');
    expect(outside).toMatch(/no include “..\/..\/etc\/passwd” in the site/);
  });

  it('shows control flow and unknown tags as chips, the content between rendered, comments hidden', () => {
    const html = jekyll(
      '{% if page.mood == "windy" %}\nHold your **hat**.\n{% else %}\nCalm.\n{% endif %}\n\n{% comment %}\nA note to self\n{% endcomment %}\n\n{% seo title=false %}',
    );
    expect(html).toMatch(/data-tpl="if"[\s\S]*<strong>hat<\/strong>/);
    expect(text(html)).not.toContain('A note to self');
    expect(html).toMatch(/data-tpl="seo"[\s\S]*tpl-chip-unknown/);
    expect(leaksIn(html)).toEqual([]);
  });

  it('marks an unknown variable and filter, never leaving braces', () => {
    const html = jekyll('Hi {{ author.name }} and {{ page.title | mystery }}.');
    expect(html.match(/tpl-chip-unknown/g)).toHaveLength(2);
    expect(leaksIn(html)).toEqual([]);
  });
});

describe('Hexo tag plugins', () => {
  it('renders codeblock with caption, language, link and marked lines', () => {
    const html = hexo(
      '{% codeblock Packing script lang:js https://trail.example/src source mark:2 %}\nconst a = 1;\nconst b = 2;\n{% endcodeblock %}',
    );
    expect(html).toContain('<figcaption>Packing script <a href="https://trail.example/src">');
    expect(html).toContain('class="language-js"');
    expect(html.match(/tpl-line-marked/g)).toHaveLength(1);
  });

  it('renders blockquote with author and source, images, post links, included code', () => {
    const html = hexo(
      '{% blockquote Mira Holt, Trail Notes https://trail.example %}\nWalk **slowly**.\n{% endblockquote %}\n\nSee {% post_link packing-list %} and {% asset_img left map.png 300 "Route map" %}.\n\n{% include_code Example lang:javascript from:2 to:3 hello.js %}',
    );
    expect(html).toMatch(
      /<blockquote><p>Walk <strong>slowly<\/strong>.<\/p>\n<footer><strong>Mira Holt<\/strong>/,
    );
    expect(html).toContain('<a href="/packing-list/">Packing list</a>');
    expect(html).toContain(
      '<img src="map.png" alt="Route map" title="Route map" class="left" width="300">',
    );
    expect(html).toContain('<span class="tpl-line-number">2</span>');
    expect(html).not.toContain('const a = 1');
  });

  it('leaves tags inside fenced code and code spans alone, as Hexo does', () => {
    const html = hexo('Write `{% post_link x %}` to link.\n\n```\n{% codeblock %}\n```');
    expect(html).toContain('<code>{% post_link x %}</code>');
    expect(html).toContain('<pre data-source-line="3"><code>{% codeblock %}\n</code></pre>');
  });

  it('shows a theme tag as a chip around its Markdown, and a raw block as HTML', () => {
    const html = hexo(
      '{% note warning %}\nCheck the **forecast**.\n{% endnote %}\n\n{% raw %}<b>bold</b>{% endraw %}',
    );
    expect(html).toMatch(/data-tpl="note"[\s\S]*<strong>forecast<\/strong>/);
    expect(html).toContain('<b>bold</b>');
  });
});

describe('MDX', () => {
  it('hides import/export and shows components as chips with their children rendered', () => {
    const html = mdx(
      'import Map from \'../components/Map.astro\'\nexport const route = { km: 12 }\n\n# Day one\n\n<Callout kind="tip">\nBring **water**.\n</Callout>\n\nA map: <Map zoom={9} />.',
    );
    expect(html).not.toContain('import');
    expect(html).toMatch(/data-tpl="Callout"[\s\S]*<strong>water<\/strong>/);
    expect(html).toMatch(/data-tpl="Map"/);
    expect(html).toContain('<h1 id="day-one" data-source-line="4">');
  });

  it('is the dialect of .mdx files only', () => {
    expect(dialectOf('mdx', 'src/content/blog/a.md')).toBeUndefined();
    expect(dialectOf('mdx', 'src/content/blog/a.mdx')).toBe('mdx');
    expect(dialectOf(undefined, 'posts/a.mdx')).toBe('mdx');
    expect(dialectOf('hugo', 'content/a.md')).toBe('hugo');
  });
});

describe('bad input', () => {
  it('shows an opener never closed as a chip with its line, and keeps the text after it', () => {
    const html = hugo('First line.\n\nSecond {{< figure src="a.jpg"\n\nThird paragraph.');
    expect(html).toMatch(
      /tpl-chip-error[^>]*title="never closed: the text after it is shown as it is \(line 3\)"/,
    );
    expect(text(html)).toContain('figure src="a.jpg"');
    expect(text(html)).toContain('Third paragraph.');
  });

  it('marks a paired tag that is never closed, and renders what follows', () => {
    const html = jekyll('{% highlight ruby %}\nputs 1\n\nMore **text**.');
    expect(html).toMatch(/never closed: no \{% endhighlight %\} after line 1/);
    expect(html).toContain('<strong>text</strong>');
  });

  it('survives broken quoting and a close with no opener', () => {
    const html = hugo('{{< figure src="a.jpg title=oops >}}\n\n{{< /tabs >}}\n\nafter');
    expect(html).toMatch(/closes nothing \(line 3\)/);
    expect(html).toContain('<p data-source-line="5">after</p>');
  });

  it('shows shortcodes nested 100 deep without hanging, the deepest as chips', () => {
    const open = Array.from({ length: 100 }, (_, i) => `{{% box n=${i} %}}`).join('\n');
    const close = Array.from({ length: 100 }, () => '{{% /box %}}').join('\n');
    const html = hugo(`${open}\ncore **text**\n${close}`);
    expect(html).toContain('<strong>text</strong>');
    expect(html).toMatch(/nested more than 32 deep/);
  });

  it('reads thousands of openers never closed in linear time', () => {
    const md = Array.from({ length: 5000 }, (_, i) => `{% note n${i} %}\nline ${i}\n`).join('\n');
    const html = hexo(md);
    expect(html.match(/data-tpl="note"/g)).toHaveLength(5000);
  });

  it('escapes everything a construct brings, so the sanitizer sees no new markup', () => {
    const html = hugo(
      '{{< figure src="x.jpg\\" onerror=\\"alert(1)" title="<script>alert(1)</script>" >}}',
    );
    expect(html).not.toContain('<script>');
    // The quotes it tried to close are escaped: the image has a source and an alt, nothing else.
    expect(html).toMatch(/<img src="x\.jpg&#34; onerror=&#34;alert\(1\)" alt="">/);
  });
});

describe('the rest of the preview', () => {
  it('counts no template syntax as words, but the code a highlight block shows', () => {
    const body =
      '{{< figure src="a.jpg" title="Ridge" >}}\n\nTwo words.\n\n{{< highlight go >}}\nfmt.Println\n{{< /highlight >}}';
    expect(countWords(withoutTemplates(body, 'hugo'))).toBe(countWords('Two words. fmt.Println'));
    expect(withoutTemplates('no templates', 'hugo')).toBe('no templates');
  });

  it('never cuts a paired construct into two chunks', () => {
    const body = 'One.\n\n{{% callout %}}\nA.\n\nB.\n{{% /callout %}}\n\nTwo.';
    const whole = (text: string) =>
      text.includes('{{% callout %}}') && text.includes('{{% /callout %}}');
    expect(splitChunks(body).some((c) => whole(c.text))).toBe(false);
    const chunks = splitChunks(body, 'hugo');
    expect(chunks.map((c) => c.text)).toEqual([
      'One.\n',
      '{{% callout %}}\nA.\n\nB.\n{{% /callout %}}\n',
      'Two.',
    ]);
  });

  it('cuts the post into blocks, template ones plain where the site brings no HTML', () => {
    const md = 'A {{< param author >}}.\n\n{{% callout %}}\nIn **it**.\n{{% /callout %}}';
    const blocks = renderMarkdownBlocks(md, { dialect: 'hugo', context });
    expect(blocks.map((b) => [b.line, b.plain])).toEqual([
      [1, true],
      [3, true],
    ]);
    expect(blocks[1]!.content).toContain('["strong",[],"it"]');
    expect(blocks.some((b) => b.content.includes('{{'))).toBe(false);
  });

  it('renders plain Markdown exactly as before when no dialect is given', () => {
    const md = 'A {{< param author >}} and {% raw %}x{% endraw %}.';
    expect(renderMarkdown(md)).toBe(
      `<p data-source-line="1">${md.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>\n`,
    );
  });
});
