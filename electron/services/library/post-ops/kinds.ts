/**
 * What New… can make besides a post: a page (Hexo's `source/`, Jekyll's root) and an entry
 * of each collection (Jekyll's `_docs`, Astro's `src/content/<name>`), where each goes, and
 * the front matter a new one starts with when the site has no scaffold for it.
 */
import { stringify } from 'yaml';
import type { NewPostKind } from '../../../../shared/models.ts';
import {
  type BlogLayout,
  type GeneratorProfile,
  type NewPostPlace,
  type SiteFiles,
} from '../../../../shared/generators/index.ts';
import { bundleIn, fileIn, folderOf } from '../../../../shared/generators/naming.ts';
import { POSTS_KIND, type ContentType, type FieldObservations } from '../../../../shared/schema.ts';
import { entryOptions, PAGES_KIND } from '../list-posts.ts';
import { yamlScalar } from './template.ts';

/** The kind an entry is listed as: its collection, `pages`, or `posts`. */
export function kindOfPath(profile: GeneratorProfile, layout: BlogLayout, rel: string): string {
  return entryOptions(layout, rel).collection ?? profile.collectionOf?.(rel) ?? POSTS_KIND;
}

/**
 * Posts first, then pages where the site has a page folder, then each collection by name. A
 * collection that is where New… puts posts (Astro's `blog`) is the posts kind.
 */
export function newPostKinds(
  profile: GeneratorProfile,
  layout: BlogLayout,
  site: SiteFiles,
  postFolder: string,
): NewPostKind[] {
  const kinds: NewPostKind[] = [{ kind: POSTS_KIND, folder: postFolder, drafts: true }];
  const pages = layout.pageFolders?.[0];
  if (pages !== undefined) kinds.push({ kind: PAGES_KIND, folder: pages, drafts: false });
  const collections = [...(layout.collections ?? []), ...(profile.collectionFolders?.(site) ?? [])];
  const seen = new Set(kinds.map((k) => k.kind));
  for (const { folder, name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
    if (folder === postFolder || seen.has(name)) continue;
    seen.add(name);
    // Drafts by a `draft:` field work in any folder; a drafts folder holds posts only.
    kinds.push({ kind: name, folder, drafts: profile.draftFolder === null });
  }
  return kinds;
}

/** The folder of a new post's place: a bundle's parent, else the file's folder. */
export function placeFolder(place: NewPostPlace): string {
  const folder = folderOf(place.path);
  return place.bundle ? folderOf(folder) : folder;
}

/** Where a new page or collection entry named `slug` goes. */
export function newEntryPlace(
  profile: GeneratorProfile,
  site: SiteFiles,
  kind: NewPostKind,
  slug: string,
): NewPostPlace {
  if (kind.kind === PAGES_KIND && profile.newPagePlace)
    return profile.newPagePlace(kind.folder, slug);
  if (kind.kind !== PAGES_KIND && kind.folder && site.usesBundles(kind.folder))
    return bundleIn(kind.folder, slug);
  // A page at the top of a Jekyll site is `about.md`: the whole blog is no guide to its extension.
  const ext = kind.folder ? site.usualExtension(kind.folder) : '.md';
  return fileIn(kind.folder, `${slug}${ext}`);
}

/** Keys whose value is each entry's own: never copied from its siblings. */
const OWN_KEYS =
  /^(title|date|pubdate|publishdate|updated|lastmod|modified|draft|published|slug|permalink|url|id|uid|description|summary|excerpt|order|weight|nav_order|sidebar_position)$/i;
/** The keys an entry's date is written under, in order of preference. */
const DATE_KEYS = ['date', 'pubDate', 'publishDate', 'published', 'created'];

export interface EntryValues {
  title: string;
  /** The date as the front matter writes it. */
  dateText: string;
  draft: boolean;
}

/**
 * A new entry's front matter, from what its kind's entries hold: the title; the date, under
 * the key most of them use (`date`, Astro's `pubDate`); each value every one of them shares
 * (a page's `layout: page`); the declared type's defaults; `draft: true` when asked.
 */
export function entryTemplate(
  values: EntryValues,
  seen: FieldObservations | undefined,
  declared: ContentType | undefined,
  draftField: boolean,
): string {
  const data = new Map<string, string>([['title', yamlScalar(values.title)]]);
  const keys = seen?.keys ?? {};
  const count = seen?.posts ?? 0;
  const dateKey =
    DATE_KEYS.find((key) => (keys[key]?.count ?? 0) * 2 > count) ??
    (declared?.fields.find((f) => f.type === 'date' || f.type === 'datetime')?.name || null);
  if (dateKey) data.set(dateKey, values.dateText);
  if (count >= 2) {
    for (const [key, entry] of Object.entries(keys)) {
      const shared = Object.entries(entry.values);
      if (OWN_KEYS.test(key) || entry.count !== count || entry.kinds.string !== count) continue;
      if (shared.length === 1 && shared[0]![1] === count) data.set(key, yamlScalar(shared[0]![0]));
    }
  }
  for (const field of declared?.fields ?? []) {
    if (field.default === undefined || data.has(field.name)) continue;
    data.set(field.name, stringify(field.default, { collectionStyle: 'flow' }).trimEnd());
  }
  if (values.draft && draftField) data.set('draft', 'true');
  const lines = [...data].map(([key, value]) => `${yamlKey(key)}: ${value}`);
  return ['---', ...lines, '---', '', ''].join('\n');
}

const yamlKey = (key: string) => (/^[\w-]+$/.test(key) ? key : JSON.stringify(key));
