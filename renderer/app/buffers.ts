/**
 * Open posts, each with its own EditorState (so undo history survives switching posts) and
 * the version it was loaded or saved at. Switching never drops unsaved text.
 */
import type { EditorState, Text } from '@codemirror/state';
import type { FileVersion } from '../../shared/models.ts';
import type { FileTextShape } from '../editor/file-text.ts';

export interface Buffer {
  path: string;
  state: EditorState;
  /** The document as last loaded or saved. */
  saved: Text;
  version: FileVersion;
  shape: FileTextShape;
}

export function isDirty(buffer: Buffer): boolean {
  const doc = buffer.state.doc;
  return doc !== buffer.saved && (doc.length !== buffer.saved.length || !doc.eq(buffer.saved));
}
