/**
 * Naming new files in a blog: a renamed post's base, and a free name when one is taken. Where
 * a new post goes is the generator profile's (shared/generators/).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BlogLayout, NewPostPlace } from '../../../../shared/generators/index.ts';
import { splitDatePrefix } from './slug.ts';

export type { NewPostPlace };

export interface BlogContext {
  root: string;
  layout: BlogLayout;
}

/**
 * The file name a post should have after its slug changes: a date prefix (Jekyll's, or a
 * Hexo `new_post_name` with one) is kept, the rest becomes the slug.
 */
export function renamedBase(oldBase: string, slug: string): string {
  return splitDatePrefix(oldBase).prefix + slug;
}

/** `slug-2`, `slug-3`, … until neither the file nor (for bundles and asset folders) the folder exists. */
export function uniquePlace(root: string, place: NewPostPlace, extraFolder = false): string {
  const taken = (rel: string) => {
    const file = path.join(root, rel);
    if (existsSync(file)) return true;
    if (place.bundle) return existsSync(path.dirname(file));
    return extraFolder && existsSync(file.replace(/\.(md|markdown|mdx)$/i, ''));
  };
  if (!taken(place.path)) return place.path;
  for (let n = 2; ; n++) {
    const candidate = place.bundle
      ? place.path.replace(/\/([^/]+)\/(index\.[^/]+)$/, `/$1-${n}/$2`)
      : place.path.replace(/(\.[^./]+)$/, `-${n}$1`);
    if (!taken(candidate)) return candidate;
  }
}
