/**
 * The site health check over facts (facts.ts): every internal link, image and template
 * reference resolved the way the site resolves it (post URLs from the permalink config,
 * the static folder, files beside the post), front-matter problems, and SEO notes. Pure:
 * the main side gathers the facts and the blog's file list (electron/services/health/).
 */
import { readDateParts } from '../dates.ts';
import { dirname } from '../generators/naming.ts';
import type { PostFacts, Ref } from './facts.ts';

export type Severity = 'error' | 'warning' | 'info';

export type ProblemKind =
  | 'broken-link'
  | 'broken-anchor'
  | 'missing-image'
  | 'image-case'
  | 'broken-ref'
  | 'unsafe-link'
  | 'outside-link'
  | 'required'
  | 'duplicate-url'
  | 'bad-date'
  | 'tag-case'
  | 'scheduled'
  | 'seo';

export interface Problem {
  path: string;
  line: number;
  column: number;
  severity: Severity;
  kind: ProblemKind;
  message: string;
  /** The link or file as written. */
  target?: string;
  /** A certain fix: replace `from` at `offset` of the file by `to`. */
  fix?: { offset: number; from: string; to: string; label: string };
}

export interface HealthPost {
  path: string;
  title: string;
  url: string | null;
  draft: boolean;
  /** The post's kind (`pages`, a collection), none for posts. */
  collection?: string;
  tags: string[];
  categories: string[];
  /** When it goes live, if in the future of `now` on a site that waits for it. */
  scheduledFor?: number | null;
  data: Record<string, unknown> | null;
  facts: PostFacts;
}

export interface HealthSite {
  posts: HealthPost[];
  /** Every file of the blog, relative, `/`-separated (what the site could serve or include). */
  files: ReadonlySet<string>;
  /** Where site-absolute paths point (`source`, `static`, '' for the root). */
  staticRoot: string;
  /** The site serves any file of the folder at its path (Jekyll). */
  servesWholeFolder: boolean;
  /** Hexo's post asset folders. */
  postAssetFolder: boolean;
  /** `/journal` when the site lives under a path, else ''. */
  basePath: string;
  /** Folders whose files are the site's includes (`_includes`). */
  includeFolders: readonly string[];
  /** Required fields of an entry (its content type's), by path and kind. */
  required(path: string, collection?: string): string[];
}

/** An external link, listed (and checked only when asked). */
export interface ExternalLink {
  url: string;
  path: string;
  line: number;
  column: number;
}

export interface HealthReport {
  problems: Problem[];
  external: ExternalLink[];
}

/** How the blog is, in counts (the status bar; the Problems tab asks for the rows). */
export interface HealthSummary {
  errors: number;
  warnings: number;
  notes: number;
  /** The first full check is running (its progress in posts read). */
  checking: { done: number; total: number } | null;
  /** Counts every change of the report, so the Problems tab knows to ask again. */
  version: number;
}

/** An external link's answer, when the writer asked for the check. */
export type LinkState = 'ok' | 'broken' | 'redirect' | 'unreachable' | 'offline';

export interface LinkResult {
  url: string;
  state: LinkState;
  /** The HTTP status, when one came back. */
  status?: number;
  /** What happened, in words (`404 Not Found`, `timed out after 8 s`). */
  detail: string;
}

/** The rows of the Problems tab. */
export interface HealthRows {
  summary: HealthSummary;
  /** Errors first, then warnings, then notes; at most a few thousand. */
  problems: Problem[];
  /** How many there are in all. */
  total: number;
  /**
   * How many external links the blog has: they stay in the main process (the bench corpus
   * has 158,000) until the writer asks for them to be checked.
   */
  externalLinks: number;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const UNSAFE = /^(javascript|vbscript|data):/i;
const ASSET_EXT =
  /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|pdf|zip|mp3|mp4|webm|mov|ogg|wav|css|js|txt|csv|json|xml|md|markdown|mdx)$/i;
