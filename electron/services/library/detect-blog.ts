import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type Generator =
  | 'hexo'
  | 'hugo'
  | 'jekyll'
  | 'astro'
  | 'eleventy'
  | 'vuepress'
  | 'vitepress'
  | 'gatsby'
  | 'next'
  | 'plain';

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
}

/**
 * What the folder holds, for detection: names at the top (folders end with `/`), the names
 * inside a few well-known folders (`source/`, `content/`, `docs/`, `src/`), and the text of
 * the generator config that changes the layout (Hexo's `_config.yml`).
 */
export interface FolderListing {
  entries: ReadonlySet<string>;
  hexoConfig?: string;
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

/** Recognises the generator from the listing alone: pure, one rule per generator. */
export function detectLayout({ entries, hexoConfig }: FolderListing): BlogLayout {
  const has = (name: string) => entries.has(name);
  if (has('_config.yml') && has('source/')) {
    const postAssetFolder = readsPostAssetFolder(hexoConfig);
    return {
      generator: 'hexo',
      postFolders: ['source/_posts', 'source/_drafts'],
      draftFolders: ['source/_drafts'],
      staticRoot: 'source',
      postAssetFolder,
    };
  }
  if (
    any(entries, ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml']) ||
    (has('content/') && has('archetypes/'))
  ) {
    return { generator: 'hugo', postFolders: ['content'], draftFolders: [], staticRoot: 'static' };
  }
  if (has('_config.yml') && (has('_posts/') || has('_drafts/'))) {
    return {
      generator: 'jekyll',
      postFolders: ['_posts', '_drafts'],
      draftFolders: ['_drafts'],
      staticRoot: '',
    };
  }
  if (
    any(entries, ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts'])
  ) {
    return {
      generator: 'astro',
      postFolders: ['src/content', 'src/pages'],
      draftFolders: [],
      staticRoot: 'public',
    };
  }
  if (any(entries, ['gatsby-config.js', 'gatsby-config.ts', 'gatsby-config.mjs'])) {
    // Gatsby serves `static/` at the site root; its `public/` is the build output.
    return {
      generator: 'gatsby',
      postFolders: ['content'],
      draftFolders: [],
      staticRoot: 'static',
    };
  }
  if (any(entries, ['next.config.js', 'next.config.mjs', 'next.config.ts']) && has('_posts/')) {
    return { generator: 'next', postFolders: ['_posts'], draftFolders: [], staticRoot: 'public' };
  }
  if (has('.vuepress/') || has('docs/.vuepress/')) {
    const docs = has('docs/.vuepress/') ? 'docs' : '';
    return {
      generator: 'vuepress',
      postFolders: [docs],
      draftFolders: [],
      staticRoot: `${docs ? 'docs/' : ''}.vuepress/public`,
    };
  }
  if (has('.vitepress/') || has('docs/.vitepress/')) {
    const docs = has('docs/.vitepress/') ? 'docs' : '';
    return {
      generator: 'vitepress',
      postFolders: [docs],
      draftFolders: [],
      staticRoot: docs ? 'docs/public' : 'public',
    };
  }
  if (
    any(entries, [
      '.eleventy.js',
      'eleventy.config.js',
      'eleventy.config.mjs',
      'eleventy.config.cjs',
    ])
  ) {
    return { generator: 'eleventy', postFolders: [''], draftFolders: [], staticRoot: '' };
  }
  return { generator: 'plain', postFolders: [''], draftFolders: [], staticRoot: '' };
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

/** Reads what detectLayout looks at, then detects. */
export function detectBlog(root: string): BlogLayout {
  const entries = new Set(names(root, ''));
  for (const folder of ['source', 'content', 'docs', 'src']) {
    if (entries.has(`${folder}/`)) for (const name of names(root, folder)) entries.add(name);
  }
  const configFile = path.join(root, '_config.yml');
  const hexoConfig = existsSync(configFile) ? readFileSync(configFile, 'utf8') : undefined;
  return detectLayout({ entries, hexoConfig });
}
