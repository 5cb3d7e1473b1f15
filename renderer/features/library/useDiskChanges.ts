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
import type { FileVersion, PostSummary } from '../../../shared/models.ts';
import { api } from '../../api.ts';
import { isDirty, type Buffer } from '../../app/buffers.ts';

interface Deps {
  buffers: MutableRefObject<Map<string, Buffer>>;
  activeRef: MutableRefObject<string | null>;
  openPost(path: string): Promise<void>;
  markDirty(path: string, value: boolean): void;
  setPosts: Dispatch<SetStateAction<PostSummary[]>>;
}

export function useDiskChanges({ buffers, activeRef, openPost, markDirty, setPosts }: Deps) {
  /** Posts with unsaved text whose file changed: the version on disk now (null: removed). */
  const [conflicts, setConflicts] = useState<ReadonlyMap<string, FileVersion | null>>(new Map());

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
        const conflicted: [string, FileVersion | null][] = [];
        for (const { path, version } of changes) {
          const buffer = buffers.current.get(path);
          if (!buffer) continue;
          if (isDirty(buffer)) {
            conflicted.push([path, version]);
          } else if (version) {
            buffers.current.delete(path);
            if (activeRef.current === path) void openPost(path);
          }
        }
        if (conflicted.length) setConflicts((old) => new Map([...old, ...conflicted]));
      }),
    [buffers, activeRef, openPost],
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
      const version = conflicts.get(path);
      if (buffer && version) buffer.version = version;
      resolve(path);
    },
    [buffers, conflicts, resolve],
  );

  /** Load theirs: the writer's unsaved text is dropped for the file on disk. */
  const loadTheirs = useCallback(
    (path: string) => {
      buffers.current.delete(path);
      markDirty(path, false);
      resolve(path);
      if (activeRef.current === path) void openPost(path);
    },
    [buffers, activeRef, markDirty, openPost, resolve],
  );

  return { conflicts, keepMine, loadTheirs };
}
