/**
 * What the render worker sends the page after a render: not the whole post (2 MB of HTML for
 * a 50,000-word post, which the page would spend tens of milliseconds just receiving), but the
 * blocks that changed since the page's last copy, and every block's line (a few KB).
 */
import type { RenderedBlock } from './index.ts';

export interface BlockPatch {
  /** Blocks kept from the start of the previous list. */
  head: number;
  /** Blocks kept from the end of the previous list. */
  tail: number;
  /** The blocks between them (RenderedBlock.content), which replace the previous ones there. */
  content: string[];
  /** For each of those, whether it is plain Markdown markup as nodes (RenderedBlock.plain). */
  plain: boolean[];
  /** The 1-based file line of every block of the new list, in order. */
  lines: number[];
}

/** The patch that turns blocks with content `previous` into `next`. */
export function diffBlocks(
  previous: readonly string[],
  next: readonly RenderedBlock[],
): BlockPatch {
  const max = Math.min(previous.length, next.length);
  let head = 0;
  while (head < max && previous[head] === next[head]!.content) head++;
  let tail = 0;
  while (
    tail < max - head &&
    previous[previous.length - 1 - tail] === next[next.length - 1 - tail]!.content
  )
    tail++;
  return {
    head,
    tail,
    content: next.slice(head, next.length - tail).map((block) => block.content),
    plain: next.slice(head, next.length - tail).map((block) => block.plain),
    lines: next.map((block) => block.line),
  };
}

/** `previous` with `patch` applied: the new list. */
export function applyBlockPatch<T>(
  previous: readonly T[],
  patch: BlockPatch,
  make: (content: string, plain: boolean) => T,
): T[] {
  return [
    ...previous.slice(0, patch.head),
    ...patch.content.map((content, i) => make(content, patch.plain[i]!)),
    ...previous.slice(previous.length - patch.tail),
  ];
}
