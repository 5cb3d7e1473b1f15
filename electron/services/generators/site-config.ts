/**
 * What Folio reads from a site's own config file (Hexo's and Jekyll's `_config.yml`, Hugo's
 * `hugo.*`/`config.*`): the site's name, Hugo's params and theme for archetypes, Jekyll's
 * time zone. Read as data only: JavaScript configs are never run.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import {
  profileOf,
  type Generator,
  type SiteConfigData,
} from '../../../shared/generators/index.ts';

/** Configs larger than this are not read for a title. */
const MAX_CONFIG_BYTES = 256 * 1024;

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

function parseConfig(file: string, text: string): Record<string, unknown> | null {
  try {
    const data: unknown = file.endsWith('.toml')
      ? parseToml(text)
      : file.endsWith('.json')
        ? JSON.parse(text)
        : parseYaml(text, { maxAliasCount: 100 });
    return data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export interface SiteConfig {
  /** The whole config, as data ({} when there is none): what the generator profiles read. */
  data: SiteConfigData;
  /** The site's `title`, trimmed; absent when the config has none. */
  title?: string;
  /** Hugo's `params` (archetypes read `.Site.Params.x`). */
  params: Record<string, unknown>;
  /** Hugo's `theme`: one name or several, in lookup order. */
  themes: string[];
  /** Jekyll's `timezone:` (an IANA name). */
  timezone?: string;
}

/** The first config file of the generator's that parses; defaults when none does. */
export function siteConfig(root: string, generator: Generator): SiteConfig {
  for (const name of profileOf(generator).configFiles) {
    const text = readSmall(path.join(root, name));
    const data = text === null ? null : parseConfig(name, text);
    if (!data) continue;
    const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : null;
    const params = data.params;
    const theme = data.theme;
    return {
      data,
      ...(title ? { title: title.slice(0, 200) } : {}),
      params:
        params !== null && typeof params === 'object' && !Array.isArray(params)
          ? (params as Record<string, unknown>)
          : {},
      themes: (Array.isArray(theme) ? theme : [theme]).filter(
        (t): t is string => typeof t === 'string' && /^[\w.-]+$/.test(t),
      ),
      ...(typeof data.timezone === 'string' ? { timezone: data.timezone } : {}),
    };
  }
  return { data: {}, params: {}, themes: [] };
}

/** The site's title; null when its config has none (the caller names it by its folder). */
export function siteTitle(root: string, generator: Generator): string | null {
  return siteConfig(root, generator).title ?? null;
}
