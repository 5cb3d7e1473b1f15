/**
 * The blog's own name, from its generator config: what the writer calls the site ("Hexo
 * Blog", "Hugo Documentation"), not the folder it was cloned into ("docs").
 */
import { openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { Generator } from './detect-blog.ts';

/** Configs larger than this are not read for a title. */
const MAX_CONFIG_BYTES = 256 * 1024;

const HUGO_CONFIGS = ['hugo', 'config', 'config/_default/hugo', 'config/_default/config'].flatMap(
  (name) => ['toml', 'yaml', 'yml', 'json'].map((ext) => `${name}.${ext}`),
);

/** The data configs that carry the site's `title`, per generator (JavaScript configs are not run). */
const CONFIGS: Partial<Record<Generator, string[]>> = {
  hexo: ['_config.yml'],
  jekyll: ['_config.yml'],
  hugo: HUGO_CONFIGS,
};

function readSmall(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return read > MAX_CONFIG_BYTES ? null : buffer.toString('utf8', 0, read);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function titleIn(file: string, text: string): string | null {
  try {
    const data: unknown = file.endsWith('.toml')
      ? parseToml(text)
      : file.endsWith('.json')
        ? JSON.parse(text)
        : parseYaml(text, { maxAliasCount: 100 });
    const title = (data as { title?: unknown } | null)?.title;
    return typeof title === 'string' && title.trim() ? title.trim().slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** The `title` of the first config that has one; null when none does. */
export function siteTitle(root: string, generator: Generator): string | null {
  for (const name of CONFIGS[generator] ?? []) {
    const text = readSmall(path.join(root, name));
    const title = text === null ? null : titleIn(name, text);
    if (title) return title;
  }
  return null;
}
