import { useEffect, useState } from 'react';
import type { SkippedFile, WorkspaceInfo } from '../../../shared/models.ts';
import { api } from '../../api.ts';

/** While the folder is still being indexed, the skipped list is asked for again this often. */
const WHILE_INDEXING_MS = 500;
const NONE: SkippedFile[] = [];

/**
 * What the library could not list (unreadable files and folders, binary files, symbolic
 * links), for the open blog: asked for once indexing ends, and again whenever the list
 * changes (the main process also reports a file that becomes unreadable that way).
 */
export function useSkippedFiles(workspace: WorkspaceInfo | null): SkippedFile[] {
  // Kept with the folder it is for, so another folder's list never shows, even for a moment.
  const [skipped, setSkipped] = useState<{ root: string; files: SkippedFile[] } | null>(null);
  useEffect(() => {
    if (!workspace) return;
    const { root } = workspace;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      clearTimeout(timer);
      const status = await api.getLibraryStatus().catch(() => null);
      if (!live || !status) return;
      setSkipped({ root, files: status.skipped });
      if (status.indexing) timer = setTimeout(() => void ask(), WHILE_INDEXING_MS);
    };
    void ask();
    const off = api.on.postsChanged(() => void ask());
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, [workspace]);
  return skipped && skipped.root === workspace?.root ? skipped.files : NONE;
}
