/** Pieces of file naming and placing that more than one generator profile uses. */
import type { BlogLayout, NewPostPlace, SiteFiles } from './types.ts';

/** The last part of a `/`-separated path. */
export const basename = (rel: string): string => rel.slice(rel.lastIndexOf('/') + 1);

/** A `/`-separated path without its last part; '' for a name at the top. */
export const dirname = (rel: string): string =>
  rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';

export const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-12-07`, in local time: the date prefix of Jekyll's post file names. */
export const isoDay = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A Markdown file `name` in `folder`. */
export const fileIn = (folder: string, name: string): NewPostPlace => ({
  path: folder ? `${folder}/${name}` : name,
  bundle: false,
});

/** A page bundle for `slug` in `folder`: `<folder>/<slug>/index.md`. */
export const bundleIn = (folder: string, slug: string): NewPostPlace => ({
  path: `${folder}/${slug}/index.md`,
  bundle: true,
});

/** The first of `candidates` that is a folder of the blog, else `fallback`. */
export const firstFolder = (site: SiteFiles, candidates: string[], fallback: string): string =>
  candidates.find((rel) => site.isFolder(rel)) ?? fallback;

/** `<folder>/<child>`, or `child` when the folder is the blog itself. */
export const under = (folder: string, child: string): string =>
  folder ? `${folder}/${child}` : child;

/** The folder of a post, '' for one at the top. */
export const folderOf = dirname;

/** Hugo and Gatsby page bundles: the post is the `index.md` of its own folder. */
export const isBundlePath = (postPath: string): boolean =>
  /^_?index\.mdx?$/i.test(basename(postPath));

/** Images in the site's static folder: `<staticRoot>/images`. */
export const staticImages = (layout: Pick<BlogLayout, 'staticRoot'>): string =>
  under(layout.staticRoot, 'images');

/** The `YYYY-MM-DD` a post's file name starts with (`2024-03-17-slug.md`), if a real date. */
export function dateFromFileName(postPath: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})-/.exec(basename(postPath));
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? match[0].slice(0, 10) : null;
}

/** Never a page: generators that keep their pages outside the post folders. */
export const noPages = (): boolean => false;

/** No sections to choose from. */
export const noSections = (): string[] => [];

/** Posts dated in the future are built like the others. */
export const futureBuilt = (): boolean => false;

/** Dates are written as the blog writes them. */
export const noTimeZone = (): null => null;

/**
 * The section a new post goes to: the one holding `near` (the post open when New… was
 * chosen), else posts, post or blog, else the first; null for a site with no section yet.
 */
export function defaultSection(sections: string[], near?: string | null): string | null {
  const holding = near ? sections.find((s) => near.startsWith(`${s}/`)) : undefined;
  if (holding) return holding;
  for (const name of ['posts', 'post', 'blog']) {
    const found = sections.find((s) => basename(s) === name);
    if (found) return found;
  }
  return sections[0] ?? null;
}

/** Where a new post goes in a folder of Markdown with no conventions of its own (Eleventy, plain). */
export function postInFirstPostFolder(
  site: SiteFiles,
  layout: BlogLayout,
  slug: string,
): NewPostPlace {
  const base = layout.postFolders[0] ?? '';
  const folder = firstFolder(
    site,
    ['posts', 'blog', 'src/posts', 'src/blog', 'content/posts'].map((f) => under(base, f)),
    base,
  );
  return fileIn(folder, `${slug}.md`);
}

/** Images beside the post, for sites with no static folder of their own. */
export const imagesBesidePost = (_layout: unknown, postPath: string): string =>
  under(folderOf(postPath), 'images');

/**
 * A site's base path from its config (`/journal/`, `https://x.example/blog/`) as `/journal`,
 * `/blog`; '' at the root or when it is not a path.
 */
export function sitePath(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) return '';
  let pathname = value.trim();
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(pathname);
  if (url) pathname = url[1] ?? '';
  pathname = pathname.replace(/\/+$/, '');
  return /^\/[^\s?#]*$/.test(pathname) ? pathname : '';
}
