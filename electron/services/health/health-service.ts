/**
 * The site health check, kept current in the background: after the blog is indexed it reads
 * every post once (in slices, yielding to the event loop, so requests are answered while it
 * runs) and checks the whole site; after a save or a change on disk it reads the changed
 * posts again and re-checks them, and the whole site only when a URL or a heading id
 * changed (what other posts' links depend on).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  checkPosts,
  checkSite,
  siteIndex,
  siteWide,
  type ExternalLink,
  type HealthPost,
  type HealthSite,
  type HealthSummary,
  normalUrl,
  type Problem,
  type SiteIndex,
} from '../../../shared/health/checks.ts';
import type { MarkdownFlavour } from '../../../shared/markdown/flavours.ts';
import type { PostSummary } from '../../../shared/models.ts';
import type { BlogLayout, GeneratorProfile } from '../../../shared/generators/index.ts';
import { readOneKept, type ReadFacts } from './read-facts.ts';
import { readFactsInWorker } from './facts-pool.ts';
import { loadBlogSchema } from '../library/blog-schema.ts';
import type { Library } from '../library/library.ts';
import type { Workspace } from '../workspace.ts';
import { emptyObservations, fieldsFor, type BlogSchema } from '../../../shared/schema.ts';
import { profileOf } from '../../../shared/generators/index.ts';

export interface HealthDeps {
  root: string;
  layout: BlogLayout;
  profile: GeneratorProfile;
  flavour: MarkdownFlavour | null;
  basePath: string;
  /** The posts as the library lists them now. */
  posts(): PostSummary[];
  /** A full check starts: what was read once per check (the schema) is read again. */
  fullCheck?(): void;
  /** Posts from which a full check shares its reading with a worker (tests lower it). */
  workerFrom?: number;
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
/** Below this many posts the check reads them all on the main thread (a worker costs its start). */
const WORKER_FROM_POSTS = 1000;
/** The worker's part: a little under half, as it starts while this thread already reads. */
const WORKER_SHARE = 0.45;

