import type { RenderedBlock } from '../../../shared/markdown.ts';

export interface MountedBlock {
  html: string;
  nodes: ChildNode[];
  /** The file line its `data-source-line`s were last set from; -1 before the first time. */
  line: number;
}

/**
 * Puts `blocks` into `container`, reusing the DOM of every block whose HTML is unchanged
 * since the last call: only new blocks are sanitized and built, so an edit in a long post
 * touches one block, not the whole preview. Returns what is mounted now.
 */
export function patchBlocks(
  container: HTMLElement,
  mounted: MountedBlock[],
  blocks: RenderedBlock[],
  build: (html: string) => ChildNode[],
): MountedBlock[] {
  const pool = new Map<string, MountedBlock[]>();
  for (const block of mounted) pool.set(block.html, [...(pool.get(block.html) ?? []), block]);
  const next: MountedBlock[] = blocks.map(
    ({ html }) => pool.get(html)?.shift() ?? { html, nodes: build(html), line: -1 },
  );
  for (const leftovers of pool.values())
    for (const block of leftovers) for (const node of block.nodes) node.remove();

  // Block HTML counts lines from the block's start; the page needs lines in the file.
  // Only blocks that moved (a line added or removed above them) need their numbers redone.
  blocks.forEach((block, i) => {
    const target = next[i]!;
    if (target.line === block.line) return;
    target.line = block.line;
    for (const node of target.nodes) {
      if (!(node instanceof Element)) continue;
      for (const el of selfAndDescendants(node, '[data-rel-line]')) {
        el.setAttribute(
          'data-source-line',
          String(block.line + Number(el.getAttribute('data-rel-line')) - 1),
        );
      }
    }
  });

  let cursor: ChildNode | null = container.firstChild;
  for (const block of next) {
    for (const node of block.nodes) {
      if (node === cursor) cursor = cursor.nextSibling;
      else container.insertBefore(node, cursor);
    }
  }
  while (cursor) {
    const stale = cursor;
    cursor = cursor.nextSibling;
    stale.remove();
  }
  return next;
}

function selfAndDescendants(node: Element, selector: string): Element[] {
  const inside = [...node.querySelectorAll(selector)];
  return node.matches(selector) ? [node, ...inside] : inside;
}

/** Moves each `data-source-line` (relative to its block) to `data-rel-line`, once per build. */
export function markRelativeLines(nodes: ChildNode[]): void {
  for (const node of nodes) {
    if (!(node instanceof Element)) continue;
    for (const el of selfAndDescendants(node, '[data-source-line]'))
      el.setAttribute('data-rel-line', el.getAttribute('data-source-line')!);
  }
}
