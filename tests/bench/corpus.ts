/**
 * Deterministic corpus of blog posts for the benchmarks: a Hexo site (`_config.yml`,
 * `source/_posts/*.md`, about 5% in `source/_drafts/`) whose posts look like real ones: YAML
 * front matter in the styles people write by hand, then `##` sections of prose with lists,
 * code fences, links and images, with lognormal sizes (median about 1,200 words). Like a
 * real Hexo site, it may also hold pages (docs in sections and their translations under
 * `source/`, which Folio lists) and a big image folder there (walked, never read).
 *
 * Everything comes from a seeded PRNG, so one seed always gives byte-identical files.
 *
 * CLI: `node --import tsx tests/bench/corpus.ts <folder> [count] [--seed N]`
 *      `node --import tsx tests/bench/corpus.ts --verify` (generates twice, compares digests)
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 1;
/** Bump when the generator's output changes, so cached corpora are not reused. */
export const CORPUS_VERSION = 3;
const MARKER = '.folio-bench-complete';

// ---------------------------------------------------------------------------------------------
// PRNG

/** A small seeded PRNG (mulberry32) with the helpers the generator needs. */
export class Rng {
  private state: number;
  /**
   * Whether this post's text may contain non-ASCII characters. About half the posts do
   * (accents, em dashes, ellipses), as in real blogs; it matters for speed, because V8 decodes
   * and stores pure-ASCII text much faster than text with a single non-ASCII character.
   */
  unicode = true;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) is never taken
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** Mixes a seed and an index into an independent 32-bit seed (splitmix-style). */
function deriveSeed(seed: number, index: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (written for this generator)

const WORDS = `
the a an and or but so of to in on at for with from by about into over after before between
through during without under around near against along since until while because although
is was are were be been being have has had do does did can could will would should may might
must shall it its this that these those there here then than when where which who what why
how all any each every some many much more most few less least other another such same own
not only just also very still even already again never always often sometimes usually maybe
i you we they he she me us them my your our their his her one two three four five first last
next new old good great small large long short early late hard easy simple clear quick slow
build write read run test ship deploy change move keep make take give find think know see look
use try start stop open close fix break learn teach show tell ask answer follow lead plan
work time day week month year morning evening night weekend trip walk road city town river
coast mountain garden kitchen table window door house room desk chair book page note letter
story idea thought question problem reason result choice habit routine rule list step part
piece detail example pattern system tool library framework server client browser editor file
folder branch commit release version draft post blog theme layout template style color font
image photo camera lens light shadow street market coffee tea bread soup dinner lunch recipe
friend family people team reader writer user neighbor stranger teacher student engineer
feature bug issue patch review request response error warning message log cache queue thread
process memory disk network packet signal value number string array object function method
class module package script command shell terminal window screen keyboard mouse battery
quiet loud bright dark warm cold fresh stale honest careful patient curious stubborn gentle
slowly quickly finally carefully mostly nearly barely clearly simply quietly really probably
notice wonder remember forget prefer avoid enjoy miss need want like love hate hope expect
measure compare count guess check verify explain describe decide choose switch replace remove
add update rename delete copy paste save load parse render format print export import
weather rain snow wind sun cloud season spring summer autumn winter field forest lake island
journey ticket station platform airport hotel map guide museum gallery concert film song album
practice progress mistake lesson surprise problem tradeoff constraint budget deadline estimate
café naïve résumé jalapeño façade don't it's isn't wasn't I'm we're you'll that's
`
  .split(/\s+/)
  .filter((w) => w.length > 0);
const ASCII_WORDS = WORDS.filter((w) => /^[\x20-\x7e]+$/.test(w));

function word(rng: Rng): string {
  return rng.pick(rng.unicode ? WORDS : ASCII_WORDS);
}

const TOPICS = [
  'JavaScript',
  'TypeScript',
  'Rust',
  'Go',
  'Python',
  'CSS',
  'Linux',
  'Git',
  'Docker',
  'Photography',
  'Travel',
  'Cooking',
  'Books',
  'Running',
  'Gardening',
  'Music',
  'Notes',
  'Life',
  'Tools',
  'Design',
];

const TAGS = [
  'javascript',
  'typescript',
  'rust',
  'golang',
  'python',
  'css',
  'html',
  'linux',
  'git',
  'docker',
  'kubernetes',
  'vim',
  'emacs',
  'testing',
  'performance',
  'security',
  'hexo',
  'markdown',
  'photography',
  'film',
  'travel',
  'japan',
  'italy',
  'hiking',
  'coffee',
  'baking',
  'books',
  'reading-notes',
  'running',
  'music',
  'productivity',
  'career',
  'til',
  'review',
  'tutorial',
  'weekly',
  'year-in-review',
  'side-project',
];

const LANGS = ['js', 'ts', 'bash', 'python', 'yaml', 'json', 'css', 'go', 'rust', ''] as const;
type Lang = (typeof LANGS)[number];

// ---------------------------------------------------------------------------------------------
// Text pieces

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function words(rng: Rng, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(word(rng));
  return out;
}

function slugWord(rng: Rng): string {
  let w = word(rng);
  while (!/^[a-z]+$/.test(w)) w = word(rng);
  return w;
}

function identifier(rng: Rng): string {
  return slugWord(rng) + capitalize(slugWord(rng));
}

function url(rng: Rng): string {
  const host = rng.pick([
    'example.com',
    'example.org',
    'docs.example.dev',
    'blog.example.net',
    'github.com/example',
  ]);
  return `https://${host}/${slugWord(rng)}/${slugWord(rng)}`;
}

/** One sentence with occasional inline markup; returns the text and its word count. */
function sentence(rng: Rng): [string, number] {
  const count = rng.int(6, 22);
  const parts = words(rng, count);
  for (let i = 0; i < parts.length; i++) {
    const r = rng.next();
    if (r < 0.012) parts[i] = `**${parts[i]}**`;
    else if (r < 0.024) parts[i] = `*${parts[i]}*`;
    else if (r < 0.04) parts[i] = `\`${identifier(rng)}\``;
    else if (r < 0.05) parts[i] = `[${parts[i]} ${slugWord(rng)}](${url(rng)})`;
    else if (r < 0.09 && i < parts.length - 1) parts[i] = `${parts[i]},`;
  }
  const end = rng.chance(0.9) ? '.' : rng.pick(['?', '!', rng.unicode ? '…' : '...', ':']);
  return [capitalize(parts.join(' ')) + end, count];
}

function paragraph(rng: Rng): [string, number] {
  const out: string[] = [];
  let total = 0;
  const sentences = rng.int(2, 7);
  for (let i = 0; i < sentences; i++) {
    const [text, count] = sentence(rng);
    out.push(text);
    total += count;
  }
  return [out.join(' '), total];
}

function list(rng: Rng): [string, number] {
  const ordered = rng.chance(0.3);
  const bullet = rng.pick(['-', '*', '-']);
  const items = rng.int(3, 7);
  const out: string[] = [];
  let total = 0;
  for (let i = 0; i < items; i++) {
    const count = rng.int(2, 12);
    total += count;
    let text = capitalize(words(rng, count).join(' '));
    if (rng.chance(0.1)) text = `[${text}](${url(rng)})`;
    out.push(`${ordered ? `${i + 1}.` : bullet} ${text}`);
  }
  return [out.join('\n'), total];
}

function codeLine(rng: Rng, lang: Lang): string {
  const a = identifier(rng);
  const b = slugWord(rng);
  const n = rng.int(0, 999);
  switch (lang) {
    case 'js':
    case 'ts':
      return rng.pick([
        `const ${a} = await ${b}(${n});`,
        `if (!${a}) return ${n};`,
        `export function ${a}(${b}${lang === 'ts' ? ': string' : ''}) {`,
        `  ${a}.${b} = '${slugWord(rng)}';`,
        `}`,
        `// ${words(rng, 5).join(' ')}`,
      ]);
    case 'bash':
      return rng.pick([
        `npm install ${b}`,
        `git commit -m "${b} ${slugWord(rng)}"`,
        `cd ~/${b} && ls -la`,
        `export ${b.toUpperCase()}_PORT=${n}`,
        `# ${words(rng, 4).join(' ')}`,
      ]);
    case 'python':
      return rng.pick([
        `def ${b}_${slugWord(rng)}(${b}):`,
        `    return ${b} * ${n}`,
        `for ${b} in range(${n}):`,
        `    print(f"{${b}}")`,
        `import ${b}`,
      ]);
    case 'yaml':
      return rng.pick([`${b}: ${slugWord(rng)}`, `  - ${b}`, `${b}: ${n}`, `# ${b}`]);
    case 'json':
      return `  "${b}": ${rng.chance(0.5) ? n : `"${slugWord(rng)}"`},`;
    case 'css':
      return rng.pick([`.${b} {`, `  margin: ${n % 32}px;`, `  color: #${n}abc;`, `}`]);
    case 'go':
      return rng.pick([`func ${a}(${b} string) error {`, `\treturn nil`, `\t${b} := ${n}`, `}`]);
    case 'rust':
      return rng.pick([
        `fn ${b}_${slugWord(rng)}(${b}: &str) -> usize {`,
        `    let ${b} = ${n};`,
        `    ${b}.len()`,
        `}`,
      ]);
    case '':
      return words(rng, rng.int(2, 8)).join(' ');
  }
}

function codeFence(rng: Rng): [string, number] {
  const lang = rng.pick(LANGS);
  const lines = rng.int(3, 24);
  const out = ['```' + lang];
  for (let i = 0; i < lines; i++) out.push(codeLine(rng, lang));
  out.push('```');
  return [out.join('\n'), lines * 3];
}

function image(rng: Rng, slug: string, n: number): [string, number] {
  const alt = words(rng, rng.int(1, 5)).join(' ');
  const ext = rng.pick(['jpg', 'png', 'jpg', 'webp']);
  const caption = rng.chance(0.2) ? ` "${capitalize(alt)}"` : '';
  return [`![${alt}](/images/${slug}-${n}.${ext}${caption})`, 0];
}

function quote(rng: Rng): [string, number] {
  const [text, count] = paragraph(rng);
  return [`> ${text}`, count];
}

function table(rng: Rng): [string, number] {
  const cols = rng.int(2, 4);
  const rows = rng.int(2, 6);
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const out = [
    line(words(rng, cols).map(capitalize)),
    line(Array.from({ length: cols }, () => '---')),
  ];
  for (let r = 0; r < rows; r++) {
    out.push(line(Array.from({ length: cols }, () => words(rng, rng.int(1, 3)).join(' '))));
  }
  return [out.join('\n'), cols * (rows + 1) * 2];
}

/** One of the site's own images (writeAssets puts photo-N in images/<year>/<month>/). */
function siteImage(rng: Rng, assets: number): [string, number] {
  const n = rng.int(0, assets - 1);
  const { year, month } = assetPlace(n);
  return [`![${words(rng, rng.int(2, 5)).join(' ')}](/images/${year}/${month}/photo-${n}.png)`, 0];
}

function heading(rng: Rng, level: number): string {
  return `${'#'.repeat(level)} ${capitalize(words(rng, rng.int(2, 6)).join(' '))}`;
}

/** What a post of a corpus can link to: its other posts, and the images its site holds. */
interface CorpusSite {
  slugs: readonly string[];
  assets: number;
}

/**
 * Appends sections until about `targetWords` words of body (or `targetBytes` bytes). With a
 * `site`, some paragraphs link to other posts (`{% post_link %}`, as Hexo blogs do) and some
 * images are the site's own, so the health check has links between posts to resolve.
 */
function body(
  rng: Rng,
  slug: string,
  targetWords: number,
  targetBytes = Infinity,
  site?: CorpusSite,
): string {
  const blocks: string[] = [];
  let wordsSoFar = 0;
  let bytesSoFar = 0;
  let images = 0;
  const add = ([text, count]: [string, number]): void => {
    blocks.push(text);
    wordsSoFar += count;
    bytesSoFar += Buffer.byteLength(text) + 2;
  };
  const done = (): boolean => wordsSoFar >= targetWords || bytesSoFar >= targetBytes;

  add(paragraph(rng));
  if (rng.chance(0.4)) add(['<!-- more -->', 0]);
  while (!done()) {
    add([heading(rng, 2), 0]);
    const blocksInSection = rng.int(2, 8);
    for (let i = 0; i < blocksInSection && !done(); i++) {
      const r = rng.next();
      if (r < 0.58) {
        add(paragraph(rng));
        if (site?.slugs.length && rng.chance(0.08))
          add([`Read next: {% post_link ${rng.pick(site.slugs)} %}.`, 2]);
      } else if (r < 0.7) add(list(rng));
      else if (r < 0.8) add(codeFence(rng));
      else if (r < 0.87)
        add(
          site?.assets && rng.chance(0.5)
            ? siteImage(rng, site.assets)
            : image(rng, slug, ++images),
        );
      else if (r < 0.92) add(quote(rng));
      else if (r < 0.94) add(table(rng));
      else add([heading(rng, 3), 0]);
    }
  }
  return blocks.join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Front matter

/** A YAML scalar for a title, quoted the ways people quote them (and when YAML needs it). */
function yamlTitle(rng: Rng, title: string): string {
  const needsQuotes = /: |#|^[\s'"[{&*!|>%@`-]/.test(title);
  const style = needsQuotes ? rng.pick(['"', "'"]) : rng.pick(['', '', '', '"', "'"]);
  if (style === '"') return `"${title.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (style === "'") return `'${title.replace(/'/g, "''")}'`;
  return title;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateValue(rng: Rng): string {
  const year = rng.int(2015, 2025);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const ymd = `${year}-${pad(month)}-${pad(day)}`;
  if (rng.chance(0.4)) return ymd;
  return `${ymd} ${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
}

function blockList(rng: Rng, key: string, items: string[]): string[] {
  const indent = rng.chance(0.5) ? '' : '  ';
  return [`${key}:`, ...items.map((item) => `${indent}- ${item}`)];
}

function distinct(rng: Rng, pool: readonly string[], count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) out.add(rng.pick(pool));
  return [...out];
}

function title(rng: Rng): string {
  const r = rng.next();
  const base = capitalize(words(rng, rng.int(2, 7)).join(' '));
  if (r < 0.12) return `${rng.pick(TOPICS)}: ${base.toLowerCase()}`;
  if (r < 0.18) return `${base} (part ${rng.int(2, 5)})`;
  if (r < 0.22) return `"${base}" and other stories`;
  if (r < 0.26) return `Week ${rng.int(1, 52)} ${rng.unicode ? '—' : '-'} ${base.toLowerCase()}`;
  return base;
}

function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'post'
  );
}

function frontMatter(rng: Rng, postTitle: string, slug: string, draft: boolean): string {
  const lines = ['---', `title: ${yamlTitle(rng, postTitle)}`];
  if (!draft || rng.chance(0.5)) lines.push(`date: ${dateValue(rng)}`);
  if (rng.chance(0.15)) lines.push(`updated: ${dateValue(rng)}`);
  if (rng.chance(0.06)) lines.push(`# ${words(rng, rng.int(2, 6)).join(' ')}`);
  lines.push(...blockList(rng, 'categories', distinct(rng, TOPICS, rng.int(1, 2))));
  const tags = distinct(rng, TAGS, rng.int(1, 5));
  if (rng.chance(0.25)) lines.push(`tags: [${tags.join(', ')}]`);
  else lines.push(...blockList(rng, 'tags', tags));
  lines.push(`cover: /images/${slug}.jpg`);
  if (rng.chance(0.3)) {
    const [text] = sentence(rng);
    const plain = text.replace(/[`*[\]():#!?…"]/g, '').replace(/\s+/g, ' ');
    lines.push(`description: ${rng.chance(0.5) ? plain : `"${plain}"`}`);
  }
  if (rng.chance(0.05)) lines.push('# TODO: better cover photo');
  if (rng.chance(0.1)) lines.push(`comments: ${rng.pick(['true', 'false'])}`);
  lines.push('---');
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Posts and the corpus

export interface GeneratedPost {
  /** Path relative to the site root, `/`-separated. */
  path: string;
  text: string;
}

/** Body length in words: lognormal, median 1,200, roughly 150 to 20,000. */
function postWords(rng: Rng): number {
  const value = Math.round(Math.exp(Math.log(1200) + 0.75 * rng.normal()));
  return Math.min(20_000, Math.max(150, value));
}

/** The text of one post: front matter, a blank line, then the body. */
function postText(
  rng: Rng,
  postTitle: string,
  slug: string,
  draft: boolean,
  size: Size,
  site?: CorpusSite,
): string {
  const matter = frontMatter(rng, postTitle, slug, draft);
  const leadingBlank = rng.chance(0.9) ? '\n' : '';
  return matter + leadingBlank + body(rng, slug, size.words, size.bytes, site);
}

interface Size {
  words: number;
  bytes?: number;
}

/**
 * One standalone post of about `bytes` bytes (UTF-8), for save and preview benchmarks.
 * The same `bytes` and `seed` always give the same text.
 */
export function samplePost(options: { bytes: number; seed?: number }): string {
  const rng = new Rng(deriveSeed(options.seed ?? DEFAULT_SEED, 0x5a3b1e));
  const postTitle = title(rng);
  return postText(rng, postTitle, slugify(postTitle), false, {
    words: Infinity,
    bytes: options.bytes,
  });
}

/**
 * The posts of a corpus, in order, without touching the disk. With `assets`, posts link to
 * each other and show the site's images (what the health check resolves).
 */
export function* corpusPosts(options: {
  posts: number;
  seed?: number;
  assets?: number;
}): Generator<GeneratedPost> {
  const seed = options.seed ?? DEFAULT_SEED;
  const slugs = options.assets ? corpusSlugs(options.posts, seed) : [];
  const site = options.assets ? { slugs, assets: options.assets } : undefined;
  const used = new Set<string>();
  for (let i = 0; i < options.posts; i++) {
    const rng = new Rng(deriveSeed(seed, i));
    rng.unicode = rng.chance(0.5);
    const postTitle = title(rng);
    const base = slugify(postTitle);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    const draft = rng.chance(0.05);
    const text = postText(rng, postTitle, slug, draft, { words: postWords(rng) }, site);
    yield { path: `source/${draft ? '_drafts' : '_posts'}/${slug}.md`, text };
  }
}

/** Every post's slug (its title comes first from its own generator), for links between posts. */
function corpusSlugs(posts: number, seed: number): string[] {
  const used = new Set<string>();
  const slugs: string[] = [];
  for (let i = 0; i < posts; i++) {
    const rng = new Rng(deriveSeed(seed, i));
    rng.unicode = rng.chance(0.5);
    const base = slugify(title(rng));
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    slugs.push(slug);
  }
  return slugs;
}

/** Sections of the docs pages, as a Hexo site's `source/docs/<section>/`. */
const PAGE_SECTIONS = ['setup', 'writing', 'themes', 'plugins', 'deploy', 'reference'];
/** Languages the docs are translated into (`source/<lang>/docs/…`). */
const PAGE_LANGUAGES = ['', 'zh-cn', 'ja', 'ko'];

/**
 * The pages of a corpus: docs in sections, about three in four translated, with the shorter
 * bodies and plainer front matter pages have (a title; some a layout or `comments: false`).
 */
export function* corpusPages(options: { pages: number; seed?: number }): Generator<GeneratedPost> {
  const seed = options.seed ?? DEFAULT_SEED;
  const used = new Set<string>();
  for (let i = 0; i < options.pages; i++) {
    const rng = new Rng(deriveSeed(seed, 1_000_000 + i));
    rng.unicode = rng.chance(0.5);
    const lang = PAGE_LANGUAGES[i % PAGE_LANGUAGES.length]!;
    const section = rng.pick(PAGE_SECTIONS);
    const pageTitle = title(rng);
    let slug = slugify(pageTitle);
    for (let n = 2; used.has(`${lang}/${section}/${slug}`); n++)
      slug = `${slugify(pageTitle)}-${n}`;
    used.add(`${lang}/${section}/${slug}`);
    const lines = ['---', `title: ${yamlTitle(rng, pageTitle)}`];
    if (rng.chance(0.3)) lines.push('layout: page');
    if (rng.chance(0.2)) lines.push('comments: false');
    lines.push('---', '');
    const words = Math.round(postWords(rng) / 2);
    const folder = lang ? `source/${lang}/docs/${section}` : `source/docs/${section}`;
    yield { path: `${folder}/${slug}.md`, text: lines.join('\n') + body(rng, slug, words) };
  }
}

/** Where image N of a corpus lives: `images/<year>/<month>/photo-N.png`. */
function assetPlace(n: number): { year: string; month: string } {
  return {
    year: String(2010 + (n % 15)),
    month: String(1 + (Math.floor(n / 15) % 12)).padStart(2, '0'),
  };
}

/** A few bytes that start like a PNG: the walk lists asset files, it never reads them. */
const ASSET_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** `count` images in `source/images/<year>/<month>/`, as a long-running blog collects them. */
function writeAssets(folder: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const { year, month } = assetPlace(i);
    const dir = path.join(folder, 'source', 'images', year, month);
    if (i < 15 * 12) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `photo-${i}.png`), ASSET_BYTES);
  }
}

function configYaml(seed: number): string {
  return `# Hexo Configuration (generated by tests/bench/corpus.ts, seed ${seed})
## Docs: https://hexo.io/docs/configuration.html

# Site
title: Bench Notes
subtitle: ''
description: 'A generated blog for benchmarks'
keywords:
author: Folio Bench
language: en
timezone: ''

# URL
url: http://example.com
permalink: :year/:month/:day/:title/
permalink_defaults:
pretty_urls:
  trailing_index: true
  trailing_html: true

# Directory
source_dir: source
public_dir: public
tag_dir: tags
archive_dir: archives
category_dir: categories

# Writing
new_post_name: :title.md
default_layout: post
titlecase: false
render_drafts: false
post_asset_folder: false
relative_link: false
future: true

# Date / Time format
date_format: YYYY-MM-DD
time_format: HH:mm:ss

# Pagination
per_page: 10
pagination_dir: page

# Extensions
theme: landscape

# Deployment
deploy:
  type: ''
`;
}

export interface CorpusOptions {
  posts: number;
  /** Pages under `source/` besides the posts (none by default). */
  pages?: number;
  /** Image files under `source/images/` (none by default). */
  assets?: number;
  seed?: number;
}

/** Writes the corpus into `folder` (created if missing). Returns the number of bytes written. */
export function generateCorpus(folder: string, options: CorpusOptions): number {
  const seed = options.seed ?? DEFAULT_SEED;
  mkdirSync(path.join(folder, 'source', '_posts'), { recursive: true });
  mkdirSync(path.join(folder, 'source', '_drafts'), { recursive: true });
  let bytes = 0;
  const config = configYaml(seed);
  writeFileSync(path.join(folder, '_config.yml'), config);
  bytes += Buffer.byteLength(config);
  for (const post of corpusPosts({ posts: options.posts, seed, assets: options.assets ?? 0 })) {
    writeFileSync(path.join(folder, post.path), post.text);
    bytes += Buffer.byteLength(post.text);
  }
  for (const page of corpusPages({ pages: options.pages ?? 0, seed })) {
    mkdirSync(path.dirname(path.join(folder, page.path)), { recursive: true });
    writeFileSync(path.join(folder, page.path), page.text);
    bytes += Buffer.byteLength(page.text);
  }
  writeAssets(folder, options.assets ?? 0);
  return bytes;
}

/** Every file under `folder` except the cache marker, sorted, `/`-separated, relative. */
export function listFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(folder, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name !== MARKER) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** The Markdown posts of a corpus folder (posts and drafts), absolute paths, sorted. */
export function listPosts(folder: string): string[] {
  return listFiles(folder)
    .filter((rel) => rel.endsWith('.md'))
    .map((rel) => path.join(folder, rel));
}

/** SHA-256 over every file's path and bytes: equal digests mean byte-identical corpora. */
export function corpusDigest(folder: string): string {
  const hash = createHash('sha256');
  for (const rel of listFiles(folder)) {
    const bytes = readFileSync(path.join(folder, rel));
    hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * The path of a cached corpus in the temp folder, generating it first when it is missing
 * or was left half-written. Generation goes to a private folder that is renamed into place
 * after its marker is written, so a crash never leaves a corpus that looks complete.
 */
export function ensureCorpus(
  options: CorpusOptions,
  log: (message: string) => void = () => undefined,
): string {
  const seed = options.seed ?? DEFAULT_SEED;
  const extra =
    options.pages || options.assets ? `-p${options.pages ?? 0}-a${options.assets ?? 0}` : '';
  const folder = path.join(
    os.tmpdir(),
    `folio-bench-corpus-${options.posts}${extra}-${seed}-v${CORPUS_VERSION}`,
  );
  if (existsSync(path.join(folder, MARKER))) return folder;
  const partial = `${folder}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  log(`corpus: generating ${options.posts} posts (seed ${seed}) in ${folder}`);
  const started = performance.now();
  const bytes = generateCorpus(partial, { ...options, seed });
  writeFileSync(path.join(partial, MARKER), `posts ${options.posts}\nseed ${seed}\n`);
  // The folder is never removed while it may be complete: another run (a second test worker)
  // can rename its corpus into place at any moment and start copying from it.
  try {
    renameSync(partial, folder);
  } catch (error) {
    if (existsSync(path.join(folder, MARKER))) {
      // Another run finished first: keep its corpus (it is byte-identical) and drop ours.
      rmSync(partial, { recursive: true, force: true });
    } else if (existsSync(folder)) {
      // Left by an older version without a marker: no run of this code makes such a folder.
      const stale = `${folder}.stale-${process.pid}`;
      renameSync(folder, stale);
      rmSync(stale, { recursive: true, force: true });
      renameSync(partial, folder);
    } else {
      throw error;
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`corpus: ${(bytes / 1048576).toFixed(1)} MB in ${seconds} s`);
  return folder;
}

/** Generates a small corpus twice and checks that both are byte-identical. */
export function verifyDeterminism(posts = 300, seed = DEFAULT_SEED): boolean {
  const base = path.join(os.tmpdir(), `folio-bench-verify-${process.pid}`);
  try {
    const options = { posts, pages: Math.ceil(posts / 10), assets: 200, seed };
    generateCorpus(path.join(base, 'a'), options);
    generateCorpus(path.join(base, 'b'), options);
    const a = corpusDigest(path.join(base, 'a'));
    const b = corpusDigest(path.join(base, 'b'));
    const sample = samplePost({ bytes: 20_000, seed }) === samplePost({ bytes: 20_000, seed });
    return a === b && sample;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

function main(args: string[]): number {
  if (args.includes('--verify')) {
    const ok = verifyDeterminism();
    console.error(ok ? 'corpus: deterministic' : 'corpus: NOT deterministic');
    return ok ? 0 : 1;
  }
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : DEFAULT_SEED;
  const positional = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--seed');
  const [folder, count = '10000'] = positional;
  const posts = Number(count);
  if (!folder || !Number.isInteger(posts) || posts < 0 || !Number.isInteger(seed)) {
    console.error(
      'usage: node --import tsx tests/bench/corpus.ts <folder> [count] [--seed N]\n' +
        '       node --import tsx tests/bench/corpus.ts --verify',
    );
    return 2;
  }
  const started = performance.now();
  const bytes = generateCorpus(folder, { posts, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`corpus: ${posts} posts, ${(bytes / 1048576).toFixed(1)} MB in ${seconds} s`);
  console.error(`corpus: digest ${corpusDigest(folder)}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
