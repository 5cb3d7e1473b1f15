/**
 * Recognises the blog in a folder: lists what the generator profiles look at (names at the
 * top and in a few well-known folders, package.json's dependencies, `.folio/config.yaml`'s
 * `generator:`), lets the registry decide, then reads that generator's site config once and
 * hands it to the profile for the layout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  detectGenerator,
  layoutFor,
  type BlogLayout,
  type FolderListing,
} from '../../../shared/generators/index.ts';
import { GENERATORS, type Generator } from '../../../shared/models.ts';
import { siteConfig, type SiteConfig } from './site-config.ts';

export type { BlogLayout, FolderListing, Generator };
export { detectGenerator, detectLayout, layoutFor } from '../../../shared/generators/index.ts';

function names(root: string, folder: string): string[] {
  try {
    return readdirSync(path.join(root, folder), { withFileTypes: true }).map(
      (e) => (folder ? `${folder}/` : '') + e.name + (e.isDirectory() ? '/' : ''),
    );
  } catch {
    return [];
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Dependency names from package.json; none when it is missing or not JSON. */
function readPackages(root: string): Set<string> {
  const text = readText(path.join(root, 'package.json'));
  try {
    const json = JSON.parse(text ?? '{}') as Record<string, unknown>;
    const names = new Set<string>();
    for (const key of ['dependencies', 'devDependencies']) {
      const deps = json[key];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
    }
    return names;
  } catch {
    return new Set();
  }
}

/**
 * `generator:` from `.folio/config.yaml` when it names a known generator. A wrong value is
 * reported by the schema loader (blog-schema.ts), which validates the whole file.
 */
function readConfiguredGenerator(root: string): Generator | undefined {
  const text = readText(path.join(root, '.folio', 'config.yaml'));
  if (text === undefined) return undefined;
  try {
    const value = (parse(text) as { generator?: unknown } | null)?.generator;
    return GENERATORS.find((g) => g === value);
  } catch {
    return undefined;
  }
}

/** A blog as opened: its layout and its site config, read once. */
export interface OpenedSite {
  layout: BlogLayout;
  config: SiteConfig;
}

/** Reads what the profiles look at, detects the generator, and lays the blog out by its config. */
export function openSite(root: string): OpenedSite {
  const entries = new Set(names(root, ''));
  for (const folder of ['source', 'content', 'docs', 'src']) {
    if (entries.has(`${folder}/`)) for (const name of names(root, folder)) entries.add(name);
  }
  const listing: FolderListing = {
    entries,
    packages: readPackages(root),
    configured: readConfiguredGenerator(root),
  };
  const generator = listing.configured ?? detectGenerator(listing);
  const config = siteConfig(root, generator);
  return { layout: layoutFor(generator, { ...listing, config: config.data }), config };
}

/** The blog's layout (see openSite). */
export function detectBlog(root: string): BlogLayout {
  return openSite(root).layout;
}
