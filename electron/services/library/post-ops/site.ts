/**
 * A blog's conventions for new files: where a new post goes and how its file is named,
 * read from the folder (Hexo's `_config.yml`, Hugo's sections and bundles, …).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { BlogLayout } from '../detect-blog.ts';
import { splitDatePrefix } from './slug.ts';

export interface BlogContext {
  root: string;
  layout: BlogLayout;
}

const isFolder = (root: string, rel: string) => {
  try {
    return readdirSync(path.join(root, rel)) !== null;
  } catch {
    return false;
  }
};

const firstFolder = (root: string, candidates: string[], fallback: string) =>
  candidates.find((rel) => isFolder(root, rel)) ?? fallback;

/** Hexo's `new_post_name` (default `:title.md`); unreadable config means the default. */
export function hexoNewPostName(root: string): string {
  try {
    const config = parse(readFileSync(path.join(root, '_config.yml'), 'utf8')) as {
      new_post_name?: unknown;
    } | null;
    const name = config?.new_post_name;
    return typeof name === 'string' && name.includes(':title') ? name : ':title.md';
  } catch {
    return ':title.md';
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Fills Hexo's `new_post_name` placeholders (`:year-:month-:day-:title.md`). */
export function fillPostName(pattern: string, slug: string, date: Date): string {
  const values: Record<string, string> = {
    year: String(date.getFullYear()),
    month: pad(date.getMonth() + 1),
    i_month: String(date.getMonth() + 1),
    day: pad(date.getDate()),
    i_day: String(date.getDate()),
    hour: pad(date.getHours()),
    minute: pad(date.getMinutes()),
    second: pad(date.getSeconds()),
    title: slug,
  };
  const name = pattern.replace(
    /:(year|i_month|month|i_day|day|hour|minute|second|title)/g,
    (_, k) => values[k as string]!,
  );
  return /\.(md|markdown)$/i.test(name) ? name : `${name}.md`;
}

/** Whether most Markdown files under `folder` are page bundles (`<slug>/index.md`). */
export function usesBundles(root: string, folder: string): boolean {
  let bundles = 0;
  let files = 0;
  const visit = (rel: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && depth < 3) visit(`${rel}/${entry.name}`, depth + 1);
      else if (entry.isFile() && /\.(md|markdown|mdx)$/i.test(entry.name)) {
        if (/^index\.(md|markdown|mdx)$/i.test(entry.name) && depth > 0) bundles++;
        else if (!entry.name.startsWith('_')) files++;
      }
    }
  };
  visit(folder, 0);
  return bundles > files;
}

/** A language folder of a multilingual Hugo site (`content/en`, `content/pt-br`). */
const LANGUAGE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$/i;

const folders = (root: string, rel: string) => {
  try {
    return readdirSync(path.join(root, rel), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !/^[._]/.test(e.name))
      .map((e) => `${rel}/${e.name}`)
      .sort();
  } catch {
    return [];
  }
};

/**
 * A Hugo site's sections: the folders right under `content/`, or under each language's
 * `content/<lang>/` when `content/` holds only language folders (the Hugo docs' layout).
 */
export function hugoSections(root: string): string[] {
  const top = folders(root, 'content');
  const languages = top.filter((f) => LANGUAGE.test(path.posix.basename(f)));
  if (top.length && languages.length === top.length)
    return languages.flatMap((lang) => folders(root, lang));
  return top;
}

/**
 * The section a new post goes to: the one holding `near` (the post open when New… was
 * chosen), else posts, post or blog, else the first; null for a site with no section yet.
 */
export function defaultSection(sections: string[], near?: string | null): string | null {
  const holding = near ? sections.find((s) => near.startsWith(`${s}/`)) : undefined;
  if (holding) return holding;
  for (const name of ['posts', 'post', 'blog']) {
    const found = sections.find((s) => path.posix.basename(s) === name);
    if (found) return found;
  }
  return sections[0] ?? null;
}

/** The extension most of the folder's Markdown files have (Jekyll's own site: `.markdown`). */
export function usualExtension(root: string, folder: string): string {
  const counts = new Map<string, number>();
  try {
    for (const name of readdirSync(path.join(root, folder))) {
      const ext = /\.(md|markdown|mdown|mkd)$/i.exec(name)?.[0].toLowerCase();
      if (ext) counts.set(ext, (counts.get(ext) ?? 0) + 1);
    }
  } catch {
    // No folder yet: the default.
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '.md';
}

export interface NewPostPlace {
  /** Relative path of the new post, before a `-2` is added to make it unique. */
  path: string;
  /** A page bundle: the post is `<folder>/index.md`, the folder is new. */
  bundle: boolean;
  /** Hugo: the section the post belongs to (picks `archetypes/<section>.md`). */
  section?: string;
}

/** Draft status lives in a folder (Hexo, Jekyll) rather than in a field. */
export function hasDraftFolder(layout: BlogLayout): boolean {
  return layout.generator === 'hexo' || layout.generator === 'jekyll';
}

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Where a new post with this slug goes, by the generator's conventions. */
export function newPostPlace(
  { root, layout }: BlogContext,
  slug: string,
  draft: boolean,
  date: Date,
  hugo: { section?: string | null; bundle?: boolean } = {},
): NewPostPlace {
  const file = (folder: string, name: string) => ({
    path: folder ? `${folder}/${name}` : name,
    bundle: false,
  });
  const bundle = (folder: string) => ({ path: `${folder}/${slug}/index.md`, bundle: true });
  switch (layout.generator) {
    case 'hexo':
      return draft
        ? file('source/_drafts', `${slug}.md`)
        : file('source/_posts', fillPostName(hexoNewPostName(root), slug, date));
    case 'jekyll': {
      const ext = usualExtension(root, '_posts');
      return draft
        ? file('_drafts', `${slug}${ext}`)
        : file('_posts', `${isoDay(date)}-${slug}${ext}`);
    }
    case 'hugo': {
      const folder = hugo.section ?? defaultSection(hugoSections(root)) ?? 'content/posts';
      return {
        ...(hugo.bundle || usesBundles(root, folder) ? bundle(folder) : file(folder, `${slug}.md`)),
        section: path.posix.basename(folder),
      };
    }
    case 'gatsby':
      return bundle(firstFolder(root, ['content/blog', 'content/posts'], 'content/blog'));
    case 'astro': {
      const collections = (() => {
        try {
          return readdirSync(path.join(root, 'src/content'), { withFileTypes: true })
            .filter((e) => e.isDirectory())
            .map((e) => `src/content/${e.name}`);
        } catch {
          return [];
        }
      })();
      const folder = firstFolder(
        root,
        ['src/content/blog', 'src/content/posts', ...collections],
        'src/content/blog',
      );
      return usesBundles(root, folder) ? bundle(folder) : file(folder, `${slug}.md`);
    }
    case 'next':
      return file('_posts', `${slug}.md`);
    case 'vuepress':
    case 'vitepress': {
      const docs = layout.postFolders[0] ?? '';
      const posts = docs ? `${docs}/posts` : 'posts';
      return file(isFolder(root, posts) ? posts : docs, `${slug}.md`);
    }
    default: {
      const base = layout.postFolders[0] ?? '';
      const folder = firstFolder(
        root,
        ['posts', 'blog', 'src/posts', 'src/blog', 'content/posts'].map((f) =>
          base ? `${base}/${f}` : f,
        ),
        base,
      );
      return file(folder, `${slug}.md`);
    }
  }
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
