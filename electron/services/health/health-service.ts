/**
 * The site health check, kept current in the background: after the blog is indexed it reads
 * every post once (in slices, yielding to the event loop, so requests are answered while it
 * runs) and checks the whole site; after a save or a change on disk it reads the changed
 * posts again and re-checks them, and the whole site only when a URL or a heading id
 * changed (what other posts' links depend on).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findFrontMatter } from '../../../shared/frontmatter.ts';
import {
  checkPosts,
  checkSite,
  siteIndex,
  siteWide,
  type ExternalLink,
  type HealthPost,
  type HealthSite,
  type HealthSummary,
  type Problem,
  type SiteIndex,
} from '../../../shared/health/checks.ts';
import { postFacts, type PostFacts } from '../../../shared/health/facts.ts';
import type { MarkdownFlavour } from '../../../shared/markdown/flavours.ts';
import { dialectOf } from '../../../shared/markdown/templates/readers.ts';
import type { PostSummary } from '../../../shared/models.ts';
import type { BlogLayout, GeneratorProfile } from '../../../shared/generators/index.ts';
import { readFrontMatter } from '../library/post-entry.ts';
import { loadBlogSchema } from '../library/blog-schema.ts';
import type { Library } from '../library/library.ts';
import type { Workspace } from '../workspace.ts';
import { fieldsFor, type BlogSchema } from '../../../shared/schema.ts';
import { profileOf } from '../../../shared/generators/index.ts';

export interface HealthDeps {
  root: string;
  layout: BlogLayout;
  profile: GeneratorProfile;
  flavour: MarkdownFlavour | null;
  basePath: string;
  /** The posts as the library lists them now. */
  posts(): PostSummary[];
  required(path: string, collection?: string): string[];
  /** The schedule's clock (tests pin it). */
  now?: () => number;
  /** The site leaves out future posts until their date. */
  futureScheduled: boolean;
  onChange(summary: HealthSummary): void;
}

/** Files of these folders are never the site's: not listed. */
const SKIPPED = new Set(['node_modules', '.git', '.folio']);
/** A blog with more files than this is listed in part (the check says so in its notes). */
const MAX_FILES = 200_000;
/** Work between yields to the event loop. */
const SLICE_MS = 12;
/** Front-matter fields that hold an image. */
const IMAGE_FIELDS = [
  'cover',
  'image',
  'thumbnail',
  'banner',
  'hero',
  'og_image',
  'featured_image',
];

interface Known {
  summary: PostSummary;
  facts: PostFacts;
  data: Record<string, unknown> | null;
}

export class HealthService {
  private known = new Map<string, Known>();
  private files = new Set<string>();
  private problems = new Map<string, Problem[]>();
  private wide: Problem[] = [];
  private external: ExternalLink[] = [];
  private index: SiteIndex | null = null;
  private site: HealthSite | null = null;
  private checking: HealthSummary['checking'] = null;
  private version = 0;
  private closed = false;
  private full: Promise<void> | null = null;

  constructor(private readonly deps: HealthDeps) {}

  close(): void {
    this.closed = true;
  }

  /** Reads every post and the blog's files, then checks the whole site. */
  checkAll(): Promise<void> {
    this.full ??= this.runAll().finally(() => {
      this.full = null;
    });
    return this.full;
  }

  private async runAll(): Promise<void> {
    const posts = this.deps.posts();
    this.checking = { done: 0, total: posts.length };
    this.changed();
    this.files = await listFiles(this.deps.root, this.deps.layout.generatedFolders);
    const known = new Map<string, Known>();
    let sliceStart = performance.now();
    const reads = posts.map((summary) => () => this.read(summary));
    for (let i = 0; i < reads.length; i += 16) {
      const batch = await Promise.all(reads.slice(i, i + 16).map((read) => read()));
      for (const entry of batch) if (entry) known.set(entry.summary.path, entry);
      if (this.closed) return;
      if (performance.now() - sliceStart > SLICE_MS) {
        this.checking = { done: Math.min(i + 16, posts.length), total: posts.length };
        await yieldToLoop();
        sliceStart = performance.now();
      }
    }
    this.known = known;
    this.recheckAll();
    this.checking = null;
    this.changed();
  }

  /** Posts changed (saved, edited elsewhere, created, removed): re-read and re-check them. */
  async update(paths: string[]): Promise<void> {
    if (this.full) await this.full;
    if (!this.site || this.closed) return;
    const summaries = new Map(this.deps.posts().map((p) => [p.path, p]));
    let shape = false;
    const changed = new Set<string>();
    for (const rel of paths) {
      const before = this.known.get(rel);
      const summary = summaries.get(rel);
      const after = summary ? await this.read(summary) : null;
      if (after) this.known.set(rel, after);
      else this.known.delete(rel);
      changed.add(rel);
      // What links elsewhere resolve against: a post's URL and its heading ids.
      if (
        !before ||
        !after ||
        before.summary.url !== after.summary.url ||
        ids(before) !== ids(after)
      )
        shape = true;
    }
    if (shape) this.recheckAll();
    else {
      this.site = this.siteNow();
      const report = checkPosts(this.site, this.index!, changed);
      for (const rel of changed) this.problems.delete(rel);
      for (const problem of report.problems) push(this.problems, problem);
      this.external = [...this.external.filter((l) => !changed.has(l.path)), ...report.external];
      this.wide = siteWide(this.site);
    }
    this.changed();
  }

