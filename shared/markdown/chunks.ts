/**
 * Incremental preview rendering for long posts. The body is cut into chunks at blank lines
 * where Markdown itself ends a block; a keystroke re-renders only the chunk it changed and
 * reuses the others' blocks from the last full render. Things that reach across chunks
 * (footnote numbers, reference links defined elsewhere) can be provisional in the edited
 * chunk until the next full render, which the caller schedules once typing pauses.
 */
import { renderMarkdownBlocks, type RenderOptions, type RenderedBlock } from './index.ts';
import { pairedLines } from './templates/index.ts';

export interface Chunk {
  text: string;
  /** 0-based line of the chunk's first line within the body. */
  startLine: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])(\s|$)/;

/**
 * Cuts a body into chunks; joining the chunks with "\n" gives the body back exactly. A
 * dialect's paired constructs (`{{% note %}}` … `{{% /note %}}`) stay in one chunk.
 */
export function splitChunks(body: string, dialect?: string): Chunk[] {
  const lines = body.split('\n');
  const held = new Uint8Array(lines.length);
  for (const [from, to] of pairedLines(body, dialect)) held.fill(1, from, to);
  const chunks: Chunk[] = [];
  let start = 0;
  let fence: string | null = null;
  let inMath = false;
  let inComment = false;
  let listChunk = LIST_ITEM.test(lines[0] ?? '');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FENCE.exec(line)?.[1];
    if (marker && !inMath && !inComment) {
      if (!fence) fence = marker;
      else if (
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        !line.trim().slice(marker.length).trim()
      )
        fence = null;
      continue;
    }
    if (fence) continue;
    if (line.trim() === '$$') inMath = !inMath;
    if (inComment ? line.includes('-->') : line.includes('<!--') && !line.includes('-->'))
      inComment = !inComment;
    if (inMath || inComment || held[i] || line.trim() !== '') continue;
    // A blank line: the next chunk may start after it, unless the next line continues this
    // block (indented content, another item of the same list).
    const next = lines[i + 1];
    if (next === undefined || next.trim() === '' || /^(\s|\t)/.test(next)) continue;
    if (listChunk && LIST_ITEM.test(next)) continue;
    chunks.push({ text: lines.slice(start, i + 1).join('\n'), startLine: start });
    start = i + 1;
    listChunk = LIST_ITEM.test(next);
  }
  chunks.push({ text: lines.slice(start).join('\n'), startLine: start });
  return chunks;
}

/**
 * Keeps each chunk's blocks (lines counted from the chunk's first line) across renders, for
 * one set of render options (a dialect, its context): new options need a new renderer.
 */
export class IncrementalRenderer {
  private cache = new Map<string, RenderedBlock[]>();

  constructor(private readonly options: Omit<RenderOptions, 'lineOffset'> = {}) {}

  /** Fast: reuses every unchanged chunk. `complete` is false when a chunk was rendered alone. */
  render(
    body: string,
    lineOffset: number,
    chunks = splitChunks(body, this.options.dialect),
  ): { blocks: RenderedBlock[]; complete: boolean } {
    const blocks: RenderedBlock[] = [];
    let complete = true;
    for (const chunk of chunks) {
      let own = this.cache.get(chunk.text);
      if (!own) {
        own = renderMarkdownBlocks(chunk.text, this.options);
        complete = false;
      }
      for (const block of own)
        blocks.push({ ...block, line: block.line + chunk.startLine + lineOffset });
    }
    return { blocks, complete };
  }

  /** The whole body at once (exact), and its blocks remembered by chunk for the fast path. */
  renderFull(
    body: string,
    lineOffset: number,
    chunks = splitChunks(body, this.options.dialect),
  ): RenderedBlock[] {
    const blocks = renderMarkdownBlocks(body, { ...this.options, lineOffset });
    const byChunk = chunks.map(() => [] as RenderedBlock[]);
    let c = 0;
    for (const block of blocks) {
      while (c + 1 < chunks.length && chunks[c + 1]!.startLine + lineOffset < block.line) c++;
      byChunk[c]!.push({ ...block, line: block.line - chunks[c]!.startLine - lineOffset });
    }
    this.cache = new Map(chunks.map((chunk, i) => [chunk.text, byChunk[i]!]));
    return blocks;
  }
}