const TITLE_LIMIT = 60;
const DESCRIPTION_LIMIT = 160;

/** The whole check; `now` decides what is scheduled. */
export function checkSite(site: HealthSite, index = siteIndex(site)): HealthReport {
  const problems: Problem[] = [];
  const external: ExternalLink[] = [];
  for (const post of site.posts) checkPost(site, index, post, problems, external);
  problems.push(...siteWide(site));
  return { problems, external };
}

/** The problems that come from posts together: shared URLs, tags spelt two ways. */
export function siteWide(site: HealthSite): Problem[] {
  return [...duplicateUrls(site), ...tagCases(site)];
}

/**
 * The problems of some posts only (a re-check after a save), over an index built once
 * (`siteIndex`) while the blog's URLs and files stay as they were.
 */
export function checkPosts(
  site: HealthSite,
  index: SiteIndex,
  paths: ReadonlySet<string>,
): HealthReport {
  const problems: Problem[] = [];
  const external: ExternalLink[] = [];
  for (const post of site.posts)
    if (paths.has(post.path)) checkPost(site, index, post, problems, external);
  return { problems, external };
}

export interface SiteIndex {
  byUrl: Map<string, HealthPost>;
  byPath: Map<string, HealthPost>;
  /** Posts by file name without extension (a bundle's by its folder); null when two share one. */
  byName: Map<string, HealthPost | null>;
  /** Lower-cased file paths to the real ones, for case mismatches. */
  lower: Map<string, string>;
  /** Post URLs' parent paths, and their segment counts: what a post's URL looks like here. */
  parents: Set<string>;
  shapes: Set<string>;
  terms: Set<string>;
}

/** The blog's URLs and files as lookups (built once per check). */
export function siteIndex(site: HealthSite): SiteIndex {
  const byUrl = new Map<string, HealthPost>();
  const byPath = new Map<string, HealthPost>();
  const byName = new Map<string, HealthPost | null>();
  const parents = new Set<string>();
  const shapes = new Set<string>();
  const terms = new Set<string>();
  for (const post of site.posts) {
    byPath.set(post.path, post);
    const name = nameOf(post.path);
    byName.set(name, byName.has(name) ? null : post);
    for (const term of [...post.tags, ...post.categories]) terms.add(slugTerm(term));
    if (!post.url) continue;
    const url = normalUrl(post.url);
    byUrl.set(url, post);
    parents.add(parentOf(url));
    shapes.add(shapeOf(url));
  }
  const lower = new Map<string, string>();
  for (const file of site.files) lower.set(file.toLowerCase(), file);
  return { byUrl, byPath, byName, lower, parents, shapes, terms };
}

function checkPost(
  site: HealthSite,
  index: SiteIndex,
  post: HealthPost,
  problems: Problem[],
  external: ExternalLink[],
): void {
  const at = (
    ref: Ref,
    severity: Severity,
    kind: ProblemKind,
    message: string,
    extra: Partial<Problem> = {},
  ) =>
    problems.push({
      path: post.path,
      line: ref.line,
      column: ref.column,
      severity,
      kind,
      message,
      target: ref.target,
      ...extra,
    });
  const ids = new Set(post.facts.headings.map((h) => h.id));
  for (const ref of post.facts.refs) {
    const target = decodeTarget(ref.target);
    if (ref.kind === 'link' || ref.kind === 'image') {
      const scheme = SCHEME.exec(target)?.[1]?.toLowerCase();
      if (UNSAFE.test(target) && !(ref.kind === 'image' && scheme === 'data')) {
        at(
          ref,
          'error',
          'unsafe-link',
          `A ${scheme}: link runs code or hides content when clicked; Folio never opens it.`,
        );
        continue;
      }
      if (scheme === 'http' || scheme === 'https' || target.startsWith('//')) {
        if (ref.kind === 'link')
          external.push({
            url: target.startsWith('//') ? `https:${target}` : target,
            path: post.path,
            line: ref.line,
            column: ref.column,
          });
        continue;
      }
      if (scheme) continue; // mailto:, tel:, and the like
    }
    if (ref.kind === 'image' || ref.kind === 'asset')
      checkImage(site, index, post, ref, target, at);
    else if (ref.kind === 'link') checkLink(site, index, post, ref, target, ids, at);
    else if (ref.kind === 'post') checkPostRef(index, post, ref, target, at);
    else if (ref.kind === 'include') checkInclude(site, ref, target, at);
  }
  checkFrontMatter(site, post, problems);
  checkSeo(post, problems);
}

