import { readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectBlog } from '../../electron/services/generators/detect-blog.ts';
import { Library } from '../../electron/services/library/library.ts';
import {
  applyTaxonomyEdit,
  planTaxonomyEdit,
  renameTerms,
} from '../../electron/services/library/taxonomy.ts';
import type { TaxonomyEdit } from '../../shared/models.ts';
import { errorCodeOf, useTempFolders, writeFiles } from './support/temp.ts';

const fixtures = fileURLToPath(new URL('../fixtures/blogs', import.meta.url));
const tempFolder = useTempFolders();

async function openFixture(name: string): Promise<{ root: string; library: Library }> {
  const root = path.join(await tempFolder(), name);
  await cp(path.join(fixtures, name), root, { recursive: true });
  const library = new Library({ root, layout: detectBlog(root) });
  await library.load();
  return { root, library };
}

const read = (root: string, rel: string) => readFile(path.join(root, rel), 'utf8');

async function rename(library: Library, edit: TaxonomyEdit, skip: string[] = []) {
  const plan = await planTaxonomyEdit(library, edit);
  return { plan, result: await applyTaxonomyEdit(library, plan, skip) };
}

describe('renameTerms', () => {
  const from = new Set(['a']);
  it('renames the item in place and keeps the others', () => {
    expect(renameTerms(['x', 'a', 'y'], from, 'b', false)).toEqual({ value: ['x', 'b', 'y'] });
  });
  it('keeps one item when the post already has the new name (a merge)', () => {
    expect(renameTerms(['b', 'x', 'a'], from, 'b', false)).toEqual({ value: ['b', 'x'] });
    expect(renameTerms(['a', 'b'], from, 'b', false)).toEqual({ value: ['b'] });
  });
  it('renames a single string, and Jekyll’s space-separated terms one by one', () => {
    expect(renameTerms('a', from, 'b', false)).toEqual({ value: 'b' });
    expect(renameTerms('a b c', from, 'b', true)).toEqual({ value: 'b c' });
    expect(renameTerms('x a', from, 'two words', true)).toMatchObject({ refused: /two/ });
  });
  it('leaves lists without the term alone and refuses nested lists holding it', () => {
    expect(renameTerms(['x'], from, 'b', false)).toEqual({ unchanged: true });
    expect(renameTerms([['Life', 'a'], ['x']], from, 'b', false)).toMatchObject({
      refused: /nested/,
    });
  });
});

