/**
 * The side-by-side comparison of an open post with its file on disk, opened from the
 * changed-on-disk banner: which post is compared, the disk text as the writer sees it (read
 * again if it changes meanwhile), and what each choice does. Nothing is written or dropped
 * until the writer chooses; Escape leaves both texts as they were.
 */
import type { Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { useEffect, useState, type MutableRefObject } from 'react';
import type { PostFile } from '../../../shared/models.ts';
import { api } from '../../api.ts';
import type { Buffer } from '../../common/buffers.ts';
import type { FileTextShape } from '../../editor/file-text.ts';
import type { Status } from '../../common/status.ts';
import { applyChanges } from './buffer-choices.ts';
import { CompareDialog } from './CompareDialog.tsx';
import { changesBetween, diskDocument } from './merge-text.ts';

interface Deps {
  buffers: MutableRefObject<Map<string, Buffer>>;
  activeRef: MutableRefObject<string | null>;
  viewRef: MutableRefObject<EditorView | null>;
  saveBuffer(buffer: Buffer): Promise<boolean>;
  /** The banner's conflict is settled (the writer chose). */
  resolve(path: string): void;
  loadTheirs(path: string, seen: PostFile): Promise<void>;
  setStatus(status: Status | null): void;
}

interface Session {
  path: string;
  /** The writer's text when the comparison opened; the choices apply to this document. */
  mine: Text;
  shape: FileTextShape;
  file: PostFile;
  /** The file's text split as the buffer splits its own. */
  disk: Text;
  notice: string | null;
}

const sessionFile = (shape: FileTextShape, file: PostFile) => ({
  file,
  disk: diskDocument(file.text, shape).doc,
});

export function useCompare({
  buffers,
  activeRef,
  viewRef,
  saveBuffer,
  resolve,
  loadTheirs,
  setStatus,
}: Deps) {
  const [session, setSession] = useState<Session | null>(null);

  const open = async (path: string) => {
    const buffer = buffers.current.get(path);
    if (!buffer) return;
    try {
      const file = await api.readPost({ path });
      const { shape } = buffer;
      setSession({
        path,
        mine: buffer.state.doc,
        shape,
        ...sessionFile(shape, file),
        notice: null,
      });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    }
  };

  // What the writer chooses from must be the file as it is: a change while comparing is shown.
  const comparing = session?.path;
  useEffect(() => {
    if (!comparing) return;
    return api.on.fileChanged(({ changes }) => {
      const change = changes.find((c) => c.path === comparing);
      if (!change) return;
      if (!change.version) {
        setSession((s) => s && { ...s, notice: 'The file was removed from disk meanwhile.' });
        return;
      }
      void api.readPost({ path: comparing }).then(
        (file) =>
          setSession((s) =>
            s?.path === comparing && file.version.hash !== s.file.version.hash
              ? {
                  ...s,
                  ...sessionFile(s.shape, file),
                  notice: 'The file changed again on disk; the left side shows it now.',
                }
              : s,
          ),
        () => undefined,
      );
    });
  }, [comparing]);

  const close = () => {
    setSession(null);
    viewRef.current?.focus();
  };

  /** The buffer still holds the text the comparison opened on (so the choice applies to it). */
  const unchangedBuffer = (s: Session): Buffer | null => {
    const buffer = buffers.current.get(s.path);
    if (buffer && buffer.state.doc.eq(s.mine)) return buffer;
    setStatus({
      kind: 'error',
      text: `“${s.path}” changed in the editor while comparing; nothing was applied. Compare again.`,
    });
    return null;
  };

  /**
   * Keep mine (as edited on the right): the editor takes the right side as an edit, the file
   * the writer just saw becomes the base, and the post is saved over it. Were the file to
   * change yet again first, that save is refused and the banner asks again.
   */
  const keepMine = async (result: Text) => {
    if (!session) return;
    const buffer = unchangedBuffer(session);
    if (!buffer) return;
    const active = activeRef.current === session.path;
    applyChanges(
      buffer,
      active ? viewRef.current : null,
      changesBetween(buffer.state.doc, result),
      'input.compare',
    );
    buffer.version = session.file.version;
    resolve(session.path);
    close();
    await saveBuffer(buffer);
  };

  const chooseTheirs = async () => {
    if (!session || !unchangedBuffer(session)) return;
    close();
    await loadTheirs(session.path, session.file);
  };

  const dialog = session ? (
    <CompareDialog
      path={session.path}
      mine={session.mine}
      disk={session.disk}
      lineSeparator={session.shape.lineSeparator}
      notice={session.notice}
      onKeepMine={(result) => void keepMine(result)}
      onLoadTheirs={() => void chooseTheirs()}
      onClose={close}
    />
  ) : null;

  return { open, dialog };
}
