import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../shared/models.ts';
import { postForHref, urlIndex } from '../../renderer/features/preview/post-links.ts';
import {
  isExpired,
  isScheduled,
  matches,
  NO_FILTER,
} from '../../renderer/features/library/view.ts';

const post = (path: string, extra: Partial<PostSummary> = {}): PostSummary => ({
  path,
  title: path,
  date: null,
  dateValue: null,
  draft: false,
  tags: [],
  categories: [],
  wordCount: 0,
  mtimeMs: 0,
  size: 0,
  ...extra,
});

describe('links in the preview that open another post', () => {
  const posts = [
    post('_posts/2024-08-02-valloire.md', { url: '/2024/08/02/valloire.html' }),
    post('content/posts/ridge-walk.md', { url: '/posts/ridge-walk/' }),
  ];
  const index = urlIndex(posts);
  const paths = new Set(posts.map((p) => p.path));
  const open = (href: string, from = 'content/posts/other.md', base = '') =>
    postForHref(href, index, paths, from, base);

  it('find the post by its URL, with or without the base path, slash or .html', () => {
    expect(open('/posts/ridge-walk/')).toBe('content/posts/ridge-walk.md');
    expect(open('/posts/ridge-walk')).toBe('content/posts/ridge-walk.md');
    expect(open('/posts/Ridge-Walk/#route')).toBe('content/posts/ridge-walk.md');
    expect(open('/journal/2024/08/02/valloire.html', '', '/journal')).toBe(
      '_posts/2024-08-02-valloire.md',
    );
    expect(open('/2024/08/02/valloire')).toBe('_posts/2024-08-02-valloire.md');
  });

  it('find a post by its file, relative to the open one', () => {
    expect(open('ridge-walk.md')).toBe('content/posts/ridge-walk.md');
    expect(open('../../_posts/2024-08-02-valloire.md')).toBe('_posts/2024-08-02-valloire.md');
  });

  it('leave other links alone', () => {
    expect(open('/about/')).toBeNull();
    expect(open('https://example.org/posts/ridge-walk/')).toBeNull();
    expect(open('#route')).toBeNull();
    expect(open('javascript:alert(1)')).toBeNull();
    expect(open('%E0%A4%A')).toBeNull();
  });
});

describe('Hugo’s schedule in the list', () => {
  const now = Date.UTC(2024, 5, 1);
  it('a publishDate ahead is Scheduled even when the date is past; an expiryDate past is Expired', () => {
    const later = post('a.md', {
      dateValue: Date.UTC(2024, 0, 1),
      publishValue: Date.UTC(2024, 6, 1),
    });
    const gone = post('b.md', {
      dateValue: Date.UTC(2024, 0, 1),
      expiryValue: Date.UTC(2024, 4, 1),
    });
    const section = post('_index.md', { section: true });
    expect(isScheduled(later, now)).toBe(true);
    expect(isExpired(gone, now)).toBe(true);
    expect(isExpired(gone, null)).toBe(false);
    expect(matches(later, { ...NO_FILTER, status: 'published' }, now)).toBe(false);
    expect(matches(gone, { ...NO_FILTER, status: 'expired' }, now)).toBe(true);
    expect(matches(section, { ...NO_FILTER, status: 'sections' }, now)).toBe(true);
    expect(matches(section, { ...NO_FILTER, status: 'published' }, now)).toBe(false);
  });
});

describe('the URL the form shows', () => {
  const workspace = {
    root: '/blog',
    name: 'blog',
    assetBase: 'asset://blog/',
    generator: 'hexo' as const,
    staticRoot: 'source',
    postAssetFolder: false,
    fileNameDates: false,
    futureScheduled: false,
    basePath: '/blog',
    urlConfig: { permalink: ':year/:month/:title/' },
  };

  it('follows the front matter as it stands, with the base path, and a Hexo file’s time', async () => {
    const { livePostUrl } = await import('../../renderer/features/frontmatter/post-url.ts');
    const path = 'source/_posts/hello.md';
    expect(livePostUrl(workspace, path, { date: '2024-02-03 10:00:00' }, null)).toBe(
      '/blog/2024/02/hello/',
    );
    expect(livePostUrl(workspace, path, { date: '2024-02-03', permalink: 'hi/' }, null)).toBe(
      '/blog/hi/',
    );
    expect(livePostUrl(workspace, path, {}, null)).toBeNull();
    expect(livePostUrl(workspace, path, {}, null, new Date(2023, 10, 5, 12).getTime())).toBe(
      '/blog/2023/11/hello/',
    );
  });
});
