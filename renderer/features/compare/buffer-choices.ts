/**
 * What the writer's choices do to an open post's buffer. Changes go through the editor view
 * when it shows the buffer (so the form, the preview, the unsaved mark and the backup follow,
 * and Undo can take them back), else straight into the buffer's state.
 */
import { isolateHistory } from '@codemirror/commands';
import type { ChangeSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { PostFile } from '../../../shared/models.ts';
import type { Buffer } from '../../common/buffers.ts';
import { splitFileText } from '../../editor/file-text.ts';
import { changesBetween, diskDocument } from './merge-text.ts';

/** `view`: the editor, when it shows this buffer (null otherwise). */
export function applyChanges(
  buffer: Buffer,
  view: EditorView | null,
  changes: ChangeSpec[],
  userEvent: string,
): void {
  if (!changes.length) return;
  if (view) {
    // Its own undo step: one Undo takes back exactly this choice, never the typing before it.
    view.dispatch({
      changes,
      userEvent,
      scrollIntoView: true,
      annotations: isolateHistory.of('full'),
    });
  } else {
    buffer.state = buffer.state.update({
      changes,
      userEvent,
      annotations: isolateHistory.of('full'),
    }).state;
  }
}

/**
 * Load theirs as an edit: the buffer becomes the file on disk, clean at its version, with the
 * writer's text one Undo away. False when that cannot be exact (the file now uses another
 * line break or is read-only), in which case the caller opens the post afresh instead.
 */
export function adoptDiskText(buffer: Buffer, view: EditorView | null, file: PostFile): boolean {
  if (file.readOnly || splitFileText(file.text).lineSeparator !== buffer.shape.lineSeparator) {
    return false;
  }
  const disk = diskDocument(file.text, buffer.shape);
  applyChanges(buffer, view, changesBetween(buffer.state.doc, disk.doc), 'input.load-theirs');
  buffer.saved = buffer.state.doc;
  buffer.version = file.version;
  buffer.shape = { ...buffer.shape, bom: disk.bom };
  return true;
}
