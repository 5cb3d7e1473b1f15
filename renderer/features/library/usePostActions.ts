/**
 * New, rename, duplicate, trash, publish and unpublish for the shown post, as registered
 * commands (menu, palette, keys) and as the sidebar's buttons. Unsaved text is saved first:
 * the services refuse a post whose file is not the version the editor holds.
 */
import { useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import type { PostOpResult, ListedPost } from '../../../shared/models.ts';
import { api } from '../../api.ts';
import { POSTS_KIND } from '../../../shared/schema.ts';
import { useCommand } from '../../common/commands.ts';
import { isDirty, type Buffer } from '../../common/buffers.ts';
import type { Status } from '../../common/status.ts';

export type PostDialog =
  { kind: 'new' } | { kind: 'rename'; post: ListedPost } | { kind: 'trash'; post: ListedPost };

interface Deps {
  active: ListedPost | null;
  buffers: MutableRefObject<Map<string, Buffer>>;
  saveBuffer(buffer: Buffer): Promise<boolean>;
  openPost(path: string): Promise<void>;
  /** Closes the shown post (it has no unsaved text by then). */
  closePost(): Promise<void>;
  setPosts: Dispatch<SetStateAction<ListedPost[]>>;
  setStatus(status: Status | null): void;
}

/** The list with a result's removed paths dropped and its entry put in (or replaced). */
export function withResult(posts: ListedPost[], result: PostOpResult): ListedPost[] {
  const gone = new Set(result.removed);
  if (result.summary) gone.add(result.summary.path);
  const kept = posts.filter((p) => !gone.has(p.path));
  return result.summary ? [result.summary, ...kept] : kept;
}

export function usePostActions({
  active,
  buffers,
  saveBuffer,
  openPost,
  closePost,
  setPosts,
  setStatus,
}: Deps) {
  const [dialog, setDialog] = useState<PostDialog | null>(null);
  const [busy, setBusy] = useState(false);

  /** The shown post's buffer saved (if it had unsaved text); null when the save failed. */
  const savedBuffer = async (path: string): Promise<Buffer | undefined | null> => {
    const buffer = buffers.current.get(path);
    if (buffer && isDirty(buffer) && !(await saveBuffer(buffer))) return null;
    return buffer;
  };

  /** Runs one operation; the list follows, and the post shows at its new path (if any). */
  const run = async (
    label: string,
    from: string | null,
    operation: (buffer: Buffer | undefined) => Promise<PostOpResult>,
  ): Promise<boolean> => {
    setBusy(true);
    try {
      const buffer = from ? await savedBuffer(from) : undefined;
      if (buffer === null) return false; // the status bar says why the save failed
      const result = await operation(buffer);
      setPosts((old) => withResult(old, result));
      if (from && result.path !== from) {
        if (result.path === null) await closePost();
        buffers.current.delete(from);
      }
      if (result.path) {
        buffers.current.delete(result.path);
        await openPost(result.path);
      }
      const done = `${label}: ${result.summary?.title ?? from ?? ''}`;
      setStatus(
        result.notice
          ? { kind: 'error', text: `${done}. ${result.notice}` }
          : { kind: 'ok', text: done },
      );
      return true;
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const create = ({ title, draft, section, kind }: NewEntry) =>
    run(newLabel(kind, draft), null, () =>
      api.createPost({
        title,
        draft,
        // Hugo's sections are where its posts go; other kinds have their own folder.
        ...(section && kind === POSTS_KIND ? { section } : {}),
        ...(kind !== POSTS_KIND ? { kind } : {}),
        ...(active ? { near: active.path } : {}),
      }),
    );
  const rename = (post: ListedPost, title: string, moveFile: boolean) =>
    run('Renamed', post.path, (buffer) =>
      api.renamePost({
        path: post.path,
        title,
        moveFile,
        // The dialog asked about the URL before offering the button for a published post.
        ...(moveFile && !post.draft ? { confirmUrlChange: true } : {}),
        ...(buffer ? { expected: buffer.version } : {}),
      }),
    );
  const duplicate = (post: ListedPost) =>
    run('Duplicated as a draft', post.path, () => api.duplicatePost({ path: post.path }));
  const trash = (post: ListedPost) =>
    run('Moved to the trash', post.path, () => api.trashPost({ path: post.path }));
  const togglePublish = (post: ListedPost) =>
    run(post.draft ? 'Published' : 'Back to drafts', post.path, (buffer) => {
      const args = { path: post.path, ...(buffer ? { expected: buffer.version } : {}) };
      return post.draft ? api.publishPost(args) : api.unpublishPost(args);
    });

  const hasPost = () => active !== null;
  useCommand('newPost', () => setDialog({ kind: 'new' }));
  useCommand('renamePost', () => active && setDialog({ kind: 'rename', post: active }), hasPost);
  useCommand('duplicatePost', () => active && duplicate(active), hasPost);
  useCommand('trashPost', () => active && setDialog({ kind: 'trash', post: active }), hasPost);
  useCommand('publishDraft', () => active && togglePublish(active), hasPost);

  return { active, dialog, setDialog, busy, create, rename, duplicate, trash, togglePublish };
}

export type PostActionsState = ReturnType<typeof usePostActions>;

/** What the New dialog asks for. */
export interface NewEntry {
  title: string;
  draft: boolean;
  section: string | null;
  /** `posts`, `pages`, or a collection's name. */
  kind: string;
}

/** `New post`, `New draft`, `New page`, `New docs entry`: the status line and the dialog's heading. */
export function newLabel(kind: string, draft: boolean): string {
  if (kind === POSTS_KIND) return draft ? 'New draft' : 'New post';
  if (kind === 'pages') return 'New page';
  return `New ${kind} entry`;
}
