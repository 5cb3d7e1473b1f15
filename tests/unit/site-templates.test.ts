import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSite } from '../../electron/services/generators/detect-blog.ts';
import {
  MAX_FILE_BYTES,
  readSiteTemplates,
} from '../../electron/services/generators/site-templates.ts';
import { leaksIn, siteLeaks } from '../tools/template-leaks.ts';

const fixtures = path.join(import.meta.dirname, '../fixtures/dialects');
const templatesOf = (name: string) => {
  const folder = path.join(fixtures, name);
  const { layout, config } = openSite(folder);
  return readSiteTemplates(folder, layout.generator, config.data);
};

describe('a site’s own templates', () => {
  it('lists Hugo shortcodes from the site and its theme, and which render Markdown', () => {
    const hugo = templatesOf('hugo');
    expect(hugo.dialect).toBe('hugo');
    expect(hugo.templates.callout).toEqual({
      file: 'layouts/shortcodes/callout.html',
      markdownInner: true,
      params: ['type', 'title'],
    });
    expect(hugo.templates['config-sample']!.markdownInner).toBe(false);
    expect(hugo.templates.gallery!.file).toBe('themes/fell/layouts/shortcodes/gallery.html');
    expect((hugo.site.params as { author: string }).author).toBe('Ines Varga');
  });

  it('reads Jekyll includes (with their parameters) and tags its plugins register', () => {
    const jekyll = templatesOf('jekyll');
    expect(jekyll.files['include:tip.html']).toContain('{{ include.text }}');
    expect(jekyll.files['include:widgets/elevation.html']).toContain('<figure');
    expect(jekyll.templates['tip.html']!.params).toEqual(['label', 'text']);
    expect(jekyll.templates.strava!.file).toBe('_plugins/strava.rb');
  });

  it('finds Hexo tags registered by the site and its theme, and the code folder’s files', () => {
    const hexo = templatesOf('hexo');
    expect(hexo.templates.pullout).toEqual({ file: 'scripts/pullout.js', markdownInner: true });
    expect(hexo.templates.note!.file).toBe('themes/towpath/scripts/note.js');
    expect(hexo.templates.button!.markdownInner).toBe(false);
    expect(hexo.files['code:lock/winch.js']).toContain('function turns');
  });

  it('finds Eleventy shortcodes in its config, without running it', () => {
    const eleventy = templatesOf('eleventy');
    expect(Object.keys(eleventy.templates)).toEqual(
      expect.arrayContaining(['youtube', 'callout', 'sowing-table.md']),
    );
    expect(eleventy.templates.callout!.markdownInner).toBe(true);
    expect(eleventy.templates.youtube!.markdownInner).toBe(false);
  });

  it('knows Astro components by file name, and MDX as its dialect', () => {
    const astro = templatesOf('astro');
    expect(astro.dialect).toBe('mdx');
    expect(astro.templates.Callout!.file).toBe('src/components/Callout.astro');
    expect(astro.templates.Exposure!.params).toEqual(['stops', 'iso']);
  });
});

describe('limits', () => {
  let temp = '';
  afterEach(() => temp && rmSync(temp, { recursive: true, force: true }));

  it('names an include too large to read, and follows no link out of the blog', () => {
    temp = mkdtempSync(path.join(tmpdir(), 'folio-templates-'));
    mkdirSync(path.join(temp, '_posts'));
    mkdirSync(path.join(temp, '_includes'));
    writeFileSync(path.join(temp, '_config.yml'), 'title: Limits\n');
    writeFileSync(path.join(temp, '_includes', 'big.html'), 'x'.repeat(MAX_FILE_BYTES + 1));
    writeFileSync(path.join(temp, '_includes', 'small.html'), '<b>ok</b>');
    const outside = mkdtempSync(path.join(tmpdir(), 'folio-outside-'));
    writeFileSync(path.join(outside, 'secret.html'), 'SECRET');
    symlinkSync(path.join(outside, 'secret.html'), path.join(temp, '_includes', 'link.html'));
    symlinkSync(outside, path.join(temp, '_includes', 'linked-folder'));
    try {
      const { files } = readSiteTemplates(temp, 'jekyll', {});
      expect(files['include:big.html']).toBeNull();
      expect(files['include:small.html']).toBe('<b>ok</b>');
      expect(Object.keys(files)).not.toContain('include:link.html');
      expect(JSON.stringify(files)).not.toContain('SECRET');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('the leak counter', () => {
  it('sees template syntax and a flavour’s syntax left raw, outside code only', async () => {
    const { renderMarkdown } = await import('../../shared/markdown/index.ts');
    expect(leaksIn(renderMarkdown('A {{< x >}} and {% y %} and {{ z }}.'))).toEqual([
      '{{<',
      '{%',
      '{{ z }}',
    ]);
    expect(leaksIn(renderMarkdown('A note.\n{: .note}\n\n## T {#t}'))).toEqual([
      '{: .note}',
      '{#t}',
    ]);
    expect(leaksIn(renderMarkdown('`{% x %}` and\n\n```\n{{< y >}}\n```'))).toEqual([]);
  });
});

describe('the dialect fixture blogs', () => {
  // Every construct of each generator's docs, in every argument form, in posts written for
  // these tests: none may show as raw braces in the preview.
  for (const name of ['hugo', 'hexo', 'jekyll', 'eleventy', 'astro']) {
    it(`${name}: no post shows raw template syntax`, () => {
      const site = siteLeaks(path.join(fixtures, name));
      expect(site.using).toBeGreaterThan(0);
      expect(site.leaking).toEqual([]);
    });
  }
});

describe('the word count', () => {
  it('leaves template syntax out in the library as the preview does', async () => {
    const { Library } = await import('../../electron/services/library/library.ts');
    const { countWords } = await import('../../shared/word-count.ts');
    const { withoutTemplates } = await import('../../shared/markdown/templates/index.ts');
    const { readFileSync } = await import('node:fs');
    const { parseFrontMatter } = await import('../../shared/frontmatter.ts');
    const folder = path.join(fixtures, 'jekyll');
    const { layout } = openSite(folder);
    const library = new Library({ root: folder, layout });
    await library.load();
    const rel = '_posts/2024-08-03-col-du-galibier.md';
    const listed = library.posts().find((p) => p.path === rel)!.wordCount;
    const { body } = parseFrontMatter(readFileSync(path.join(folder, rel), 'utf8'));
    expect(listed).toBe(countWords(withoutTemplates(body, 'jekyll')));
    expect(listed).toBeLessThan(countWords(body));
    await library.close();
  });
});
