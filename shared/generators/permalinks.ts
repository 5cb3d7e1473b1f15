/**
 * A post's URL on the built site, the way each generator computes it from its permalink
 * config: the pieces the profiles share (the date as written, slugs, a pattern's `:tokens`).
 * Pure, and run in the index workers: the config arrives as data (BlogLayout.urlConfig).
 */
import { readDateParts } from '../dates.ts';
import { basename } from './naming.ts';

export interface PostForUrl {
  /** Relative path in the blog, `/`-separated. */
  path: string;
  data: Readonly<Record<string, unknown>>;
  /** The date the library reads for it (front matter, else the file name). */
  date: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The front matter's `key`, whatever its case (Hugo reads keys without regard to case). */
export function field(data: Readonly<Record<string, unknown>>, key: string): unknown {
  if (key in data) return data[key];
  const lower = key.toLowerCase();
  const found = Object.keys(data).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : data[found];
}

export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

/** As generators slugify titles for URLs: lower case, runs of other characters to `-`. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The file's name without extension; a bundle's (`x/index.md`) is its folder's. */
export function fileSlug(path: string): string {
  const name = basename(path).replace(/\.[^.]+$/, '');
  if (/^_?index$/i.test(name)) return basename(path.split('/').slice(0, -1).join('/'));
  return name;
}

const DATE_TOKENS = [
  'year',
  'short_year',
  'month',
  'i_month',
  'day',
  'i_day',
  'hour',
  'minute',
  'second',
  'y_day',
  'monthname',
] as const;

/**
 * The date's parts as the writer wrote them (no time-zone shift), for `:year` and friends;
 * all null without a date, so a pattern that needs one gives no URL.
 */
export function dateTokens(date: string | null): Record<string, string | null> {
  const parts = date ? readDateParts(date) : null;
  if (!parts) return Object.fromEntries(DATE_TOKENS.map((t) => [t, null]));
  const start = Date.UTC(parts.year, 0, 1);
  const yDay =
    Math.floor((Date.UTC(parts.year, parts.month - 1, parts.day) - start) / 86_400_000) + 1;
  return {
    year: String(parts.year),
    short_year: String(parts.year).slice(-2),
    month: pad(parts.month),
    i_month: String(parts.month),
    day: pad(parts.day),
    i_day: String(parts.day),
    hour: pad(parts.hour),
    minute: pad(parts.minute),
    second: pad(parts.second),
    y_day: String(yDay).padStart(3, '0'),
    monthname: new Date(Date.UTC(2000, parts.month - 1, 1))
      .toLocaleString('en', { month: 'long', timeZone: 'UTC' })
      .toLowerCase(),
  };
}

/**
 * `pattern` with its `:token`s filled from `tokens` (longest names first, so `:i_month` is
 * not read as `:i` + `_month`); null when it names a token there is no value for.
 */
export function fill(
  pattern: string,
  tokens: Readonly<Record<string, string | null>>,
): string | null {
  let missing = false;
  const names = Object.keys(tokens).sort((a, b) => b.length - a.length);
  const re = new RegExp(`:(${names.map((n) => n.replace(/[^\w]/g, '')).join('|')})`, 'g');
  const out = pattern.replace(re, (_, name: string) => {
    const value = tokens[name];
    if (value === null || value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : out;
}

/** A site path: one leading slash, no doubled ones. */
export function sitePathOf(path: string): string {
  return `/${path}`.replace(/\/{2,}/g, '/');
}

/** Front matter's own URL field (`permalink:`, Hugo's `url:`), as a site path. */
export function ownUrl(data: Readonly<Record<string, unknown>>, key: string): string | null {
  const own = text(field(data, key));
  return own ? sitePathOf(own) : null;
}

/**
 * A URL from the file's place (the JavaScript generators', Eleventy's default): `strip` off
 * the front, the extension off the end, an `index` file stands for its folder; a trailing
 * slash, or `.html` for `html`.
 */
export function urlFromPath(
  path: string,
  strip: string,
  ending: 'slash' | 'html' | 'none',
): string {
  let rel = strip && path.startsWith(`${strip}/`) ? path.slice(strip.length + 1) : path;
  rel = rel.replace(/\.[^./]+$/, '');
  const index = /(^|\/)(index|README|_index)$/i.exec(rel);
  if (index) return sitePathOf(`${rel.slice(0, index.index)}/`);
  if (ending === 'html') return sitePathOf(`${rel}.html`);
  return sitePathOf(ending === 'slash' ? `${rel}/` : rel);
}

/** A `slug:` in the front matter (Astro's, Gatsby's), as the post's URL. */
export function ownSlug(post: PostForUrl): string | null {
  const slug = text(post.data.slug);
  return slug ? sitePathOf(`${slug}/`) : null;
}
