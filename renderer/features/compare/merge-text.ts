/**
 * The text logic behind comparing the writer's post with the file on disk, free of the DOM:
 * reading the disk text the way the buffer reads its own, the smallest changes from one
 * document to another, and taking one changed chunk from the disk side.
 */
import { diff, type Chunk } from '@codemirror/merge';
import { Text, type ChangeSpec } from '@codemirror/state';
import type { FileTextShape } from '../../editor/file-text.ts';

const BOM = '\uFEFF';

/**
 * The disk text as a document split on the buffer's own line separator, so both sides count
 * lines and positions alike and joining it back with that separator gives the bytes again.
 */
export function diskDocument(text: string, shape: FileTextShape): { doc: Text; bom: boolean } {
  const bom = text.startsWith(BOM);
  const body = bom ? text.slice(1) : text;
  return { doc: Text.of(body.split(shape.lineSeparator)), bom };
}

/**
 * The changes that turn `from` into `to`, each touching only what differs, so applying them
 * to the editor keeps the rest of the document (and the undo history stays meaningful).
 * Inserts are document slices, never strings: a string would be split on the editor's line
 * separator, which a CRLF post would not find in `\n`-joined text.
 */
export function changesBetween(from: Text, to: Text): ChangeSpec[] {
  if (from.eq(to)) return [];
  return diff(from.toString(), to.toString()).map((change) => ({
    from: change.fromA,
    to: change.toA,
    insert: to.slice(change.fromB, change.toB),
  }));
}

/** The chunk the cursor is in, else the first one after it. */
export function chunkAtOrAfter(chunks: readonly Chunk[], pos: number): Chunk | null {
  return chunks.find((chunk) => pos <= Math.max(chunk.fromB, chunk.toB)) ?? null;
}

/**
 * Takes one chunk from the disk side (`disk`) into the writer's side (`mine`): the change the
 * merge view's own arrow makes, as a change spec that can be tested without a view. Chunk
 * ends sit after the last line's break, which the document end may not have.
 */
export function takeChunk(disk: Text, mine: Text, chunk: Chunk, lineBreak: string): ChangeSpec {
  let insert = disk.sliceString(chunk.fromA, Math.max(chunk.fromA, chunk.toA - 1), lineBreak);
  if (chunk.fromA !== chunk.toA && chunk.toB <= mine.length) insert += lineBreak;
  return { from: chunk.fromB, to: Math.min(mine.length, chunk.toB), insert };
}
