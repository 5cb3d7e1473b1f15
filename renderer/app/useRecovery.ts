import { useCallback, useState, type RefObject } from 'react';
import type { RecoveredPost } from '../../shared/models.ts';
import { api } from '../api.ts';
import { isDirty, type Buffer } from '../common/buffers.ts';
import type { Status } from '../common/status.ts';
import { splitFileText } from '../editor/file-text.ts';
import { createEditorState, type DocumentOptions } from '../editor/setup.ts';
import { imageImporterFor } from '../features/images/image-importer.ts';
import type { DiskConflict } from '../features/library/useDiskChanges.ts';

/**
 * Hot exit's other half: the unsaved texts a crash or a kill left behind (listed when a blog
 * opens), restored as unsaved buffers over the files as they are now, or discarded.
 */
export function useRecovery({
  buffers,
  onDocChange,
  markDirty,
  showBuffer,
  flagConflict,
  setStatus,
}: {
  buffers: RefObject<Map<string, Buffer>>;
  onDocChange: DocumentOptions['onChange'];
  markDirty: (path: string, dirty: boolean) => void;
  showBuffer: (buffer: Buffer) => void;
  flagConflict: (path: string, conflict: DiskConflict) => void;
  setStatus: (status: Status | null) => void;
}) {
  const [recovered, setRecovered] = useState<RecoveredPost[]>([]);

  /** Each recovered text becomes an unsaved buffer over the file as it is on disk now. */
  const restoreBackups = useCallback(async () => {
    const restored: Buffer[] = [];
    for (const post of recovered) {
      try {
        const file = await api.readPost({ path: post.path });
        const disk = splitFileText(file.text);
        const mine = splitFileText(post.text);
        const state = createEditorState({
          text: mine.doc,
          lineSeparator: mine.lineSeparator,
          onChange: onDocChange,
          images: imageImporterFor(post.path, setStatus),
        });
        const saved = createEditorState({
          text: disk.doc,
          lineSeparator: mine.lineSeparator,
          onChange: () => undefined,
        }).doc;
        const buffer: Buffer = {
          path: post.path,
          state,
          saved,
          version: file.version,
          shape: mine,
        };
        buffers.current.set(post.path, buffer);
        markDirty(post.path, isDirty(buffer));
        restored.push(buffer);
        if (post.changedOnDisk)
          flagConflict(post.path, { version: file.version, cause: 'restore' });
      } catch (error) {
        setStatus({
          kind: 'error',
          text: `Could not restore ${post.path}: ${(error as Error).message}`,
        });
      }
    }
    setRecovered([]);
    if (restored[0]) showBuffer(restored[0]);
    if (restored.length)
      setStatus({
        kind: 'ok',
        text: `Restored unsaved changes to ${restored.length} post(s); save to keep them`,
      });
  }, [recovered, onDocChange, markDirty, showBuffer, flagConflict, buffers, setStatus]);

  const discardBackups = useCallback(async () => {
    for (const post of recovered)
      await api.discardBackup({ path: post.path }).catch(() => undefined);
    setRecovered([]);
  }, [recovered]);

  return { recovered, setRecovered, restoreBackups, discardBackups };
}
