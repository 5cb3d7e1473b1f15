import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../shared/frontmatter.ts';
import {
  emptyObservations,
  exampleForFormat,
  fieldsFor,
  inferSchema,
  observe,
  schemaFromConfig,
  withSuggestions,
} from '../../shared/schema.ts';
import { formatDateLike } from '../../shared/dates.ts';

const posts = [
  '---\ntitle: A\ndate: 2024-01-02 10:00:00\ntags: [x, y]\nhero_image: /a.png\nsticky: 1\nseries: {name: s}\n---\n',
  '---\ntitle: B\ndate: 2024-02-03 11:00:00\ntags: [y]\nhero_image: /b.png\nsticky: 2\n---\n',
  '---\ntitle: C\ndate: 2024-03-04 12:00:00\ntags: [y, z]\nsummary: "two\\nlines"\nrare: once\n---\n',
  '---\ntitle: D\ndate: 2024-04-05 13:00:00\ntags: []\nsummary: "again\\nhere"\n---\n',
  '---\ntitle: E\ndate: 2024-05-06 14:00:00\n---\n',
];

function observed() {
  const observations = emptyObservations();
  for (const text of posts) observe(observations, parseFrontMatter(text).data);
  return observations;
}

describe('inferSchema', () => {
  it('types each key from what the posts hold, usual blog fields first', () => {
    const fields = inferSchema(observed()).types[0]!.fields;
    const byName = Object.fromEntries(fields.map((f) => [f.name, f.type]));
    expect(fields.slice(0, 6).map((f) => f.name)).toEqual([
      'title',
      'date',
      'tags',
      'categories',
      'cover',
      'draft',
    ]);
    expect(byName).toMatchObject({
      title: 'text',
      date: 'datetime',
      tags: 'list',
      hero_image: 'image',
      sticky: 'number',
      summary: 'textarea',
    });
    // A key used by one post in five is below the line; it still shows when a post has it.
    expect(byName.rare).toBeUndefined();
  });

  it('suggests list values by how often the blog uses them', () => {
    const tags = inferSchema(observed()).types[0]!.fields.find((f) => f.name === 'tags');
    expect(tags?.suggestions).toEqual(['y', 'x', 'z']);
  });

  it('gives pages and each collection the fields their own entries use, not the posts’', () => {
    const observations = observed();
    const page = (text: string) => observe(observations, parseFrontMatter(text).data, 'pages');
    page('---\ntitle: About\nlayout: page\npermalink: /about/\n---\n');
    page('---\ntitle: Links\nlayout: page\n---\n');
    observe(observations, { title: 'Setup', nav_order: 1, audience: ['admins'] }, 'docs');
    observe(observations, { title: 'Usage', nav_order: 2, audience: ['writers'] }, 'docs');
    const schema = inferSchema(observations);
    expect(schema.types.map((t) => [t.name, t.kinds ?? []])).toEqual([
      ['post', []],
      ['docs', ['docs']],
      ['pages', ['pages']],
    ]);
    const names = (path: string, kind?: string) => fieldsFor(schema, path, kind).map((f) => f.name);
    expect(names('about.md', 'pages')).toEqual(['title', 'layout']);
    expect(names('_docs/setup.md', 'docs')).toEqual(['title', 'audience', 'nav_order']);
    expect(names('_posts/2024-01-01-a.md')).toContain('tags');
    // A docs entry's list suggests what docs use.
    const audience = fieldsFor(schema, '_docs/x.md', 'docs').find((f) => f.name === 'audience');
    expect(audience?.suggestions).toEqual(['admins', 'writers']);
  });
});

describe('schemaFromConfig', () => {
  const config = {
    dateFormat: 'YYYY/M/D HH:mm:ss',
    types: [
      {
        name: 'post',
        folders: ['source/_posts'],
        fields: [{ name: 'title', type: 'text', required: true }],
      },
      {
        name: 'page',
        folders: ['source/about'],
        fields: [
          { name: 'title', type: 'text' },
          { name: 'layout', type: 'select', options: ['page'] },
        ],
      },
    ],
  };

  it('picks the content type by folder', () => {
    const schema = schemaFromConfig(config);
    expect(fieldsFor(schema, 'source/_posts/a.md').map((f) => f.name)).toEqual(['title']);
    expect(fieldsFor(schema, 'source/about/index.md').map((f) => f.name)).toEqual([
      'title',
      'layout',
    ]);
  });

  it('picks a type by the entry’s kind before its folder, with that kind’s suggestions', () => {
    const observations = observed();
    observe(observations, { title: 'Setup', tags: ['install'] }, 'docs');
    const schema = withSuggestions(
      schemaFromConfig({
        types: [
          ...config.types,
          {
            name: 'doc',
            kinds: ['docs'],
            fields: [
              { name: 'title', type: 'text' },
              { name: 'tags', type: 'list' },
            ],
          },
        ],
      }),
      observations,
    );
    const doc = fieldsFor(schema, 'source/_posts/setup.md', 'docs');
    expect(doc.map((f) => f.name)).toEqual(['title', 'tags']);
    expect(doc[1]!.suggestions).toEqual(['install']);
    expect(fieldsFor(schema, 'source/_posts/a.md', 'posts').map((f) => f.name)).toEqual(['title']);
  });

  it('says what is wrong and where in a bad config', () => {
    expect(() =>
      schemaFromConfig({ types: [{ name: 'post', fields: [{ name: 'x', type: 'colour' }] }] }),
    ).toThrow(/\.folio\/config\.yaml: types\.0\.fields\.0\.type/);
    expect(() => schemaFromConfig({ types: [], extra: 1 })).toThrow(/\.folio\/config\.yaml/);
  });

  it('adds suggestions from the posts to declared list fields', () => {
    const schema = withSuggestions(
      schemaFromConfig({ types: [{ name: 'post', fields: [{ name: 'tags', type: 'list' }] }] }),
      observed(),
    );
    expect(schema.types[0]!.fields[0]!.suggestions).toEqual(['y', 'x', 'z']);
  });
});

describe('exampleForFormat', () => {
  it('gives new dates the blog’s configured layout', () => {
    const date = new Date(2024, 6, 5, 9, 8, 7);
    expect(formatDateLike(exampleForFormat('YYYY-MM-DD HH:mm:ss'), date)).toBe(
      '2024-07-05 09:08:07',
    );
    expect(formatDateLike(exampleForFormat('YYYY/M/D HH:mm:ss'), date)).toBe('2024/7/5 09:08:07');
    expect(formatDateLike(exampleForFormat('YYYY-MM-DD'), date)).toBe('2024-07-05');
  });
});
