/**
 * The preview's worker keeps its own copy of the post: each keystroke sends it the one range
 * that changed, not the whole post. A 50,000-word post is 350 KB; copying it to a string and
 * through postMessage on every frame cost about 1.5 ms a frame and filled the old generation
 * with large strings (a 35 ms major GC now and then while typing).
 */
import type { Text } from '@codemirror/state';

/** `insert` replaces `from`–`to` of the earlier text. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

/** Characters `a` and `b` share at their start (`end`: at their end), at most `limit`. */
function shared(a: string, b: string, limit: number, end: boolean): number {
  const most = Math.min(a.length, b.length, limit);
  let n = 0;
  if (end) while (n < most && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  else while (n < most && a[n] === b[n]) n++;
  return n;
}

/** The leaves of a CodeMirror text, in order (lines are never split between leaves). */
function leaves(text: Text, into: Text[] = []): Text[] {
  if (!text.children) into.push(text);
  else for (const child of text.children) leaves(child, into);
  return into;
}

/**
 * Characters the leaves `a` and `b` share whole at their start (`end`: at their end), each
 * with the line break that joins it to the next. CodeMirror texts share the leaves an edit
 * left alone, so this skips the untouched parts of a long post a leaf (up to 32 lines) at a time.
 */
function sharedLeaves(a: Text[], b: Text[], end: boolean): number {
  let n = 0;
  for (let i = 0; i < Math.min(a.length, b.length) - 1; i++) {
    const x = a[end ? a.length - 1 - i : i]!;
    if (x !== b[end ? b.length - 1 - i : i]) break;
    n += x.length + 1;
  }
  return n;
}

/**
 * How long a run of equal characters `before` and `after` have from `skip` characters in
 * (from their end when `end`), at most `limit`. Cursors hand out whole lines and line breaks,
 * and an edit leaves the line strings it did not touch shared, so most steps compare one reference.
 */
function sharedRun(before: Text, after: Text, skip: number, limit: number, end: boolean): number {
  const a = end ? before.iterRange(before.length - skip, 0) : before.iterRange(skip);
  const b = end ? after.iterRange(after.length - skip, 0) : after.iterRange(skip);
  let n = skip;
  for (;;) {
    a.next();
    b.next();
    if (a.done || b.done || n >= limit) return Math.min(n, limit);
    if (a.value === b.value) {
      n += a.value.length;
      continue;
    }
    return n + shared(a.value, b.value, limit - n, end);
  }
}

/**
 * The one range that turns `before` into `after` (empty when they are equal), or null when
 * its new text would be longer than `most` characters (another post: send it whole).
 */
export function textEdit(before: Text, after: Text): TextEdit;
export function textEdit(before: Text, after: Text, most: number): TextEdit | null;
export function textEdit(before: Text, after: Text, most = Infinity): TextEdit | null {
  if (before === after) return { from: 0, to: 0, insert: '' };
  const limit = Math.min(before.length, after.length);
  const a = leaves(before);
  const b = leaves(after);
  const start = sharedRun(before, after, Math.min(sharedLeaves(a, b, false), limit), limit, false);
  const tail = Math.min(sharedLeaves(a, b, true), limit - start);
  const end = sharedRun(before, after, tail, limit - start, true);
  if (after.length - end - start > most) return null;
  return {
    from: start,
    to: before.length - end,
    insert: after.sliceString(start, after.length - end),
  };
}

/** `edit` applied to a plain string copy of its earlier text. */
export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
}
