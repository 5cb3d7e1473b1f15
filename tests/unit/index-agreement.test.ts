/**
 * The index's fast front-matter path (js-yaml's CORE schema, then the
 * lossless reader) must read every post as shared/frontmatter.ts `parseFrontMatter` does:
 * same fields, dates as the text written, same errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entryFromText, stringList } from '../../electron/services/library/post-entry.ts';
import { parseFrontMatter } from '../../shared/frontmatter.ts';
import { firstHeading } from '../../shared/markdown/index.ts';
import { corpusPosts } from '../bench/corpus.ts';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

function filesUnder(folder: string): Array<{ rel: string; text: string }> {
  const out: Array<{ rel: string; text: string }> = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(folder, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (child.endsWith('.md'))
        out.push({ rel: child, text: readFileSync(path.join(folder, child), 'utf8') });
    }
  };
  walk('');
  return out;
}

const asString = (value: unknown): string | null =>
  typeof value === 'string'
    ? value.trim() || null
    : typeof value === 'number'
      ? String(value)
      : null;

/** What the list shows, derived from the lossless reader. */
function expected(rel: string, text: string, inDraftFolder: boolean) {
  const parsed = parseFrontMatter(text);
  const data = parsed.error ? {} : parsed.data;
  return {
    title:
      asString(data.title) ??
      firstHeading(parsed.body) ??
      path.posix.basename(rel).replace(/\.(md|markdown|mdx)$/i, ''),
    date: asString(data.date) ?? asString(data.pubDate), // Astro's starter writes `pubDate:`
    tags: stringList(data.tags ?? data.tag), // VuePress writes `tag:`
    categories: stringList(data.categories ?? data.category),
    draft: inDraftFolder || data.draft === true || data.published === false,
    error: parsed.error ?? null,
    data: parsed.error ? null : parsed.data,
  };
}

function check(rel: string, text: string, inDraftFolder = false) {
  const { summary, data } = entryFromText(rel, text, { inDraftFolder });
  const want = expected(rel, text, inDraftFolder);
  expect(
    {
      title: summary.title,
      date: summary.date,
      tags: summary.tags,
      categories: summary.categories,
      draft: summary.draft,
      error: summary.error ?? null,
      data,
    },
    rel,
  ).toEqual(want);
}

describe('the index reads front matter as parseFrontMatter does', () => {
  it('on every post of the sample blog', () => {
    const posts = filesUnder(here('../../assets/sample-blog/source'));
    expect(posts.length).toBeGreaterThan(5);
    for (const { rel, text } of posts) check(rel, text, rel.startsWith('_drafts/'));
  });

  it('on every front-matter fixture (YAML, TOML, JSON, CRLF and BOM, anchors)', () => {
    const fixtures = filesUnder(here('../fixtures/frontmatter'));
    expect(fixtures.length).toBeGreaterThan(10);
    for (const { rel, text } of fixtures) check(rel, text);
  });

  it('on 300 generated posts', () => {
    let count = 0;
    for (const post of corpusPosts({ posts: 300, seed: 7 })) {
      check(post.path, post.text, post.path.includes('/_drafts/'));
      count++;
    }
    expect(count).toBe(300);
  });

  it('on front matter only the full readers understand, and on broken front matter', () => {
    const cases: Record<string, string> = {
      'nested.md': '---\ntitle: Nested\nparams:\n  author: Sam\n  tags: [a]\n---\nBody\n',
      'block.md': '---\ntitle: >-\n  Folded\n  title\ndate: 2020-01-01\n---\n',
      'anchors.md': '---\nbase: &b [x, y]\ntags: *b\ntitle: Anchored\n---\n',
      'dates.md': '---\ndate: 2024-01-02T10:00:00+08:00\nupdated: 2024-01-02\n---\n',
      'duplicate.md': '---\ntitle: One\ntitle: Two\n---\n# Heading\n',
      'unclosed.md': '---\ntitle: [unclosed\n---\nBody\n',
      'scalar.md': '---\njust a string\n---\n# From the heading\n',
      'toml.md':
        '+++\ntitle = "T"\ndate = 2024-01-02T10:00:00+08:00\ntags = ["a"]\ndraft = true\n+++\n',
      'toml-broken.md': '+++\ntitle = \n+++\n',
      'json.md': '{\n  "title": "J",\n  "categories": [["Life", "Travel"], ["Diary"]]\n}\nBody\n',
      'hexo-json.md': '"title": "Hexo",\n"tags": ["x"]\n;;;\nBody\n',
      'published.md': '---\ntitle: P\npublished: false\n---\n',
      'no-front-matter.md': 'Just text\n\n## A heading\n',
      'bom.md': '\uFEFF---\r\ntitle: BOM\r\n---\r\nBody\r\n',
    };
    for (const [rel, text] of Object.entries(cases)) check(rel, text);
  });

  it('finds a block whose closing fence is past the first kilobyte, and a late title heading', () => {
    const long = `---\ntitle: Long\ndescription: "${'x'.repeat(3000)}"\n---\nBody\n`;
    check('long.md', long);
    const late = `---\ndate: 2020-01-01\n---\n${'Some words here.\n\n'.repeat(400)}# The Late Heading\n`;
    check('late.md', late);
    expect(entryFromText('late.md', late, { inDraftFolder: false }).summary.title).toBe(
      'The Late Heading',
    );
  });
});