describe('renaming and merging terms across a blog (real files)', () => {
  it('renames a tag: lists the posts first, then changes only that list item', async () => {
    const { root, library } = await openFixture('hexo');
    const chiff = 'source/_posts/2024-03-17-first-chiffchaff.md';
    const swifts = 'source/_posts/2024-09-02-swifts-leaving.md';
    const before = { chiff: await read(root, chiff), swifts: await read(root, swifts) };

    const plan = await planTaxonomyEdit(library, {
      kind: 'tags',
      from: ['migrants'],
      to: 'migration',
    });
    expect(plan.files.map((f) => f.path).sort()).toEqual([chiff, swifts]);
    expect(plan.files.every((f) => !f.merges)).toBe(true);
    // Planning writes nothing.
    expect(await read(root, chiff)).toBe(before.chiff);

    // The folder watcher is told each write first, so it is not taken for a change elsewhere.
    const told = new Map<string, { text: string; onDisk: string }>();
    const result = await applyTaxonomyEdit(library, plan, [], (rel, text) =>
      told.set(rel, { text, onDisk: readFileSync(path.join(root, rel), 'utf8') }),
    );
    expect(result.skipped).toEqual([]);
    expect(result.changed.map((p) => p.path).sort()).toEqual([chiff, swifts]);
    expect(told.get(chiff)).toEqual({ text: await read(root, chiff), onDisk: before.chiff });
    expect(told.get(swifts)).toEqual({ text: await read(root, swifts), onDisk: before.swifts });
    expect(await read(root, chiff)).toBe(before.chiff.replace('- migrants\n', '- migration\n'));
    expect(await read(root, swifts)).toBe(before.swifts.replace('- migrants\n', '- migration\n'));
    // The index follows: the list shows the new tag, the old one is gone.
    const tags = library.posts().flatMap((p) => p.tags);
    expect(tags).toContain('migration');
    expect(tags).not.toContain('migrants');
  });

  it('merges a tag into one a post already has without making a duplicate', async () => {
    const { root, library } = await openFixture('hexo');
    const chiff = 'source/_posts/2024-03-17-first-chiffchaff.md'; // tags: migrants, warblers
    const dawn = 'source/_posts/2024-06-08-a-dawn-chorus-count.md'; // [surveys, warblers, wrens]
    const before = { chiff: await read(root, chiff), dawn: await read(root, dawn) };

    const { plan, result } = await rename(library, {
      kind: 'tags',
      from: ['warblers'],
      to: 'migrants',
    });
    expect(plan.files.find((f) => f.path === chiff)?.merges).toBe(true);
    expect(plan.files.find((f) => f.path === dawn)?.merges).toBe(false);
    expect(result.skipped).toEqual([]);
    expect(await read(root, chiff)).toBe(before.chiff.replace('- warblers\n', ''));
    expect(await read(root, dawn)).toBe(
      before.dawn.replace('tags: [surveys, warblers, wrens]', 'tags: [surveys, migrants, wrens]'),
    );
    expect(library.entry(chiff)?.summary.tags).toEqual(['migrants']);
  });

  it('merges several categories into one', async () => {
    const { root, library } = await openFixture('hexo');
    const swifts = 'source/_posts/2024-09-02-swifts-leaving.md'; // categories: Patch, Autumn
    const before = await read(root, swifts);
    const { result } = await rename(library, {
      kind: 'categories',
      from: ['Spring', 'Autumn'],
      to: 'Seasons',
    });
    expect(result.changed).toHaveLength(2);
    expect(await read(root, swifts)).toBe(before.replace('- Autumn\n', '- Seasons\n'));
  });

  it('skips a file that changed on disk after the preview and one open with unsaved changes', async () => {
    const { root, library } = await openFixture('hexo');
    const chiff = 'source/_posts/2024-03-17-first-chiffchaff.md';
    const swifts = 'source/_posts/2024-09-02-swifts-leaving.md';
    const plan = await planTaxonomyEdit(library, { kind: 'tags', from: ['migrants'], to: 'x' });
    const edited = (await read(root, swifts)).replace('One evening', 'Some evening');
    await writeFile(path.join(root, swifts), edited);

    const result = await applyTaxonomyEdit(library, plan, [chiff]);
    expect(result.changed).toEqual([]);
    expect(result.skipped.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: chiff, reason: 'it is open with unsaved changes: save it first' },
      { path: swifts, reason: 'it changed on disk since the preview' },
    ]);
    expect(await read(root, swifts)).toBe(edited);
    expect(await read(root, chiff)).toContain('- migrants\n');
  });

  it('edits TOML and JSON front matter in place, keeping comments and layout', async () => {
    const { root, library } = await openFixture('hugo');
    const tide = 'content/posts/tide-tables.md';
    const rope = 'content/posts/rope-work.md';
    const beforeTide = await read(root, tide);
    await rename(library, { kind: 'tags', from: ['sea'], to: 'ocean' });
    expect(await read(root, tide)).toBe(
      beforeTide.replace('tags = ["sea", "notes"]', 'tags = ["ocean", "notes"]'),
    );
    const beforeRope = await read(root, rope);
    await rename(library, { kind: 'tags', from: ['knots'], to: 'ropework' });
    expect(await read(root, rope)).toBe(beforeRope.replace('["knots"]', '["ropework"]'));
  });

  it('keeps CRLF line endings and the BOM', async () => {
    const { root, library } = await openFixture('hugo');
    const windows = 'content/posts/windows-notes.md';
    const before = await read(root, windows);
    await rename(library, { kind: 'tags', from: ['crlf'], to: 'line-endings' });
    expect(await read(root, windows)).toBe(before.replace('  - crlf\r\n', '  - line-endings\r\n'));
  });

  it('renames Jekyll’s space-separated terms inside the string', async () => {
    const { root, library } = await openFixture('jekyll');
    const ice = '_posts/2024-01-22-ice-on-the-towpath.md';
    const mud = '_posts/2023-11-06-mudguards-matter.md';
    const before = { ice: await read(root, ice), mud: await read(root, mud) };
    await rename(library, { kind: 'tags', from: ['rain'], to: 'wet' });
    expect(await read(root, ice)).toBe(before.ice.replace('tags: ice rain', 'tags: ice wet'));
    expect(await read(root, mud)).toBe(before.mud.replace('[mudguards, rain]', '[mudguards, wet]'));
    await rename(library, { kind: 'categories', from: ['gear'], to: 'winter' });
    expect(await read(root, mud)).toBe(
      before.mud
        .replace('[mudguards, rain]', '[mudguards, wet]')
        .replace('categories: gear winter', 'categories: winter'),
    );
  });

  it('edits VuePress’s singular `tag:` and `category:` keys', async () => {
    const { root, library } = await openFixture('vuepress');
    const post = 'docs/posts/history-search.md';
    const before = await read(root, post);
    const { result } = await rename(library, { kind: 'tags', from: ['zsh'], to: 'shell' });
    expect(result.changed).toHaveLength(2);
    expect(await read(root, post)).toBe(before.replace('  - zsh\n', '  - shell\n'));
  });

  it('reports posts it cannot edit and leaves them untouched', async () => {
    const root = await tempFolder();
    const nested = '---\ntitle: Nested\ncategories:\n- [Life, Travel]\n---\nBody\n';
    await writeFiles(root, { 'nested.md': nested, 'ok.md': '---\ncategories: [Travel]\n---\n' });
    const library = new Library({ root, layout: detectBlog(root) });
    await library.load();
    const { result } = await rename(library, { kind: 'categories', from: ['Travel'], to: 'Trips' });
    expect(result.skipped).toEqual([
      { path: 'nested.md', reason: expect.stringMatching(/nested category lists/) as string },
    ]);
    expect(await read(root, 'nested.md')).toBe(nested);
    expect(await read(root, 'ok.md')).toBe('---\ncategories: [Trips]\n---\n');
  });

  it('refuses an empty or unchanged new name before looking at any file', async () => {
    const { library } = await openFixture('hexo');
    expect(
      await errorCodeOf(planTaxonomyEdit(library, { kind: 'tags', from: ['a'], to: ' ' })),
    ).toBe('INVALID_ARGUMENT');
    expect(
      await errorCodeOf(planTaxonomyEdit(library, { kind: 'tags', from: ['a'], to: 'a' })),
    ).toBe('INVALID_ARGUMENT');
  });
});
