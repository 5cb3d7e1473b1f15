import { useCallback, useEffect, type RefObject } from 'react';
import { isFolioError } from '../../shared/errors.ts';
import { api } from '../api.ts';
import { syncBackup } from '../common/backups.ts';
import { isDirty, saveDirtyBuffers, type Buffer } from '../common/buffers.ts';
import type { Status } from '../common/status.ts';
import { joinFileText } from '../editor/file-text.ts';

/**
 * Saving: one buffer, the shown one, or all that have unsaved text (autosave, and Save when
 * the window closes with unsaved posts). A save the main process refuses as a conflict hands
 * the post to the disk-change flow (`saveRefused`).
 */
export function useSaving({
  buffers,
  activeRef,
  markDirty,
  saveRefused,
  setStatus,
}: {
  buffers: RefObject<Map<string, Buffer>>;
  activeRef: RefObject<string | null>;
  markDirty: (path: string, dirty: boolean) => void;
  saveRefused: (path: string) => Promise<void>;
  setStatus: (status: Status | null) => void;
}) {
  /** Saves one buffer; true when it landed (the status bar says why when not). */
  const saveBuffer = useCallback(
    async (buffer: Buffer): Promise<boolean> => {
      if (buffer.readOnly) {
        setStatus({ kind: 'error', text: buffer.readOnly });
        return false;
      }
      const doc = buffer.state.doc;
      try {
        const result = await api.savePost({
          path: buffer.path,
          // sliceDoc joins lines with the file's own separator; doc.toString() would use \n.
          text: joinFileText(buffer.shape, buffer.state.sliceDoc()),
          expected: buffer.version,
        });
        buffer.saved = doc;
        buffer.version = result.version;
        markDirty(buffer.path, isDirty(buffer));
        void syncBackup(buffer);
        // The list follows through postsChanged: the library indexed the text it wrote.
        setStatus({ kind: 'ok', text: `Saved ${result.summary?.title ?? result.path}` });
        return true;
      } catch (error) {
        setStatus({ kind: 'error', text: (error as Error).message });
        if (isFolioError(error) && error.code === 'CONFLICT') void saveRefused(buffer.path);
        return false;
      }
    },
    [markDirty, saveRefused, setStatus],
  );

  const save = useCallback(async () => {
    const path = activeRef.current;
    const buffer = path ? buffers.current.get(path) : undefined;
    if (buffer) await saveBuffer(buffer);
  }, [saveBuffer, activeRef, buffers]);

  const saveAll = useCallback(async () => {
    await saveDirtyBuffers(buffers.current.values(), saveBuffer);
  }, [saveBuffer, buffers]);

  // The writer chose Save when closing with unsaved posts: save them all, close if all landed.
  useEffect(
    () =>
      api.on.saveAllAndClose(async () => {
        if (await saveDirtyBuffers(buffers.current.values(), saveBuffer)) window.close();
      }),
    [saveBuffer, buffers],
  );

  return { saveBuffer, save, saveAll };
}
