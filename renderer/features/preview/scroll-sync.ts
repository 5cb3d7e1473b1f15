/**
 * Scroll sync between the editor and the preview, by source line. Pure: it maps a line to a
 * preview offset and back through the preview's blocks (each `data-source-line` element and
 * its top), interpolating between neighbours so the two panes glide together.
 */
export interface Anchor {
  /** 1-based source line the block starts at. */
  line: number;
  /** Offset of the block's top within the scrolling preview content, in px. */
  top: number;
}

/** Anchors sorted by line, with tops that only grow (nested blocks can break the order). */
export function normalizeAnchors(anchors: Anchor[]): Anchor[] {
  const sorted = [...anchors].sort((a, b) => a.line - b.line || a.top - b.top);
  const out: Anchor[] = [];
  for (const anchor of sorted) {
    const last = out.at(-1);
    if (last && (anchor.line === last.line || anchor.top < last.top)) continue;
    out.push(anchor);
  }
  return out;
}

/** Where the preview should scroll so that source `line` (fractional) is at its top. */
export function previewOffsetForLine(
  anchors: Anchor[],
  line: number,
  contentHeight: number,
): number {
  if (!anchors.length) return 0;
  let before: Anchor = { line: 1, top: 0 };
  let after: Anchor | null = null;
  for (const anchor of anchors) {
    if (anchor.line <= line) before = anchor;
    else {
      after = anchor;
      break;
    }
  }
  const next = after ?? { line: Math.max(before.line + 1, line + 1), top: contentHeight };
  const span = next.line - before.line;
  const fraction = span > 0 ? (line - before.line) / span : 0;
  return before.top + fraction * (next.top - before.top);
}

/** The (fractional) source line shown at preview offset `top`. */
export function lineForPreviewOffset(anchors: Anchor[], top: number): number {
  if (!anchors.length) return 1;
  let before: Anchor = { line: 1, top: 0 };
  let after: Anchor | null = null;
  for (const anchor of anchors) {
    if (anchor.top <= top) before = anchor;
    else {
      after = anchor;
      break;
    }
  }
  if (!after) return before.line;
  const height = after.top - before.top;
  const fraction = height > 0 ? (top - before.top) / height : 0;
  return before.line + fraction * (after.line - before.line);
}

/**
 * The last of `count` items, in ascending order of `valueAt`, whose value is at most
 * `target`; -1 when none is. Binary search: each `valueAt` may measure the page.
 */
export function lastAtOrBefore(
  count: number,
  valueAt: (index: number) => number,
  target: number,
): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (valueAt(mid) <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
