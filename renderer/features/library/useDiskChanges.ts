/**
 * Changes on disk from other programs (the folder watcher's events): the list follows; an
 * open post without unsaved text reloads; one with unsaved text keeps it and asks (the
 * banner) — nothing is replaced until the writer chooses.
 */
import {
  useCallback,
  useEffect,
  useState,
  type Dispatch,
  type MutableRefObject,
  type SetStateAction,
} from 'react';
import type { EditorView } from '@codemirror/view';
import type { FileVersion, PostFile, ListedPost } from '../../../shared/models.ts';
import { api } from '../../api.ts';
import { syncBackup } from '../../common/backups.ts';
import { isDirty, type Buffer } from '../../common/buffers.ts';
import { adoptDiskText } from '../compare/index.ts';

/** A post with unsaved text whose file changed on disk, and how Folio learned of it. */
export interface DiskConflict {
  /** The version on disk now; null when the file was removed. */
  version: FileVersion | null;
  /** The watcher saw it, a save was refused over it, or restored text meets a newer file. */
  cause: 'watcher' | 'save' | 'restore';
}

interface Deps {
  buffers: MutableRefObject<Map<string, Buffer>>;
  activeRef: MutableRefObject<string | null>;
  viewRef: MutableRefObject<EditorView | null>;
  openPost(path: string): Promise<void>;
  markDirty(path: string, value: boolean): void;
  setPosts: Dispatch<SetStateAction<ListedPost[]>>;
}

export function useDiskChanges({
  buffers,
  activeRef,
  viewRef,
  openPost,
  markDirty,
  setPosts,
}: Deps) {
  const [conflicts, setConflicts] = useState<ReadonlyMap<string, DiskConflict>>(new Map());

  /** Records a conflict; a refused save is the news the writer most needs, so it stays said. */
  const flag = useCallback((path: string, conflict: DiskConflict) => {
    setConflicts((old) => {
      const before = old.get(path);
      const cause =
        before?.cause === 'save' && conflict.cause === 'watcher' ? 'save' : conflict.cause;
      return new Map(old).set(path, { ...conflict, cause });
    });
  }, []);

  useEffect(
    () =>
      api.on.postsChanged((change) => {
        if (change.reset) return void api.listPosts().then(setPosts);
        const gone = new Set([...change.removed, ...change.updated.map((s) => s.path)]);
        setPosts((old) => [...change.updated, ...old.filter((p) => !gone.has(p.path))]);
      }),
    [setPosts],
  );

  useEffect(
    () =>
      api.on.fileChanged(({ changes }) => {
        for (const { path, version } of changes) {
          const buffer = buffers.current.get(path);
          if (!buffer) continue;
          if (isDirty(buffer)) {
            flag(path, { version, cause: 'watcher' });
          } else if (version) {
            buffers.current.delete(path);
            if (activeRef.current === path) void openPost(path);
          }
        }
      }),
    [buffers, activeRef, openPost, flag],
  );

  /** A save was refused because the file changed on disk: ask, as for the watcher's news. */
  const saveRefused = useCallback(
    async (path: string) => {
      const version = await api
        .readPost({ path })
        .then((file) => file.version)
        .catch(() => null);
      flag(path, { version, cause: 'save' });
    },
    [flag],
  );

  const resolve = useCallback((path: string) => {
    setConflicts((old) => {
      const next = new Map(old);
      next.delete(path);
      return next;
    });
  }, []);

  /** Keep mine: the buffer now answers to the file as it is, so the next save replaces it. */
  const keepMine = useCallback(
    (path: string) => {
      const buffer = buffers.current.get(path);
      const version = conflicts.get(path)?.version;
      if (buffer && version) buffer.version = version;
      resolve(path);
    },
    [buffers, conflicts, resolve],
  );

  /**
   * Load theirs: the post becomes the file on disk (`file` when the writer saw it in the
   * comparison, else read now). The writer's text stays one Undo away in the editor; only when
   * that cannot be exact is the post opened afresh.
   */
  const loadTheirs = useCallback(
    async (path: string, seen?: PostFile) => {
      const buffer = buffers.current.get(path);
      const active = activeRef.current === path;
      const file = seen ?? (await api.readPost({ path }).catch(() => null));
      // Unreadable now (gone, binary): nothing to load, so the writer's text stays as it is.
      if (!file) return;
      if (buffer && adoptDiskText(buffer, active ? viewRef.current : null, file)) {
        void syncBackup(buffer);
      } else {
        buffers.current.delete(path);
        if (active) void openPost(path);
      }
      markDirty(path, false);
      resolve(path);
    },
    [buffers, activeRef, viewRef, markDirty, openPost, resolve],
  );

  return { conflicts, flag, saveRefused, keepMine, loadTheirs, resolve };
}
