import type { Text } from '@codemirror/state';
import type { BlockPatch } from '../../../shared/markdown/diff.ts';
import type { TemplateContext } from '../../../shared/markdown/templates/index.ts';
import type { MarkdownFlavour } from '../../../shared/markdown/index.ts';
import type {
  PostStats,
  RenderCore,
  RenderMessage,
  RenderRequest,
  SiteRequest,
} from './render-core.ts';
import { textEdit } from './text-edit.ts';

export type { PostStats } from './render-core.ts';

/** What the preview shows: the post (CodeMirror's text), where its body starts, lines before it. */
export interface PreviewSource {
  doc: Text;
  bodyStart: number;
  lineOffset: number;
}

/** The post's templates: its dialect, front matter and path (see RenderRequest). */
export type PostTemplates = Pick<RenderRequest, 'dialect' | 'page' | 'postPath'>;

export interface RenderClient {
  render(source: PreviewSource, templates?: PostTemplates): void;
  /** The site's side of the templates' context (config, posts, shortcodes) and its flavour. */
  setSite(site: TemplateContext, flavour?: MarkdownFlavour | null): void;
  /** The page emptied its preview: the next patch starts from no blocks. */
  reset(): void;
  /**
   * After a pause: render again with no time limit, for this post (until the next reset).
   * The page empties its preview first, as the new worker holds no blocks.
   */
  resume(): void;
  dispose(): void;
}

/** A render that has not answered after this long is stopped and the preview paused. */
export const RENDER_TIME_LIMIT_MS = 4_000;

/**
 * Building a patch's blocks runs on the page's thread, in one task. Past this estimated
 * cost (microseconds) the patch is not built and the preview pauses, so that no post can
 * hold the window: 100,000 formulas in one paragraph took over 20 s to sanitize. A
 * math-heavy post of 1,000 formulas costs about 200 ms, and builds.
 */
export const BUILD_BUDGET_US = 250_000;

/**
 * Per element, measured in Chromium (npm run bench hostile-click, and the split of
 * preview-2k): HTML through DOMPurify, as KaTeX writes it, about 10 µs (two `<` per element);
 * plain nodes built with DOM calls about 0.3 µs (two `[` per element, see shared/markdown/nodes.ts).
 */
const US_PER_HTML_TAG = 5;
const US_PER_NODE_BRACKET = 0.15;

function count(text: string, char: string, stopAt: number): number {
  let n = 0;
  for (let at = text.indexOf(char); at !== -1 && n < stopAt; at = text.indexOf(char, at + 1)) n++;
  return n;
}

/** The estimated main-thread cost of building a patch's blocks, in µs; counting stops past `limit`. */
export function buildCost(patch: BlockPatch, limit = Infinity): number {
  let cost = 0;
  for (let i = 0; i < patch.content.length && cost <= limit; i++) {
    const perMark = patch.plain[i] ? US_PER_NODE_BRACKET : US_PER_HTML_TAG;
    const left = Math.ceil((limit - cost) / perMark) + 1;
    cost += count(patch.content[i]!, patch.plain[i] ? '[' : '<', left) * perMark;
  }
  return cost;
}

/** Why the preview paused: a render ran past the time limit, or its result is too heavy to show. */
export type PauseReason = 'time' | 'size';

type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/** A render asked for: sent when the worker is free (latest wins). */
interface Job {
  source: PreviewSource;
  templates: PostTemplates | undefined;
  generation: number;
}

const renderWorker = (): WorkerLike =>
  new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module' });

/**
 * One render worker for the preview. Latest wins: while a render is running, only the most
 * recent request waits, so a burst of keystrokes costs one render after the current one.
 * Every patch is applied, in order (each builds on the one before); patches from before a
 * `reset` are dropped.
 */
