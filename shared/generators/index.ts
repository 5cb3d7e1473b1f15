/**
 * The generator registry. To add a generator: write its profile (`<name>.ts`, a
 * GeneratorProfile), add its name to GENERATORS in models.ts and the profile to PROFILES
 * below (where it stands is its detection precedence), add a fixture blog in the generator's
 * real shape under tests/fixtures/blogs/<name>/, and its cases to tests/unit/detect-blog.test.ts
 * and tests/unit/generator-profiles.test.ts.
 */
import type { Generator } from '../models.ts';
import { astro } from './astro.ts';
import { eleventy } from './eleventy.ts';
import { gatsby } from './gatsby.ts';
import { hexo } from './hexo.ts';
import { hugo } from './hugo.ts';
import { jekyll } from './jekyll.ts';
import { next } from './next.ts';
import { plain } from './plain.ts';
import type { BlogLayout, FolderListing, GeneratorProfile, SiteConfigData } from './types.ts';
import { vitepress } from './vitepress.ts';
import { vuepress } from './vuepress.ts';

export type * from './types.ts';

/** In detection order: the first that is sure of a folder wins. */
const PROFILES: readonly GeneratorProfile[] = [
  hexo,
  hugo,
  jekyll,
  astro,
  gatsby,
  next,
  vuepress,
  vitepress,
  eleventy,
  plain,
];

const BY_NAME = new Map<Generator, GeneratorProfile>(PROFILES.map((p) => [p.name, p]));

export function profileOf(generator: Generator): GeneratorProfile {
  return BY_NAME.get(generator) ?? plain;
}

/** Recognises the generator from the listing alone: the first profile sure of it, else the first that may be. */
export function detectGenerator(listing: FolderListing): Generator {
  let maybe: Generator | null = null;
  for (const profile of PROFILES) {
    const verdict = profile.recognise(listing);
    if (verdict === 'sure') return profile.name;
    if (verdict === 'maybe') maybe ??= profile.name;
  }
  return maybe ?? 'plain';
}

/** Whether a generator recognised the folder (not just a folder of Markdown). */
export function isGeneratorSite(generator: Generator): boolean {
  return profileOf(generator) !== plain;
}

/** Where a generator keeps posts, drafts and static files, given what the folder holds. */
export function layoutFor(generator: Generator, listing: FolderListing): BlogLayout {
  const profile = profileOf(generator);
  const layout: BlogLayout = { generator, ...profile.layout(listing) };
  if (profile.urlKeys && listing.config) {
    const config = listing.config;
    // As JSON: it travels to the index workers and into the cache key.
    layout.urlConfig = JSON.parse(
      JSON.stringify(
        Object.fromEntries(profile.urlKeys.filter((k) => k in config).map((k) => [k, config[k]])),
      ),
    ) as SiteConfigData;
  }
  return layout;
}

/** The blog's layout: the configured generator's, else the detected one's. */
export function detectLayout(listing: FolderListing): BlogLayout {
  return layoutFor(listing.configured ?? detectGenerator(listing), listing);
}
