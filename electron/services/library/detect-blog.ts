import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { GENERATORS, type Generator } from '../../../shared/models.ts';

export type { Generator };

export interface BlogLayout {
  generator: Generator;
  /** Folders (relative, `/`-separated) whose Markdown files are posts; '' is the whole folder. */
  postFolders: string[];
  /** Folders whose posts are drafts (front-matter rules apply everywhere as well). */
  draftFolders: string[];
  /** Where site-absolute paths like `/images/x.png` point. */
  staticRoot: string;
  /** Hexo's `post_asset_folder`: a post's relative images live in a folder named after it. */
  postAssetFolder?: boolean;
  /**
   * Folders (from the blog's root) the generator builds the site into: never indexed, but
   * named in the skipped list when they hold Markdown. A folder named alike elsewhere (Hugo's
   * `content/en/functions/resources/`) is content like any other.
   */
  generatedFolders: string[];
}

/**
 * What the folder holds, for detection: names at the top (folders end with `/`), the names
 * inside a few well-known folders (`source/`, `content/`, `docs/`, `src/`), and the text of
 * the generator config that changes the layout (Hexo's `_config.yml`).
 */
export interface FolderListing {
  entries: ReadonlySet<string>;
  hexoConfig?: string;
  /** Names in package.json's dependencies and devDependencies (JavaScript generators). */
  packages?: ReadonlySet<string>;
  /** `generator:` from `.folio/config.yaml`: the writer's word beats detection. */
  configured?: Generator;
}

function readsPostAssetFolder(hexoConfig: string | undefined): boolean {
  try {
    return (
      (parse(hexoConfig ?? '') as { post_asset_folder?: unknown } | null)?.post_asset_folder ===
      true
    );
  } catch {
    return false;
  }
}

const any = (entries: ReadonlySet<string>, names: string[]) => names.some((n) => entries.has(n));

/** Recognises the generator from the listing alone: pure, one rule per generator, first match wins. */
export function detectGenerator({ entries, packages }: FolderListing): Generator {
  const has = (name: string) => entries.has(name);
  const uses = (name: string) => packages?.has(name) ?? false;
  const jekyllConfig = any(entries, ['_config.yml', '_config.yaml']);
  if (has('_config.yml') && (has('source/') || uses('hexo'))) return 'hexo';
  if (
    any(entries, ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml']) ||
    (has('content/') && has('archetypes/'))
  ) {
    return 'hugo';
  }
  if (jekyllConfig && (has('_posts/') || has('_drafts/'))) return 'jekyll';
  if (
    uses('astro') ||
    any(entries, ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts'])
  ) {
    return 'astro';
  }
  if (uses('gatsby') || any(entries, ['gatsby-config.js', 'gatsby-config.ts', 'gatsby-config.mjs']))
    return 'gatsby';
  // The blog-starter has no next.config file: `next` in package.json is the sign.
  if (
    (uses('next') || any(entries, ['next.config.js', 'next.config.mjs', 'next.config.ts'])) &&
    has('_posts/')
  ) {
    return 'next';
  }
  if (has('.vuepress/') || has('docs/.vuepress/')) return 'vuepress';
  if (has('.vitepress/') || has('docs/.vitepress/')) return 'vitepress';
  if (
    uses('@11ty/eleventy') ||
    any(entries, [
      '.eleventy.js',
      'eleventy.config.js',
      'eleventy.config.mjs',
      'eleventy.config.cjs',
      'eleventy.config.ts',
    ])
  ) {
    return 'eleventy';
  }
  // Hugo's YAML/JSON config or config folder is named too generically to outrank the others.
  if (has('content/') && (has('config/') || any(entries, ['config.yaml', 'config.json']))) {
    return 'hugo';
  }
  return 'plain';
}

/** Where a generator keeps posts, drafts and static files, given what the folder holds. */
export function layoutFor(
  generator: Generator,
  { entries, hexoConfig }: FolderListing,
): BlogLayout {
  const has = (name: string) => entries.has(name);
  switch (generator) {
    case 'hexo':
      return {
        generator,
        postFolders: ['source/_posts', 'source/_drafts'],
        draftFolders: ['source/_drafts'],
        staticRoot: 'source',
        postAssetFolder: readsPostAssetFolder(hexoConfig),
        generatedFolders: ['public', '.deploy_git'],
      };
    case 'hugo':
      return {
        generator,
        postFolders: ['content'],
        draftFolders: [],
        staticRoot: 'static',
        generatedFolders: ['public', 'resources'],
      };
    case 'jekyll':
      return {
        generator,
        postFolders: ['_posts', '_drafts'],
        draftFolders: ['_drafts'],
        staticRoot: '',
        generatedFolders: ['_site', '.jekyll-cache'],
      };
    case 'astro':
      return {
        generator,
        postFolders: ['src/content', 'src/pages'],
        draftFolders: [],
        staticRoot: 'public',
        generatedFolders: ['dist', '.astro'],
      };
    case 'gatsby':
      // Gatsby serves `static/` at the site root; its `public/` is the build output.
      return {
        generator,
        postFolders: ['content'],
        draftFolders: [],
        staticRoot: 'static',
        generatedFolders: ['public', '.cache'],
      };
    case 'next':
      return {
        generator,
        postFolders: ['_posts'],
        draftFolders: [],
        staticRoot: 'public',
        generatedFolders: ['.next', 'out'],
      };
    case 'vuepress': {
      const docs = has('docs/.vuepress/') ? 'docs' : '';
      return {
        generator,
        postFolders: [docs],
        draftFolders: [],
        staticRoot: `${docs ? 'docs/' : ''}.vuepress/public`,
        generatedFolders: [
          `${docs ? 'docs/' : ''}.vuepress/dist`,
          `${docs ? 'docs/' : ''}.vuepress/.temp`,
        ],
      };
    }
    case 'vitepress': {
      const docs = has('docs/.vitepress/') ? 'docs' : '';
      return {
        generator,
        postFolders: [docs],
        draftFolders: [],
        staticRoot: docs ? 'docs/public' : 'public',
        generatedFolders: [
          `${docs ? 'docs/' : ''}.vitepress/dist`,
          `${docs ? 'docs/' : ''}.vitepress/cache`,
        ],
      };
    }
    case 'eleventy':
      return {
        generator,
        postFolders: [''],
        draftFolders: [],
        staticRoot: '',
        generatedFolders: ['_site'],
      };
    case 'plain':
      // A plain folder has no generator, so no folder of it is generated.
      return {
        generator,
        postFolders: [''],
        draftFolders: [],
        staticRoot: '',
        generatedFolders: [],
      };
  }
}

/** The blog's layout: the configured generator's, else the detected one's. */
export function detectLayout(listing: FolderListing): BlogLayout {
  return layoutFor(listing.configured ?? detectGenerator(listing), listing);
}

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

/** Reads what detectLayout looks at, then detects. */
export function detectBlog(root: string): BlogLayout {
  const entries = new Set(names(root, ''));
  for (const folder of ['source', 'content', 'docs', 'src']) {
    if (entries.has(`${folder}/`)) for (const name of names(root, folder)) entries.add(name);
  }
  return detectLayout({
    entries,
    hexoConfig: readText(path.join(root, '_config.yml')),
    packages: readPackages(root),
    configured: readConfiguredGenerator(root),
  });
}
