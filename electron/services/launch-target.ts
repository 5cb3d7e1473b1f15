import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { detectBlog } from './generators/detect-blog.ts';
import { isGeneratorSite } from '../../shared/generators/index.ts';

/** What a launch asks to open: a blog folder, and maybe one post in it (`/`-separated, relative). */
export interface LaunchTarget {
  folder: string;
  post?: string;
}

const MARKDOWN = /\.(md|markdown|mdx)$/i;

/** The path named on the command line: the last argument that is not a switch. */
export function pathFromArgv(args: readonly string[]): string | null {
  return args.filter((a) => a && !a.startsWith('-') && a !== '.').at(-1) ?? null;
}

/**
 * The blog a Markdown file belongs to: the nearest folder above it that a generator
 * recognises (`_config.yml`, `hugo.toml`, `astro.config.mjs`…), else the file's own folder.
 */
export function blogFolderOf(file: string): string {
  const own = path.dirname(file);
  for (let dir = own; ; dir = path.dirname(dir)) {
    if (isGeneratorSite(detectBlog(dir).generator)) return dir;
    if (path.dirname(dir) === dir) return own;
  }
}

/**
 * A folder opens as the blog; a `.md` file opens its blog and then the post. Null when the
 * arguments name nothing that exists (the caller falls back to the last folder).
 */
export function launchTarget(args: readonly string[], cwd: string): LaunchTarget | null {
  const named = pathFromArgv(args);
  if (!named) return null;
  const full = path.resolve(cwd, named);
  if (!existsSync(full)) return null;
  if (statSync(full).isDirectory()) return { folder: full };
  if (!MARKDOWN.test(full)) return null;
  const folder = blogFolderOf(full);
  return { folder, post: path.relative(folder, full).split(path.sep).join('/') };
}