export function createRenderClient(handlers: {
  onPatch(patch: BlockPatch): void;
  onStats(stats: PostStats): void;
  /**
   * A render ran past the time limit, or its patch past the build budget, and was stopped:
   * the preview shows it is paused.
   */
  onPaused?(reason: PauseReason): void;
  createWorker?: () => WorkerLike;
  timeLimitMs?: number;
  buildBudgetUs?: number;
}): RenderClient {
  const createWorker = handlers.createWorker ?? renderWorker;
  const timeLimitMs = handlers.timeLimitMs ?? RENDER_TIME_LIMIT_MS;
  const buildBudget = handlers.buildBudgetUs ?? BUILD_BUDGET_US;
  let generation = 0;
  let busy = false;
  let pending: Job | null = null;
  let last: Job | null = null;
  /** The post the worker holds (the last one sent): the next request sends the change to it. */
  let held: Text | null = null;
  let limited = true;
  let paused = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let site: SiteRequest | null = null;
  const receive = (message: RenderMessage) => {
    if (message.kind === 'blocks' && message.reply) {
      clearTimeout(timer);
      busy = false;
      if (pending) {
        const next = pending;
        pending = null;
        send(next);
      }
    }
    if (message.generation !== generation) return;
    if (message.kind !== 'blocks') return handlers.onStats(message.stats);
    // The worker's blocks then differ from the page's: stop restarts it with none.
    if (limited && buildCost(message.patch, buildBudget) > buildBudget) return stop('size');
    handlers.onPatch(message.patch);
  };

  const start = (): WorkerLike | null => {
    try {
      const made = createWorker();
      made.addEventListener('message', (event: MessageEvent<RenderMessage>) => receive(event.data));
      // A restarted worker knows nothing: the site's context goes to it again.
      if (site) made.postMessage(site);
      return made;
    } catch {
      return null; // no workers (an odd host): render on this thread instead
    }
  };
  let worker = start();
  // A render that runs away (a pathological post) is stopped: the page's thread never waits
  // for the worker, but the preview would otherwise never come.
  const stop = (reason: PauseReason) => {
    clearTimeout(timer);
    worker?.terminate();
    worker = start();
    held = null;
    busy = false;
    pending = null;
    paused = true;
    generation++;
    handlers.onPaused?.(reason);
  };
  // markdown-it and friends load on this thread only in that case.
  let local: Promise<RenderCore> | null = null;
  const send = (job: Job) => {
    busy = true;
    last = job;
    const { source, templates, generation: ofGeneration } = job;
    // Another post is mostly new text: then the whole of it, in one piece.
    const edit = held && textEdit(held, source.doc, source.doc.length / 2);
    const change = edit ? { edit } : { text: source.doc.toString() };
    held = source.doc;
    const request: RenderRequest = {
      ...change,
      bodyStart: source.bodyStart,
      lineOffset: source.lineOffset,
      generation: ofGeneration,
      ...templates,
    };
    if (worker) {
      if (limited) timer = setTimeout(() => stop('time'), timeLimitMs);
      return worker.postMessage(request);
    }
    local ??= import('./render-core.ts').then(({ RenderCore }) => {
      const core = new RenderCore(receive);
      if (site) core.setSite(site.site, site.flavour ?? null);
      return core;
    });
    void local.then((core) => core.request(request));
  };

  return {
    render(source, templates) {
      const job = { source, templates, generation };
      if (paused) last = job;
      else if (busy) pending = job;
      else send(job);
    },
    setSite(next, flavour = null) {
      site = { site: next, flavour };
      if (worker) worker.postMessage(site);
      else void local?.then((core) => core.setSite(next, flavour));
    },
    reset() {
      generation++;
      // Another post: it gets its own chance within the time limit.
      limited = true;
      paused = false;
      if (pending) pending.generation = generation;
    },
    resume() {
      if (!paused) return;
      paused = false;
      limited = false;
      generation++;
      if (last) send({ ...last, generation });
    },
    dispose() {
      clearTimeout(timer);
      worker?.terminate();
    },
  };
}
