/**
 * The blog's files as generator profiles look at them (SiteFiles in shared/generators/):
 * read-only, relative `/`-separated paths, and nothing outside the blog's folder.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfigData, SiteFiles } from '../../../shared/generators/index.ts';

function isFolder(root: string, rel: string): boolean {
  try {
    return readdirSync(path.join(root, rel)) !== null;
  } catch {
    return false;
  }
}

function folders(root: string, rel: string): string[] {
  try {
    return readdirSync(path.join(root, rel), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !/^[._]/.test(e.name))
      .map((e) => (rel ? `${rel}/${e.name}` : e.name))
      .sort();
  } catch {
    return [];
  }
}

/** Whether most Markdown files under `folder` are page bundles (`<slug>/index.md`). */
function usesBundles(root: string, folder: string): boolean {
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

/** The extension most of the folder's Markdown files have (Jekyll's own site: `.markdown`). */
function usualExtension(root: string, folder: string): string {
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

export function siteFiles(root: string, config: SiteConfigData = {}): SiteFiles {
  return {
    isFolder: (rel) => isFolder(root, rel),
    folders: (rel) => folders(root, rel),
    usesBundles: (folder) => usesBundles(root, folder),
    usualExtension: (folder) => usualExtension(root, folder),
    config,
  };
}
