/**
 * Finding the post a template link names (`ref`, `relref`, `post_link`, `post_url`,
 * `{% link %}`), the way each generator matches its argument, among the library's posts.
 */
import type { PostRef, TemplateContext } from './types.ts';

export { lookup } from '../../lookup.ts';

const MARKDOWN_EXT = /\.(md|markdown|mdown|mkd|mdx|html)$/i;

/** A path without its Markdown extension and without a bundle's `/index`/`/_index`. */
export const stem = (path: string): string =>
  path.replace(MARKDOWN_EXT, '').replace(/\/_?index$/i, '');

const baseName = (path: string): string => stem(path).split('/').pop() ?? '';

interface PostIndex {
  byStem: Map<string, PostRef>;
  byName: Map<string, PostRef>;
  stems: Array<[string, PostRef]>;
}

/** The library's posts by path and by name, made once per list (a render looks up many). */
const indexes = new WeakMap<readonly PostRef[], PostIndex>();

function indexOf(posts: readonly PostRef[]): PostIndex {
  let index = indexes.get(posts);
  if (!index) {
    index = { byStem: new Map(), byName: new Map(), stems: [] };
    for (const post of posts) {
      const s = stem(post.path);
      if (!index.byStem.has(s)) index.byStem.set(s, post);
      const name = baseName(post.path);
      if (!index.byName.has(name)) index.byName.set(name, post);
      index.stems.push([s, post]);
    }
    indexes.set(posts, index);
  }
  return index;
}

/**
 * The post `target` names: the same path (with or without extension, from the blog's root
 * or from `within`, the content folder), else the first post whose path ends with it, else
 * one whose file name (or bundle folder) is it.
 */
export function findPost(context: TemplateContext, target: string, within = ''): PostRef | null {
  const wanted = stem(target.replace(/^\.?\//, '').replace(/#.*$/, ''));
  if (!wanted || !context.posts) return null;
  const index = indexOf(context.posts);
  const prefix = within ? `${within.replace(/\/$/, '')}/` : '';
  const exact = index.byStem.get(wanted) ?? index.byStem.get(prefix + wanted);
  if (exact) return exact;
  if (wanted.includes('/')) {
    const suffix = `/${wanted}`;
    const found = index.stems.find(([s]) => s.endsWith(suffix));
    if (found) return found[1];
  }
  return index.byName.get(baseName(wanted)) ?? null;
}

/** The post's URL: the one the library knows, else its path as a site path (`/posts/slug/`). */
export function postUrl(post: PostRef, contentRoot = ''): string {
  if (post.url) return post.url;
  let path = stem(post.path);
  if (contentRoot && path.startsWith(`${contentRoot}/`)) path = path.slice(contentRoot.length + 1);
  return `/${path}/`;
}

/** A value as a template prints it. */
export function printValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(printValue).join('');
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