type At = (
  ref: Ref,
  severity: Severity,
  kind: ProblemKind,
  message: string,
  extra?: Partial<Problem>,
) => void;

function checkImage(
  site: HealthSite,
  index: SiteIndex,
  post: HealthPost,
  ref: Ref,
  target: string,
  at: At,
): void {
  const path = stripQuery(target);
  if (!path) return;
  const candidates = fileCandidates(site, post, path, ref.kind === 'asset');
  if (candidates.some((file) => site.files.has(file))) return;
  if (candidates.some((file) => escapes(file))) {
    at(
      ref,
      'warning',
      'outside-link',
      `“${ref.target}” points outside the blog: the site cannot serve it.`,
    );
    return;
  }
  for (const file of candidates) {
    const real = index.lower.get(file.toLowerCase());
    if (!real) continue;
    const written = fixedCase(path, file, real);
    at(
      ref,
      'warning',
      'image-case',
      `“${ref.target}” differs in case from the file “${real}”: it shows on macOS and Windows, not on a Linux server.`,
      written
        ? { fix: { offset: ref.offset, from: ref.target, to: written, label: `Use “${written}”` } }
        : {},
    );
    return;
  }
  at(
    ref,
    'error',
    'missing-image',
    `Image “${ref.target}” is not in the blog (looked for ${candidates.map((c) => `“${c}”`).join(', ')}).`,
  );
}

