/**
 * Open posts, each with its own EditorState (so undo history survives switching posts) and
 * the version it was loaded or saved at. Switching never drops unsaved text.
 */
import type { EditorState, StateEffect, Text } from '@codemirror/state';
import type { FileVersion } from '../../shared/models.ts';
import type { FileTextShape } from '../editor/file-text.ts';

export interface Buffer {
  path: string;
  state: EditorState;
  /** The document as last loaded or saved. */
  saved: Text;
  version: FileVersion;
  shape: FileTextShape;
  /** Where the writer left the post (CodeMirror's scroll snapshot), once it was left. */
  scroll?: StateEffect<unknown>;
  /** Why the post cannot be edited or saved (its bytes are not UTF-8), if so. */
  readOnly?: string;
}

export function isDirty(buffer: Buffer): boolean {
  const doc = buffer.state.doc;
  return doc !== buffer.saved && (doc.length !== buffer.saved.length || !doc.eq(buffer.saved));
}

/** Whether any open post has unsaved changes (read when the window is about to close). */
export function anyDirty(buffers: Iterable<Buffer>): boolean {
  for (const buffer of buffers) if (isDirty(buffer)) return true;
  return false;
}

/** Saves every dirty buffer in turn (all are tried); true when none is left dirty. */
export async function saveDirtyBuffers(
  buffers: Iterable<Buffer>,
  saveOne: (buffer: Buffer) => Promise<boolean>,
): Promise<boolean> {
  let ok = true;
  for (const buffer of [...buffers]) if (isDirty(buffer) && !(await saveOne(buffer))) ok = false;
  return ok;
}
