import { describe, expect, it } from 'vitest';
import { profileOf } from '../../shared/generators/index.ts';
import { renderMarkdown, renderMarkdownBlocks } from '../../shared/markdown/index.ts';
import type { MarkdownFlavour } from '../../shared/markdown/flavours.ts';

const goldmark = profileOf('hugo').markdown!({})!;
const kramdown = profileOf('jekyll').markdown!({})!;
const kramdownIds = profileOf('jekyll').markdown!({ kramdown: { input: 'kramdown' } })!;
const marked = profileOf('hexo').markdown!({})!;
const render = (md: string, flavour: MarkdownFlavour | null = null) =>
  renderMarkdown(md, { flavour });

describe('GitHub alerts, in every flavour', () => {
  it('are callouts with their title, and plain Markdown for the fast path', () => {
    const md = '> [!WARNING]\n> Check the **forecast**.';
    for (const flavour of [null, goldmark, kramdown, marked]) {
      const html = render(md, flavour);
      expect(html).toContain('<div class="markdown-alert markdown-alert-warning"');
      expect(html).toContain('<p class="markdown-alert-title">Warning</p>');
      expect(html).toContain('<strong>forecast</strong>');
      expect(renderMarkdownBlocks(md, { flavour })[0]!.plain).toBe(true);
    }
  });

  it('escape a custom title', () => {
    expect(render('> [!NOTE] <img src=x onerror=alert(1)>\n> Text')).toContain(
      '<p class="markdown-alert-title">&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });
});

describe('Goldmark (Hugo)', () => {
  it('reads heading attributes, definition lists and typographer, leaves raw HTML out', () => {
    const html = render(
      '## Packing list {#kit .wide}\n\nTent\n: A light one.\n\n"Quoted" -- and... done\n\n<div>raw</div>',
      goldmark,
    );
    expect(html).toContain('<h2 id="kit" class="wide" data-source-line="1">Packing list</h2>');
    expect(html).toContain(
      '<dl data-source-line="3">\n<dt>Tent</dt>\n<dd>A light one.</dd>\n</dl>',
    );
    expect(html).toContain('“Quoted” – and… done');
    expect(html).toContain('raw HTML omitted');
    expect(html).not.toContain('<div>raw</div>');
  });

  it('follows the site’s markup.goldmark settings', () => {
    const flavour = profileOf('hugo').markdown!({
      markup: {
        goldmark: {
          renderer: { unsafe: true },
          extensions: { typographer: false, definitionList: false },
        },
      },
    })!;
    const html = render('"x"\n\nTerm\n: def\n\n<div>raw</div>', flavour);
    expect(html).toContain('&quot;x&quot;');
    expect(html).not.toContain('<dl');
    expect(html).toContain('<div>raw</div>');
  });

  it('keeps attributes to those that style and anchor: nothing that runs', () => {
    const html = render('## Title {#a onclick="alert(1)" style="color:red" .b}', goldmark);
    expect(html).toContain('id="a"');
    expect(html).not.toContain('onclick');
    expect(html).not.toContain('style=');
  });
});

describe('kramdown (Jekyll)', () => {
  it('reads IALs on blocks and spans, {:toc}, abbreviations; hides ALDs and comments', () => {
    const md = [
      '* TOC',
      '{:toc}',
      '',
      '## First part',
      '',
      'A note about HTML.',
      '{: .note}',
      '',
      '{:refdef: .special}',
      '',
      '{::comment}',
      'Not for readers.',
      '{:/comment}',
      '',
      '## Second part',
      '',
      '*[HTML]: Hyper Text Markup Language',
    ].join('\n');
    const html = render(md, kramdown);
    expect(html).toMatch(
      /<ul class="markdown-toc"[^>]*>\s*<li class="toc-level-2"><a href="#first-part">First part<\/a><\/li>\s*<li class="toc-level-2"><a href="#second-part">Second part<\/a><\/li>\s*<\/ul>/,
    );
    expect(html).toContain('<p class="note"');
    expect(html).toContain('<abbr title="Hyper Text Markup Language">HTML</abbr>');
    expect(html).not.toContain('refdef');
    expect(html).not.toContain('Not for readers');
  });

  it('reads its header id syntax `## Title {#id}`, in the heading and in the table of contents', () => {
    const html = render('* TOC\n{:toc}\n\n## Who rides {#riders}\n', kramdown);
    expect(html).toContain('<h2 id="riders"');
    expect(html).toContain('<a href="#riders">Who rides</a>');
    expect(html).not.toContain('{#riders}');
  });

  it('makes header ids as its input does: GFM by default, kramdown’s own with input: kramdown', () => {
    const md = '## 2. Intro & Setup\n\n## 2. Intro & Setup';
    expect(render(md, kramdown)).toContain('id="2-intro--setup"');
    const own = render(md, kramdownIds);
    expect(own).toContain('id="intro--setup"');
    expect(own).toContain('id="intro--setup-1"');
  });
});

describe('marked (Hexo)', () => {
  it('keeps line breaks, smartens quotes and makes hexo’s ids (case kept)', () => {
    const html = render('## Intro & Setup\n\nline one\nline two "q"', marked);
    expect(html).toContain('id="Intro-Setup"');
    expect(html).toContain('line one<br>\nline two “q”');
    expect(render('Term\n: def', marked)).not.toContain('<dl');
  });

  it('follows the site’s marked settings', () => {
    const flavour = profileOf('hexo').markdown!({ marked: { breaks: false, smartypants: false } })!;
    expect(render('a\nb "q"', flavour)).toContain('a\nb &quot;q&quot;');
  });
});

describe('without a flavour', () => {
  it('stays CommonMark with GFM: no attributes, no definition lists, GitHub ids', () => {
    const html = render('## A Title {#x}\n\nTerm\n: def');
    expect(html).toContain('<h2 id="a-title-x"');
    expect(html).not.toContain('<dl');
  });
});

describe('kramdown’s IAL under a heading', () => {
  it('is the heading’s, and {: .no_toc} keeps it out of the table of contents', () => {
    const html = render('* TOC\n{:toc}\n\n## Contents\n{: .no_toc}\n\n## Real part', kramdown);
    expect(html).toContain('<h2 class="no_toc" id="contents"');
    expect(html).not.toContain('href="#contents"');
    expect(html).toContain('href="#real-part"');
  });
});