function checkLink(
  site: HealthSite,
  index: SiteIndex,
  post: HealthPost,
  ref: Ref,
  target: string,
  ids: Set<string>,
  at: At,
): void {
  const hash = target.indexOf('#');
  const path = stripQuery(hash >= 0 ? target.slice(0, hash) : target);
  const fragment = hash >= 0 ? target.slice(hash + 1) : '';
  if (!path) {
    if (fragment && !ids.has(fragment))
      at(ref, 'warning', 'broken-anchor', `No heading of this post has the id “${fragment}”.`);
    return;
  }
  const linked = resolvePost(site, index, post, path);
  if (linked) {
    if (fragment && !linked.facts.headings.some((h) => h.id === fragment))
      at(
        ref,
        'warning',
        'broken-anchor',
        `“${linked.title}” has no heading with the id “${fragment}”.`,
      );
    return;
  }
  const files = fileCandidates(site, post, path, false);
  if (
    files.some(
      (file) => site.files.has(file) || site.files.has(`${file.replace(/\/$/, '')}/index.html`),
    )
  )
    return;
  if (files.some((file) => escapes(file))) {
    at(
      ref,
      'warning',
      'outside-link',
      `“${ref.target}” points outside the blog: the site cannot serve it.`,
    );
    return;
  }
  const url = siteUrl(site, post, path);
  if (url && index.terms.has(lastSegment(url)) && /\/(tags?|categories|category)\//.test(url))
    return;
  // A path the site makes itself (a list, a feed, a tag page) is not a post: a link is only
  // called broken when it names a file or looks like this site's post URLs.
  const postShaped =
    url !== null && (index.parents.has(parentOf(url)) || index.shapes.has(shapeOf(url)));
  if (!ASSET_EXT.test(path) && !postShaped) return;
  const guess = url ? renamedPost(index, url) : null;
  at(
    ref,
    'error',
    'broken-link',
    `Link “${ref.target}” leads to no post or file of the blog.`,
    guess?.url
      ? {
          fix: {
            offset: ref.offset,
            from: ref.target,
            to: site.basePath + guess.url + (fragment ? `#${fragment}` : ''),
            label: `Link to “${guess.title}”`,
          },
        }
      : {},
  );
}

function checkPostRef(index: SiteIndex, post: HealthPost, ref: Ref, target: string, at: At): void {
  const [path, fragment = ''] = target.split('#') as [string, string?];
  const found = findPostByRef(index, post, path, ref.via ?? '');
  if (!found) {
    at(
      ref,
      'error',
      'broken-ref',
      `${ref.via ? `{${ref.via}} ` : ''}“${target}”: no post of the blog is called that.`,
    );
    return;
  }
  if (fragment && !found.facts.headings.some((h) => h.id === fragment))
    at(
      ref,
      'warning',
      'broken-anchor',
      `“${found.title}” has no heading with the id “${fragment}”.`,
    );
}

function checkInclude(site: HealthSite, ref: Ref, target: string, at: At): void {
  if (site.includeFolders.some((folder) => site.files.has(`${folder}/${target}`))) return;
  at(
    ref,
    'error',
    'broken-ref',
    `{% include ${target} %}: no such file in ${site.includeFolders.join(' or ')}.`,
  );
}

/** The post a link names, by its URL on the site or its file. */
function resolvePost(
  site: HealthSite,
  index: SiteIndex,
  post: HealthPost,
  path: string,
): HealthPost | null {
  if (/\.(md|markdown|mdx)$/i.test(path)) {
    const file = path.startsWith('/') ? path.slice(1) : join(dirname(post.path), path);
    return index.byPath.get(file) ?? null;
  }
  const url = siteUrl(site, post, path);
  return url ? (index.byUrl.get(url) ?? null) : null;
}

/** A post by a template's reference: Hugo's `ref` path, Hexo's `post_link` slug, Jekyll's `post_url`. */
function findPostByRef(
  index: SiteIndex,
  post: HealthPost,
  target: string,
  via: string,
): HealthPost | null {
  const clean = target.replace(/^\/+/, '').replace(/\/$/, '');
  if (via === 'link') return index.byPath.get(clean) ?? null;
  const bare = clean.replace(/\.(md|markdown|mdx)$/i, '');
  const candidates = [join(dirname(post.path), bare), `content/${bare}`, bare];
  for (const base of candidates) {
    for (const file of [
      `${base}.md`,
      `${base}.markdown`,
      `${base}.mdx`,
      `${base}/index.md`,
      `${base}/_index.md`,
      base,
    ]) {
      const found = index.byPath.get(file);
      if (found) return found;
    }
  }
  // By file name alone (Hugo's ref with a unique name, Hexo's slug, Jekyll's dated name).
  return index.byName.get(bare.slice(bare.lastIndexOf('/') + 1)) ?? null;
}

/** `a/b/slug.md` and `a/slug/index.md` are `slug`. */
function nameOf(rel: string): string {
  const base = rel.replace(/\.(md|markdown|mdx)$/i, '');
  const own = base.slice(base.lastIndexOf('/') + 1);
  if (own !== 'index' && own !== '_index') return own;
  const folder = base.slice(0, base.lastIndexOf('/'));
  return folder.slice(folder.lastIndexOf('/') + 1);
}

/** The files an image or a file link may be, in the order the site looks. */
function fileCandidates(
  site: HealthSite,
  post: HealthPost,
  path: string,
  asset: boolean,
): string[] {
  const out: string[] = [];
  if (path.startsWith('/')) {
    const inside = stripBase(site.basePath, path).replace(/^\/+/, '');
    out.push(join(site.staticRoot, inside));
    if (site.servesWholeFolder && site.staticRoot) out.push(inside);
    return out;
  }
  const folder = dirname(post.path);
  if (site.postAssetFolder || asset)
    out.push(join(post.path.replace(/\.(md|markdown|mdx)$/i, ''), path));
  out.push(join(folder, path));
  // Relative to the post's page on the site (its URL as a folder).
  if (post.url) out.push(join(site.staticRoot, join(normalUrl(post.url).replace(/^\//, ''), path)));
  return [...new Set(out)];
}

/** A path as the site would see it, from the post's URL: normalised, base path off; null if it leaves the site. */
function siteUrl(site: HealthSite, post: HealthPost, path: string): string | null {
  try {
    const base = new URL(post.url ?? '/', 'http://site.invalid');
    const url = new URL(path.startsWith('/') ? stripBase(site.basePath, path) : path, base);
    if (url.origin !== 'http://site.invalid') return null;
    return normalUrl(url.pathname);
  } catch {
    return null;
  }
}

/** A post whose URL ends with the same last part (it was renamed or moved), if only one does. */
function renamedPost(index: SiteIndex, url: string): HealthPost | null {
  const last = lastSegment(url);
  if (!last) return null;
  let found: HealthPost | null = null;
  for (const [candidate, post] of index.byUrl) {
    if (lastSegment(candidate) !== last) continue;
    if (found) return null;
    found = post;
  }
  return found;
}

function checkFrontMatter(site: HealthSite, post: HealthPost, problems: Problem[]): void {
  const data = post.data;
  if (!data) return;
  const add = (severity: Severity, kind: ProblemKind, message: string) =>
    problems.push({ path: post.path, line: 1, column: 1, severity, kind, message });
  // A draft is not done yet: its empty fields are the form's business until it is published.
  for (const field of post.draft ? [] : site.required(post.path, post.collection)) {
    const value = data[field];
    if (
      value === undefined ||
      value === null ||
      value === '' ||
      (Array.isArray(value) && !value.length)
    )
      add('warning', 'required', `The required field “${field}” is empty.`);
  }
  for (const key of ['date', 'publishDate', 'lastmod', 'updated', 'expiryDate']) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() && !isRealDate(value))
      add('error', 'bad-date', `“${key}: ${value}” is not a date the generator can read.`);
  }
  if (post.scheduledFor)
    add(
      'info',
      'scheduled',
      `Scheduled: goes live when the site is next built after ${new Date(post.scheduledFor).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    );
}

function checkSeo(post: HealthPost, problems: Problem[]): void {
  if (post.draft) return;
  const add = (line: number, column: number, message: string) =>
    problems.push({ path: post.path, line, column, severity: 'info', kind: 'seo', message });
  if (post.title.length > TITLE_LIMIT)
    add(
      1,
      1,
      `The title is ${post.title.length} characters: search results cut it after about ${TITLE_LIMIT}.`,
    );
  const description = post.data?.description ?? post.data?.summary;
  if (typeof description !== 'string' || !description.trim())
    add(1, 1, 'No description: search results and shared links show whatever text comes first.');
  else if (description.length > DESCRIPTION_LIMIT)
    add(
      1,
      1,
      `The description is ${description.length} characters: search results cut it after about ${DESCRIPTION_LIMIT}.`,
    );
  for (const ref of post.facts.refs)
    if (ref.noAlt)
      add(
        ref.line,
        ref.column,
        `Image “${ref.target}” has no alt text: screen readers cannot describe it.`,
      );
  const h1s = post.facts.headings.filter((h) => h.level === 1);
  if (h1s.length > 1)
    add(h1s[1]!.line, 1, `${h1s.length} level-1 headings: a page should have one (the title).`);
  let last = 0;
  for (const h of post.facts.headings) {
    if (last && h.level > last + 1)
      add(h.line, 1, `The heading jumps from level ${last} to ${h.level}.`);
    last = h.level;
  }
}

function duplicateUrls(site: HealthSite): Problem[] {
  const byUrl = new Map<string, HealthPost[]>();
  for (const post of site.posts) {
    if (!post.url || post.draft) continue;
    const url = normalUrl(post.url);
    byUrl.set(url, [...(byUrl.get(url) ?? []), post]);
  }
  const problems: Problem[] = [];
  for (const [url, posts] of byUrl) {
    if (posts.length < 2) continue;
    for (const post of posts)
      problems.push({
        path: post.path,
        line: 1,
        column: 1,
        severity: 'error',
        kind: 'duplicate-url',
        message: `${posts.length} posts have the URL ${url}: ${posts
          .filter((p) => p !== post)
          .map((p) => `“${p.path}”`)
          .join(', ')} too. The site keeps one.`,
      });
  }
  return problems;
}

/** Tags (and categories) written two ways, differing only in case. */
function tagCases(site: HealthSite): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['tags', 'categories'] as const) {
    const spellings = new Map<string, Map<string, number>>();
    for (const post of site.posts)
      for (const term of post[field]) {
        const key = term.toLowerCase();
        const seen = spellings.get(key) ?? new Map<string, number>();
        seen.set(term, (seen.get(term) ?? 0) + 1);
        spellings.set(key, seen);
      }
    for (const [, seen] of spellings) {
      if (seen.size < 2) continue;
      const [usual] = [...seen].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
      for (const post of site.posts)
        for (const term of post[field])
          if (seen.has(term) && term !== usual)
            problems.push({
              path: post.path,
              line: 1,
              column: 1,
              severity: 'warning',
              kind: 'tag-case',
              message: `The ${field === 'tags' ? 'tag' : 'category'} “${term}” differs only in case from “${usual}” (${seen.get(usual) === 1 ? '1 post' : `${seen.get(usual)} posts`}): most sites make them two pages.`,
            });
    }
  }
  return problems;
}

/** A date whose month, day and time exist (2024-02-30 and 25:00 do not). */
function isRealDate(value: string): boolean {
  const parts = readDateParts(value);
  if (!parts) return false;
  const { year, month, day, hour, minute, second } = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 61
  );
}

/** `%20`, `&amp;` and friends as the site reads them. */
function decodeTarget(target: string): string {
  if (!target.includes('%') && !target.includes('&')) return target;
  const unescaped = target.replace(/&amp;/g, '&');
  try {
    return decodeURI(unescaped);
  } catch {
    return unescaped;
  }
}

const stripQuery = (path: string) => path.replace(/[?#].*$/, '');
const stripBase = (base: string, path: string) =>
  base && (path === base || path.startsWith(`${base}/`)) ? path.slice(base.length) || '/' : path;
const escapes = (rel: string) => rel === '..' || rel.startsWith('../');

/** `/a/b/index.html` and `/a/b` are `/a/b/`. */
export function normalUrl(url: string): string {
  let out = url.startsWith('/') ? url : `/${url}`;
  out = out.replace(/\/index\.html?$/i, '/');
  if (!out.endsWith('/') && !/\.[a-z0-9]+$/i.test(out)) out += '/';
  return out;
}

const parentOf = (url: string) => url.replace(/[^/]+\/?$/, '');
const lastSegment = (url: string) => url.replace(/\/$/, '').split('/').pop() ?? '';
/** `/2024/03/slug/` → `d/d/w`: the shape of a URL, digits apart from words. */
const shapeOf = (url: string) =>
  url
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? 'd' : 'w'))
    .join('/');
const slugTerm = (term: string) => term.toLowerCase().replace(/\s+/g, '-');

/** Joins `/`-separated paths, resolving `.` and `..` (a result starting with `..` left the blog). */
export function join(folder: string, rel: string): string {
  const parts = folder ? folder.split('/') : [];
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else parts.push('..');
    } else parts.push(part);
  }
  return parts.join('/');
}

/** The link as written, with the case of the real file (only the differing part changes). */
function fixedCase(written: string, candidate: string, real: string): string | null {
  if (candidate.length !== real.length) return null;
  const tail = written.length;
  const fixed = real.slice(real.length - tail);
  return fixed.toLowerCase() === written.toLowerCase() ? fixed : null;
}
