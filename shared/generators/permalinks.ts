/**
 * A post's URL on the built site, the way each generator computes it from its permalink
 * config: the pieces the profiles share (the date as written, slugs, a pattern's `:tokens`).
 * Pure, and run in the index workers: the config arrives as data (BlogLayout.urlConfig).
 */
import { readDateParts, type DateParts } from '../dates.ts';
import { field } from '../lookup.ts';
import { basename, pad } from './naming.ts';

export interface PostForUrl {
  /** Relative path in the blog, `/`-separated. */
  path: string;
  data: Readonly<Record<string, unknown>>;
  /** The date the library reads for it (front matter, else the file name). */
  date: string | null;
  /** The file's modification time (ms), for generators that date an undated post by it. */
  fileTime?: number;
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

// Written out: toLocaleString costs about 60 µs a call, and the index makes one per post.
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad3 = (n: number) => String(n).padStart(3, '0');

/** The `:year`-style tokens every generator takes from a post's date, as written. */
function dateToken(parts: DateParts, name: string): string | undefined {
  switch (name) {
    case 'year':
      return String(parts.year);
    case 'short_year':
      return String(parts.year).slice(-2);
    case 'month':
      return pad(parts.month);
    case 'i_month':
      return String(parts.month);
    case 'monthname':
      return MONTHS[parts.month - 1];
    case 'day':
      return pad(parts.day);
    case 'i_day':
      return String(parts.day);
    case 'hour':
      return pad(parts.hour);
    case 'minute':
      return pad(parts.minute);
    case 'second':
      return pad(parts.second);
    case 'y_day': {
      const start = Date.UTC(parts.year, 0, 1);
      const day = Date.UTC(parts.year, parts.month - 1, parts.day);
      return pad3(Math.floor((day - start) / 86_400_000) + 1);
    }
  }
  return undefined;
}

const DATE_NAMES = new Set([
  'year',
  'short_year',
  'month',
  'i_month',
  'monthname',
  'day',
  'i_day',
  'hour',
  'minute',
  'second',
  'y_day',
]);

/** A token's value, or how to work it out (only when the pattern names it). */
export type TokenValue = string | null | undefined | (() => string | null);

const TOKEN = /:([A-Za-z_]+)/g;

/**
 * `pattern` with its `:token`s filled from `tokens` and the post's `date` (as written: no
 * time-zone shift); the longest known name wins, so `:i_month` is not `:i` + `_month` and
 * `:title.html` keeps its `.html`. Null when it names a token there is no value for (a date
 * token and no date). Only the tokens the pattern names are worked out: the index fills one
 * pattern per post.
 */
export function fill(
  pattern: string,
  tokens: Readonly<Record<string, TokenValue>>,
  date: string | null = null,
): string | null {
  let parts: DateParts | null | undefined;
  const known = (name: string) => name in tokens || DATE_NAMES.has(name);
  const pieces = piecesOf(pattern);
  let out = pieces[0]!;
  for (let i = 1; i < pieces.length; i += 2) {
    const word = pieces[i]!;
    let name = word;
    while (name && !known(name)) name = name.slice(0, -1);
    if (!name) {
      out += `:${word}${pieces[i + 1]!}`;
      continue;
    }
    let value: string | null | undefined;
    if (name in tokens) {
      const given = tokens[name];
      value = typeof given === 'function' ? given() : given;
    } else {
      if (parts === undefined) parts = date ? readDateParts(date) : null;
      value = parts ? dateToken(parts, name) : null;
    }
    if (value === null || value === undefined) return null;
    out += value + word.slice(name.length) + pieces[i + 1]!;
  }
  return out;
}

/** A pattern cut at its `:words`: literal, word, literal, …; kept, as a site has one or two. */
const plans = new Map<string, string[]>();

function piecesOf(pattern: string): string[] {
  let pieces = plans.get(pattern);
  if (!pieces) {
    pieces = pattern.split(TOKEN);
    if (plans.size > 100) plans.clear();
    plans.set(pattern, pieces);
  }
  return pieces;
}

/** A site path: one leading slash, no doubled ones. */
export function sitePathOf(path: string): string {
  return `/${path}`.replace(/\/{2,}/g, '/');
}

/** Front matter's own URL field (`permalink:`, Hugo's `url:`), as a site path. */
export function ownUrl(
  data: Readonly<Record<string, unknown>>,
  key: string,
  anyCase = false,
): string | null {
  const own = text(anyCase ? field(data, key) : data[key]);
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