  /** A file the site may serve was added (an imported image). */
  addFile(rel: string): void {
    this.files.add(rel);
  }

  summary(): HealthSummary {
    let errors = 0;
    let warnings = 0;
    let notes = 0;
    for (const problem of this.all()) {
      if (problem.severity === 'error') errors++;
      else if (problem.severity === 'warning') warnings++;
      else notes++;
    }
    return { errors, warnings, notes, checking: this.checking, version: this.version };
  }

  /** Every problem, errors first, then by post and line; at most `limit`. */
  report(limit = 5000): { problems: Problem[]; external: ExternalLink[]; total: number } {
    const order = { error: 0, warning: 1, info: 2 };
    const all = this.all().sort(
      (a, b) =>
        order[a.severity] - order[b.severity] ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
        a.line - b.line ||
        a.column - b.column,
    );
    return { problems: all.slice(0, limit), external: this.external, total: all.length };
  }

  /** The problems of the given posts (the files a publish sends). */
  problemsOf(paths: ReadonlySet<string>): Problem[] {
    return this.all().filter((p) => paths.has(p.path));
  }

  private all(): Problem[] {
    return [...[...this.problems.values()].flat(), ...this.wide];
  }

  private recheckAll(): void {
    this.site = this.siteNow();
    this.index = siteIndex(this.site);
    const report = checkSite(this.site, this.index);
    this.problems = new Map();
    this.wide = [];
    for (const problem of report.problems) {
      if (problem.kind === 'duplicate-url' || problem.kind === 'tag-case') this.wide.push(problem);
      else push(this.problems, problem);
    }
    this.external = report.external;
  }

  private siteNow(): HealthSite {
    const { layout, profile, basePath } = this.deps;
    const now = this.deps.now?.() ?? Date.now();
    const posts: HealthPost[] = [...this.known.values()].map(({ summary, facts, data }) => {
      const goesLive = summary.publishValue ?? summary.dateValue;
      return {
        path: summary.path,
        title: summary.title,
        url: summary.url ?? null,
        draft: summary.draft,
        ...(summary.collection ? { collection: summary.collection } : {}),
        tags: summary.tags,
        categories: summary.categories,
        scheduledFor:
          this.deps.futureScheduled &&
          !summary.draft &&
          goesLive !== null &&
          goesLive !== undefined &&
          goesLive > now
            ? goesLive
            : null,
        data,
        facts,
      };
    });
    return {
      posts,
      files: this.files,
      staticRoot: layout.staticRoot,
      servesWholeFolder: profile.servesWholeFolder,
      postAssetFolder: layout.postAssetFolder === true,
      basePath,
      includeFolders: profile.templateSources?.includes ?? ['_includes'],
      required: this.deps.required,
    };
  }

  private async read(summary: PostSummary): Promise<Known | null> {
    let text: string;
    try {
      text = (await readFile(path.join(this.deps.root, summary.path))).toString('utf8');
    } catch {
      return null; // gone since it was listed: the library reports it
    }
    const block = findFrontMatter(text);
    const { data, error } = readFrontMatter(text, block);
    const imageFields = IMAGE_FIELDS.flatMap((field) =>
      typeof data[field] === 'string' ? [{ field, value: data[field] as string }] : [],
    );
    const facts = postFacts(text, block?.end ?? 0, {
      dialect: dialectOf(this.deps.profile.dialect, summary.path),
      flavour: this.deps.flavour,
      imageFields,
    });
    return { summary, facts, data: error ? null : data };
  }

  private changed(): void {
    this.version++;
    this.deps.onChange(this.summary());
  }
}

const ids = (known: Known) => known.facts.headings.map((h) => h.id).join('\n');

function push(map: Map<string, Problem[]>, problem: Problem): void {
  const list = map.get(problem.path);
  if (list) list.push(problem);
  else map.set(problem.path, [problem]);
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every file of the blog (relative, `/`-separated), but generated and tool folders; links are not followed. */
async function listFiles(root: string, generated: readonly string[]): Promise<Set<string>> {
  const files = new Set<string>();
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      if (files.size >= MAX_FILES) return;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !generated.includes(child)) folders.push(child);
      } else if (entry.isFile() || entry.isSymbolicLink()) files.add(child);
    }
    for (const folder of folders) await walk(folder);
  };
  await walk('');
  return files;
}

/** The health check of a blog just opened, over its library, schema and generator. */
export function healthOf(
  workspace: Workspace,
  library: Library,
  onChange: (summary: HealthSummary) => void,
  now?: () => number,
): HealthService {
  const profile = profileOf(workspace.layout.generator);
  let schema: BlogSchema | null = null;
  return new HealthService({
    root: workspace.info.root,
    layout: workspace.layout,
    profile,
    flavour: profile.markdown?.(workspace.config.data) ?? null,
    basePath: workspace.info.basePath,
    futureScheduled: workspace.info.futureScheduled,
    posts: () => {
      schema = null; // read again for each full check: the writer may have changed it
      return library.posts();
    },
    required: (postPath, collection) => {
      schema ??= loadBlogSchema(workspace.info.root, library.fields());
      return fieldsFor(schema, postPath, collection)
        .filter((field) => field.required)
        .map((field) => field.name);
    },
    ...(now ? { now } : {}),
    onChange,
  });
}
