import type { ListedPost } from '../../../shared/models.ts';

/** URLs compared without a trailing slash, `index.html` or the `.html` Jekyll may add. */
const normalUrl = (url: string): string =>
  url
    .replace(/[?#].*$/, '')
    .replace(/(\/index)?\.html$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();

/** The library's posts by URL, for links in the preview: made once per list. */
export function urlIndex(posts: readonly ListedPost[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const post of posts) if (post.url) index.set(normalUrl(post.url), post.path);
  return index;
}

/**
 * The post a link in the preview points to, or null: a site path that is a post's URL (with
 * or without the site's base path), or a relative link to another post's file
 * (`../other.md`), as writers link between posts.
 */
export function postForHref(
  href: string,
  index: ReadonlyMap<string, string>,
  posts: ReadonlySet<string>,
  currentPath: string,
  basePath: string,
): string | null {
  let target: string;
  try {
    target = decodeURI(href.trim());
  } catch {
    return null;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('#'))
    return null;
  if (target.startsWith('/')) {
    if (basePath && target.startsWith(`${basePath}/`)) target = target.slice(basePath.length);
    return index.get(normalUrl(target)) ?? null;
  }
  const file = target.replace(/[?#].*$/, '');
  const parts = currentPath.split('/').slice(0, -1);
  for (const part of file.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  const path = parts.join('/');
  return posts.has(path) ? path : null;
}
