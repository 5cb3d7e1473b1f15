/**
 * CommonMark 0.31.2 conformance of the preview renderer, with its default options (the GFM
 * extensions, math and highlighting all on). Every spec example runs through renderMarkdown;
 * both sides are normalized the way CommonMark's own test runner does (normalize.py:
 * whitespace around block tags, attribute order, `<br />` vs `<br>`), and our own additions
 * are stripped first: `data-source-line` on blocks and `id` on headings.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../shared/markdown/index.ts';

interface Example {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

const { tests: examples } = createRequire(import.meta.url)('commonmark-spec') as {
  tests: Example[];
};

/** Examples that differ on purpose, each for a reason the preview wants. */
const KNOWN_DIFFERENCES: Record<number, string> = {
  142: 'highlight.js colours ```ruby (spans inside <code>)',
  143: 'highlight.js colours ~~~~ ruby (spans inside <code>)',
  602: 'GFM autolinks: a bare https:// URL inside <…> with a space is linked',
  608: 'GFM autolinks: a bare https:// URL inside < … > is linked',
  611: 'GFM autolinks: a bare https:// URL is linked',
  612: 'GFM autolinks: a bare email address is linked',
};

// The block-level tags of commonmark-spec's test/normalize.py.
const BLOCK_TAGS = new Set(
  (
    'article header aside hgroup blockquote hr iframe body li map button object canvas ol ' +
    'caption output col p colgroup pre dd progress div section dl table td dt tbody embed ' +
    'textarea fieldset tfoot figcaption th figure thead footer tr form ul h1 h2 h3 h4 h5 h6 ' +
    'video script style'
  ).split(' '),
);

const TOKEN =
  /<!--[\s\S]*?-->|<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>|<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>|<![^>]*>|<\?[\s\S]*?\?>|[^<]+|</g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** A port of normalize.py's HTML normalization, enough for comparing renderer outputs. */
function normalizeHtml(html: string): string {
  let out = '';
  let last: 'start' | 'end' | 'data' | 'other' = 'other';
  let lastTag = '';
  let inPre = false;
  const startTag = (tag: string, attrText: string) => {
    if (tag === 'pre') inPre = true;
    if (BLOCK_TAGS.has(tag)) out = out.trimEnd();
    const attrs = [...attrText.matchAll(ATTR)]
      .map((m) => [m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? null] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out += `<${tag}${attrs.map(([k, v]) => (v === null ? ` ${k}` : ` ${k}="${v}"`)).join('')}>`;
    lastTag = tag;
  };
  for (const m of html.matchAll(TOKEN)) {
    const [text, endName, startName, attrText, selfClosing] = m;
    if (endName !== undefined) {
      const tag = endName.toLowerCase();
      if (tag === 'pre') inPre = false;
      else if (BLOCK_TAGS.has(tag)) out = out.trimEnd();
      out += `</${tag}>`;
      lastTag = tag;
      last = 'end';
    } else if (startName !== undefined) {
      startTag(startName.toLowerCase(), attrText ?? '');
      last = selfClosing ? 'end' : 'start';
    } else if (text.startsWith('<') && text.length > 1) {
      out += text; // comment, declaration, processing instruction
      last = 'other';
    } else {
      let data = text;
      const afterTag = last === 'start' || last === 'end';
      if (afterTag && lastTag === 'br') data = data.replace(/^\n+/, '');
      if (!inPre) data = data.replace(/\s+/g, ' ');
      if (afterTag && BLOCK_TAGS.has(lastTag) && !inPre) {
        data = last === 'start' ? data.trimStart() : data.trim();
      }
      out += data;
      last = 'data';
    }
  }
  return out.trim();
}

/** Our additions, which CommonMark does not know: source lines and heading ids. */
const stripAdditions = (html: string) =>
  html.replace(/ data-source-line="\d+"/g, '').replace(/(<h[1-6]) id="[^"]*"/g, '$1');

// spec.txt shows tabs as → (its own runner swaps them back before running an example).
const tabs = (s: string) => s.replace(/→/g, '\t');

describe('CommonMark 0.31.2 conformance (renderMarkdown with its default options)', () => {
  const failures = examples.filter(
    (ex) =>
      normalizeHtml(stripAdditions(renderMarkdown(tabs(ex.markdown)))) !==
      normalizeHtml(tabs(ex.html)),
  );
  const passed = examples.length - failures.length;
  console.log(`CommonMark 0.31.2: ${passed}/${examples.length} examples pass`);

  it('has all 652 examples of the spec', () => {
    expect(examples).toHaveLength(652);
  });

  it('passes at least 99% of the examples', () => {
    expect(passed / examples.length).toBeGreaterThanOrEqual(0.99);
  });

  it('fails only where an extension differs on purpose', () => {
    const unexpected = failures
      .filter((ex) => !(ex.number in KNOWN_DIFFERENCES))
      .map((ex) => `#${ex.number} (${ex.section}): ${JSON.stringify(ex.markdown)}`);
    expect(unexpected).toEqual([]);
  });

  it('normalizes like the spec runner: block whitespace, attribute order, void tags', () => {
    expect(normalizeHtml('<blockquote>\n</blockquote>\n')).toBe('<blockquote></blockquote>');
    expect(normalizeHtml('<p>a<br />\nb</p>')).toBe(normalizeHtml('<p>a<br>\nb</p>'));
    expect(normalizeHtml('<a title="t" href="/u">x</a>')).toBe('<a href="/u" title="t">x</a>');
    expect(normalizeHtml('<pre><code>a\n\n  b\n</code></pre>')).toBe(
      '<pre><code>a\n\n  b\n</code></pre>',
    );
  });
});
