/**
 * Hot exit, renderer side: a dirty buffer is copied to the app's data folder shortly after
 * the writer stops typing, and the copy is dropped once the buffer is clean again.
 */
import { api } from '../api.ts';
import { joinFileText } from '../editor/file-text.ts';
import { isDirty, type Buffer } from './buffers.ts';

/** Within a second of the last keystroke, as the design promises. */
const BACKUP_AFTER_MS = 700;
const timers = new Map<string, number>();

export function scheduleBackup(buffer: Buffer): void {
  window.clearTimeout(timers.get(buffer.path));
  timers.set(
    buffer.path,
    window.setTimeout(() => {
      timers.delete(buffer.path);
      void syncBackup(buffer);
    }, BACKUP_AFTER_MS),
  );
}

/** Writes or drops the buffer's backup now. Failures only cost the backup, never the text. */
export async function syncBackup(buffer: Buffer): Promise<void> {
  try {
    if (isDirty(buffer)) {
      await api.backupPost({
        path: buffer.path,
        text: joinFileText(buffer.shape, buffer.state.sliceDoc()),
        base: buffer.version,
      });
    } else {
      await api.discardBackup({ path: buffer.path });
    }
  } catch {
    // The data folder may be unwritable; the editor still holds the text.
  }
}
