/**
 * The preview's rendering, as the worker runs it (render.worker.ts) and as the page runs it
 * when it has no worker. Markdown -> blocks (nodes or HTML), sent as patches against what the page
 * already holds (shared/markdown/diff.ts). Counting words and finding headings read the whole
 * post too, so they happen here as well, after the blocks are on their way.
 *
 * Long posts render incrementally (shared/markdown/chunks.ts): a keystroke re-renders the
 * chunk it touched, and a full render follows once typing pauses.
 */
import { IncrementalRenderer, splitChunks, type Chunk } from '../../../shared/markdown/chunks.ts';
import { diffBlocks, type BlockPatch } from '../../../shared/markdown/diff.ts';
import {
  renderMarkdownBlocks,
  type MarkdownFlavour,
  type RenderOptions,
  type RenderedBlock,
} from '../../../shared/markdown/index.ts';
import {
  withoutTemplates,
  type TemplateContext,
} from '../../../shared/markdown/templates/index.ts';
import { outline, type Heading } from '../../../shared/outline.ts';
import { countWords } from '../../../shared/word-count.ts';
import { previewPart } from './large-post.ts';
import { applyTextEdit, type TextEdit } from './text-edit.ts';

export interface PostStats {
  words: number;
  headings: Heading[];
}

export interface RenderRequest {
  /** The whole post, or (`edit`) the one change to the post of the request before. */
  text?: string;
  edit?: TextEdit;
  /** Where the body starts in the post, and how many lines come before it. */
  bodyStart: number;
  lineOffset: number;
  /** Changes when the page empties its preview: patches then start from nothing. */
  generation: number;
  /** The post's template dialect (shared/markdown/templates/), if any. */
  dialect?: string;
  /** The post's front matter and path, for its templates (`{{ page.x }}`, asset folders). */
  page?: Readonly<Record<string, unknown>>;
  postPath?: string;
}

/**
 * What the site holds for templates (its config, posts, shortcodes) and its Markdown
 * flavour: sent when it changes.
 */
export interface SiteRequest {
  site: TemplateContext;
  flavour?: MarkdownFlavour | null;
}

export type WorkerRequest = RenderRequest | SiteRequest;

export type RenderMessage =
  | {
      kind: 'blocks';
      generation: number;
      /** True for the answer to a request, false for the full render that follows one. */
      reply: boolean;
      patch: BlockPatch;
    }
  | { kind: 'stats'; generation: number; stats: PostStats };

