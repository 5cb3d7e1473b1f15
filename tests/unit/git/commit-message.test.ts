import { describe, expect, it } from 'vitest';
import type { GitChangedFile, PostSummary } from '../../../shared/models.ts';
import { groupChanges, suggestMessage } from '../../../renderer/features/publish/commit-message.ts';

const post = (path: string, title: string) => ({ path, title }) as PostSummary;
const posts = [post('a.md', 'Alpha'), post('b.md', 'Beta'), post('c.md', 'Gamma')];
const changed = (...paths: string[]): GitChangedFile[] =>
  paths.map((path) => ({ path, change: 'modified' }));

describe('groupChanges', () => {
  it('puts the library’s posts first, by title, and every other file apart', () => {
    const groups = groupChanges(changed('_config.yml', 'c.md', 'a.md'), posts);
    expect(groups.posts.map((p) => p.title)).toEqual(['Alpha', 'Gamma']);
    expect(groups.others.map((f) => f.path)).toEqual(['_config.yml']);
  });
});

describe('suggestMessage', () => {
  const groups = groupChanges(changed('a.md', 'b.md', 'c.md', 'x/theme.css', 'y.yml'), posts);
  const pick = (...paths: string[]) => suggestMessage(groups, new Set(paths), 'Update {title}');

  it('names the post when one is selected', () => {
    expect(pick('b.md')).toBe('Update Beta');
    expect(pick('b.md', 'y.yml')).toBe('Update Beta');
  });

  it('starts from the writer’s message, {title} filled wherever it stands (or left out)', () => {
    const selected = new Set(['b.md']);
    expect(suggestMessage(groups, selected, 'Post: {title} ({title})')).toBe('Post: Beta (Beta)');
    expect(suggestMessage(groups, selected, 'Writing')).toBe('Writing');
    expect(suggestMessage(groups, new Set(['a.md', 'c.md']), 'Blog: {title}')).toBe(
      'Blog: 2 posts',
    );
  });

  it('counts posts when several are selected', () => {
    expect(pick('a.md', 'b.md', 'c.md')).toBe('Update 3 posts');
  });

  it('falls back to the files when no post is selected, and to nothing for nothing', () => {
    expect(pick('x/theme.css')).toBe('Update theme.css');
    expect(pick('x/theme.css', 'y.yml')).toBe('Update 2 files');
    expect(pick()).toBe('');
  });
});
