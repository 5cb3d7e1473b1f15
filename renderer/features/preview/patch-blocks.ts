import type { BlockPatch } from '../../../shared/markdown/diff.ts';
import type { BlockContent } from './sanitize.ts';

export interface MountedBlock {
  content: string;
  nodes: ChildNode[];
  /** Elements with a source line, and that line counted from the block's first line (1). */
  lineEls: Array<[el: Element, relative: number]>;
  /** The file line its `data-source-line`s were last set from; -1 before the first time. */
  line: number;
  /** The file line the block starts at now. */
  wantLine: number;
}

/** Blocks renumbered at once; more wait for `renumber` in later tasks. */
const RENUMBER_NOW = 100;

/**
 * Blocks live in groups of about this many (`.preview-group`), which the browser skips when
 * off screen (`content-visibility: auto` in content.css): a keystroke that makes one block
 * taller moves tens of groups, not thousands of blocks, in layout and paint. (Skipping each
 * block instead cost more than it saved: the browser tracks every skippable element's
 * visibility on every frame.)
 */
const GROUP_SIZE = 64;

function newGroup(): HTMLElement {
  const group = document.createElement('div');
  group.className = 'preview-group';
  return group;
}

/**
 * Applies a worker's patch to `container`: only the blocks between the kept head and tail are
 * removed, built (sanitized) and inserted, so an edit in a long post touches one block, not
 * the whole preview. Returns what is mounted now, and whether some blocks still need their
 * line numbers redone (an Enter shifts every block below it: those wait for `renumber`).
 */
export function patchBlocks(
  container: HTMLElement,
  mounted: MountedBlock[],
  patch: BlockPatch,
  build: (blocks: BlockContent[]) => ChildNode[][],
): { blocks: MountedBlock[]; behind: boolean } {
  const tailStart = mounted.length - patch.tail;
  const emptied = new Set<ParentNode>();
  for (const old of mounted.slice(patch.head, tailStart)) {
    for (const node of old.nodes) {
      if (node.parentNode) emptied.add(node.parentNode);
      node.remove();
    }
  }
  const nodes = build(patch.content.map((content, i) => ({ content, plain: patch.plain[i]! })));
  const fresh = patch.content.map((content, i): MountedBlock => ({
    content,
    nodes: nodes[i]!,
    lineEls: [],
    line: -1,
    wantLine: -1,
  }));
  insertBlocks(container, fresh, mounted[tailStart]?.nodes[0] ?? null);
  for (const group of emptied)
    if (group !== container && !group.firstChild) (group as Element).remove();
  for (const block of fresh) block.lineEls = lineElements(block.nodes);
  const blocks = [...mounted.slice(0, patch.head), ...fresh, ...mounted.slice(tailStart)];
  blocks.forEach((block, i) => (block.wantLine = patch.lines[i]!));
  // New blocks first: they have no numbers at all yet.
  fresh.forEach(setLines);
  return { blocks, behind: !renumber(blocks, RENUMBER_NOW) };
}

/** Puts `blocks` before `before` (or at the end), in its group or in new ones. */
function insertBlocks(container: HTMLElement, blocks: MountedBlock[], before: ChildNode | null) {
  if (!blocks.length) return;
  const group = (before?.parentNode ?? container.lastElementChild) as HTMLElement | null;
  if (blocks.length > GROUP_SIZE || !group) {
    // Many blocks (the first render, a paste): groups of their own, after the part of
    // `before`'s group that comes before it.
    let after: ChildNode | null = null;
    if (before && group) {
      const rest = newGroup();
      for (let node: ChildNode | null = before; node;) {
        const next: ChildNode | null = node.nextSibling;
        rest.append(node);
        node = next;
      }
      group.after(rest);
      after = rest;
      if (!group.firstChild) group.remove();
    }
    for (let i = 0; i < blocks.length; i += GROUP_SIZE) {
      const fresh = newGroup();
      for (const block of blocks.slice(i, i + GROUP_SIZE)) fresh.append(...block.nodes);
      container.insertBefore(fresh, after);
    }
    return;
  }
  for (const block of blocks) for (const node of block.nodes) group.insertBefore(node, before);
}

/** Redoes the line numbers of up to `limit` moved blocks; true when none is left. */
export function renumber(blocks: MountedBlock[], limit: number): boolean {
  let done = 0;
  for (const block of blocks) {
    if (block.line === block.wantLine) continue;
    if (done++ === limit) return false;
    setLines(block);
  }
  return true;
}

/** Block HTML counts lines from the block's start; the page needs lines in the file. */
function setLines(block: MountedBlock): void {
  block.line = block.wantLine;
  for (const [el, relative] of block.lineEls)
    el.setAttribute('data-source-line', String(block.line + relative - 1));
}

function lineElements(nodes: ChildNode[]): Array<[Element, number]> {
  const found: Array<[Element, number]> = [];
  for (const node of nodes) {
    if (!(node instanceof Element)) continue;
    if (node.hasAttribute('data-source-line')) found.push([node, lineOf(node)]);
    for (const el of node.querySelectorAll('[data-source-line]')) found.push([el, lineOf(el)]);
  }
  return found;
}

const lineOf = (el: Element) => Number(el.getAttribute('data-source-line'));