/** A heading's trailing attribute list (Goldmark's `{#id}`, kramdown's `{: .class}`). */
const ATTRIBUTE_TAIL = /\s*\{:?\s*[#.][^{}]*\}\s*$/;

/** Below this many characters a full render is quick enough for every keystroke. */
const INCREMENTAL_FROM = 20_000;
const FULL_RENDER_AFTER_MS = 700;

/**
 * Words and headings of a long post, counted chunk by chunk and remembered by chunk text, so
 * a keystroke counts one chunk again. (Words never span a chunk's edge, a blank line, nor do
 * headings or code fences, so the sums are the whole post's.)
 */
class ChunkStats {
  private cache = new Map<string, { words: number; headings: Heading[] }>();

  of(chunks: Chunk[], lineOffset: number, dialect: string | undefined): PostStats {
    const next = new Map<string, { words: number; headings: Heading[] }>();
    let words = 0;
    const headings: Heading[] = [];
    for (const chunk of chunks) {
      let own = next.get(chunk.text) ?? this.cache.get(chunk.text);
      if (!own)
        own = {
          words: countWords(withoutTemplates(chunk.text, dialect)),
          headings: outline(chunk.text),
        };
      next.set(chunk.text, own);
      words += own.words;
      for (const h of own.headings)
        headings.push({ ...h, line: h.line + chunk.startLine + lineOffset });
    }
    this.cache = next;
    return { words, headings };
  }
}

export class RenderCore {
  private incremental = new IncrementalRenderer();
  private site: TemplateContext = {};
  private flavour: MarkdownFlavour | null = null;
  /** Counts the site's changes: each makes a new incremental renderer. */
  private siteVersion = 0;
  /** The render options the incremental renderer was made for. */
  private optionsKey = '';
  private chunkStats = new ChunkStats();
  private primed = false;
  /** The content of the blocks the page holds (or will, once it reads its messages). */
  private sent: string[] = [];
  private generation = -1;
  private lastStats = '';
  private fullTimer: ReturnType<typeof setTimeout> | undefined;
  /** The post as the page last sent it. */
  private text = '';

  constructor(private readonly post: (message: RenderMessage) => void) {}

  /** The site's side of the templates' context, and its flavour; the next render uses them. */
  setSite(site: TemplateContext, flavour: MarkdownFlavour | null = null): void {
    this.site = site;
    this.flavour = flavour;
    this.siteVersion++;
  }

  receive(data: WorkerRequest): void {
    if ('site' in data) this.setSite(data.site, data.flavour ?? null);
    else this.request(data);
  }

  /** The options for this request; a change from the last makes a new incremental renderer. */
  private options(data: RenderRequest): Omit<RenderOptions, 'lineOffset'> {
    const options: Omit<RenderOptions, 'lineOffset'> = this.flavour
      ? { flavour: this.flavour }
      : {};
    if (data.dialect) {
      options.dialect = data.dialect;
      options.context = { ...this.site, page: data.page, postPath: data.postPath };
    }
    const key = `${this.siteVersion} ${data.dialect ? JSON.stringify([data.dialect, data.page, data.postPath]) : ''}`;
    if (key !== this.optionsKey) {
      this.optionsKey = key;
      this.incremental = new IncrementalRenderer(options);
      this.primed = false;
    }
    return options;
  }

  request(data: RenderRequest): void {
    clearTimeout(this.fullTimer);
    if (data.generation !== this.generation) {
      this.generation = data.generation;
      this.sent = [];
      this.primed = false; // another post: nothing cached is of use
    }
    if (data.text !== undefined) this.text = data.text;
    else if (data.edit) this.text = applyTextEdit(this.text, data.edit);
    // Past the preview's limit, the start of the body (the page says so over it).
    const body = previewPart(this.text.slice(data.bodyStart)).text;
    const { lineOffset, dialect } = data;
    const options = this.options(data);
    if (body.length < INCREMENTAL_FROM) {
      this.primed = false;
      this.send(true, renderMarkdownBlocks(body, { ...options, lineOffset }));
      const words = countWords(withoutTemplates(body, dialect));
      this.sendStats({ words, headings: outline(body, 1, lineOffset) });
      return;
    }
    const chunks = splitChunks(body, dialect);
    if (!this.primed) {
      this.primed = true;
      this.send(true, this.incremental.renderFull(body, lineOffset, chunks));
    } else {
      const { blocks, complete } = this.incremental.render(body, lineOffset, chunks);
      this.send(true, blocks);
      if (!complete) {
        this.fullTimer = setTimeout(
          () => this.send(false, this.incremental.renderFull(body, lineOffset, chunks)),
          FULL_RENDER_AFTER_MS,
        );
      }
    }
    this.sendStats(this.chunkStats.of(chunks, lineOffset, dialect));
  }

  /** Only news: unchanged stats would cost the page a re-render for nothing. */
  private sendStats(stats: PostStats): void {
    // `## Title {#id .class}`: the attribute list is not the heading's text.
    if (this.flavour?.attributes)
      stats = {
        ...stats,
        headings: stats.headings.map((h) => ({ ...h, text: h.text.replace(ATTRIBUTE_TAIL, '') })),
      };
    const key = `${this.generation} ${JSON.stringify(stats)}`;
    if (key === this.lastStats) return;
    this.lastStats = key;
    this.post({ kind: 'stats', generation: this.generation, stats });
  }

  private send(reply: boolean, blocks: RenderedBlock[]): void {
    const patch = diffBlocks(this.sent, blocks);
    this.sent = blocks.map((block) => block.content);
    this.post({ kind: 'blocks', generation: this.generation, reply, patch });
  }
}