export class HealthService {
  private known = new Map<string, HealthPost>();
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
    this.deps.fullCheck?.();
    const posts = this.deps.posts();
    this.checking = { done: 0, total: posts.length };
    this.changed();
    this.files = await listFiles(this.deps.root, this.deps.layout.generatedFolders);
    // A big blog: the worker reads the first part while this thread reads the rest.
    const shared = posts.length >= (this.deps.workerFrom ?? WORKER_FROM_POSTS);
    const split = shared ? Math.floor(posts.length * WORKER_SHARE) : 0;
    const fromWorker = shared
      ? readFactsInWorker({ ...this.request(), paths: posts.slice(0, split).map((p) => p.path) })
      : Promise.resolve([]);
    const read: Array<HealthPost | null> = new Array(posts.length).fill(null);
    let sliceStart = performance.now();
    for (let i = split; i < posts.length; i++) {
      read[i] = this.read(posts[i]!);
      // Reads are synchronous and short; every few milliseconds the loop lets requests in.
      if (performance.now() - sliceStart > SLICE_MS) {
        this.checking = { done: i + 1 - split, total: posts.length };
        await yieldToLoop();
        if (this.closed) return;
        sliceStart = performance.now();
      }
    }
    (await fromWorker).forEach((facts, i) => {
      read[i] = facts ? this.post(posts[i]!, facts) : null;
    });
    if (this.closed) return;
    const known = new Map<string, HealthPost>();
    for (const post of read) if (post) known.set(post.path, post);
    this.known = known;
    this.recheckAll();
    this.checking = null;
    this.changed();
  }

  /** Posts changed (saved, edited elsewhere, created, removed): re-read and re-check them. */
  async update(paths: string[]): Promise<void> {
    if (this.full) await this.full;
    if (!this.site || !this.index || this.closed) return;
    const summaries = new Map(paths.map((rel) => [rel, null as PostSummary | null]));
    for (const summary of this.deps.posts())
      if (summaries.has(summary.path)) summaries.set(summary.path, summary);
    let shape = false;
    let terms = false;
    const changed = new Set<string>();
    for (const [rel, summary] of summaries) {
      const before = this.known.get(rel);
      const after = summary ? this.read(summary) : null;
      if (after) this.known.set(rel, after);
      else this.known.delete(rel);
      changed.add(rel);
      // What links elsewhere resolve against: a post's URL and its heading ids.
      if (!before || !after || before.url !== after.url || ids(before) !== ids(after)) shape = true;
      if (
        !before ||
        !after ||
        String(before.tags) !== String(after.tags) ||
        String(before.categories) !== String(after.categories)
      )
        terms = true;
    }
    if (shape) this.recheckAll();
    else {
      // The same posts in the same places: the changed ones are swapped in where they were.
      const posts = this.site.posts.map((post) =>
        changed.has(post.path) ? this.known.get(post.path)! : post,
      );
      this.site = { ...this.site, posts };
      for (const rel of changed) {
        const post = this.known.get(rel)!;
        this.index.byPath.set(rel, post);
        if (post.url) this.index.byUrl.set(normalUrl(post.url), post);
      }
      const report = checkPosts(this.site, this.index, changed);
      const byPost = new Map<string, Problem[]>();
      for (const problem of report.problems) push(byPost, problem);
      for (const rel of changed) this.setProblems(rel, byPost.get(rel));
      this.external = [...this.external.filter((l) => !changed.has(l.path)), ...report.external];
      if (terms) this.wide = siteWide(this.site);
    }
    this.changed();
  }

  /** A file the site may serve was added (an imported image). */
  addFile(rel: string): void {
    this.files.add(rel);
  }

  summary(): HealthSummary {
    const { error, warning, info } = this.counts;
    let [errors, warnings, notes] = [error, warning, info];
    for (const problem of this.wide) {
      if (problem.severity === 'error') errors++;
      else if (problem.severity === 'warning') warnings++;
      else notes++;
    }
    return { errors, warnings, notes, checking: this.checking, version: this.version };
  }

  /** Counts of the per-post problems, kept as they change (the summary goes out on each save). */
  private counts = { error: 0, warning: 0, info: 0 };

  private setProblems(rel: string, list: Problem[] | undefined): void {
    for (const problem of this.problems.get(rel) ?? []) this.counts[problem.severity]--;
    if (list?.length) {
      this.problems.set(rel, list);
      for (const problem of list) this.counts[problem.severity]++;
    } else this.problems.delete(rel);
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
    this.counts = { error: 0, warning: 0, info: 0 };
    this.wide = [];
    const byPost = new Map<string, Problem[]>();
    for (const problem of report.problems) {
      if (problem.kind === 'duplicate-url' || problem.kind === 'tag-case') this.wide.push(problem);
      else push(byPost, problem);
    }
    for (const [rel, list] of byPost) this.setProblems(rel, list);
    this.external = report.external;
  }

  private siteNow(): HealthSite {
    const { layout, profile, basePath } = this.deps;
    return {
      posts: [...this.known.values()],
      files: this.files,
      staticRoot: layout.staticRoot,
      servesWholeFolder: profile.servesWholeFolder,
      postAssetFolder: layout.postAssetFolder === true,
      basePath,
      includeFolders: profile.templateSources?.includes ?? ['_includes'],
      required: this.deps.required,
    };
  }

  /** A post as the check sees it, read from its file (null when it is gone). */
  private read(summary: PostSummary): HealthPost | null {
    const facts = readOneKept(this.request(), summary.path);
    return facts ? this.post(summary, facts) : null;
  }

  private request() {
    return { root: this.deps.root, dialect: this.deps.profile.dialect, flavour: this.deps.flavour };
  }

  private post(summary: PostSummary, { facts, data }: ReadFacts): HealthPost {
    const now = this.deps.now?.() ?? Date.now();
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
        this.deps.futureScheduled && !summary.draft && goesLive != null && goesLive > now
          ? goesLive
          : null,
      data,
      facts,
    };
  }

  private changed(): void {
    this.version++;
    this.deps.onChange(this.summary());
  }
}

const ids = (post: HealthPost) => post.facts.headings.map((h) => h.id).join('\n');

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
  options: Pick<HealthDeps, 'now' | 'workerFrom'> = {},
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
    posts: () => library.posts(),
    // Read again for each full check (the writer may have changed it); only declared types
    // require fields, so the posts' observations are not needed.
    fullCheck: () => {
      schema = null;
    },
    required: (postPath, collection) => {
      schema ??= loadBlogSchema(workspace.info.root, emptyObservations());
      return fieldsFor(schema, postPath, collection)
        .filter((field) => field.required)
        .map((field) => field.name);
    },
    ...options,
    onChange,
  });
}
