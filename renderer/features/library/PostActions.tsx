import { useEffect, useState, type FormEvent } from 'react';
import type { NewPostSections, ListedPost } from '../../../shared/models.ts';
import { api } from '../../api.ts';
import { POSTS_KIND } from '../../../shared/schema.ts';
import { newLabel, type PostActionsState } from './usePostActions.ts';

/** The post operations as compact buttons over the post list (the menu and palette run the same). */
export function PostActions({ actions }: { actions: PostActionsState }) {
  const { active, busy, setDialog, duplicate, togglePublish } = actions;
  const none = !active || busy;
  return (
    <div className="post-actions" role="toolbar" aria-label="Post actions">
      <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })}>
        New…
      </button>
      <button
        type="button"
        disabled={none}
        onClick={() => active && setDialog({ kind: 'rename', post: active })}
      >
        Rename…
      </button>
      <button type="button" disabled={none} onClick={() => active && void duplicate(active)}>
        Duplicate
      </button>
      <button type="button" disabled={none} onClick={() => active && void togglePublish(active)}>
        {active && !active.draft ? 'Unpublish' : 'Publish'}
      </button>
      <button
        type="button"
        disabled={none}
        title="Move to Trash"
        onClick={() => active && setDialog({ kind: 'trash', post: active })}
      >
        Trash…
      </button>
    </div>
  );
}

/** The sections New… offers (Hugo's), asked for each time the New dialog opens. */
function useNewPostSections(open: boolean, near: string | null): NewPostSections {
  const [sections, setSections] = useState<NewPostSections>(NO_SECTIONS);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void api
      .newPostSections({ near })
      .then((found) => live && setSections(found))
      .catch(() => live && setSections(NO_SECTIONS));
    return () => {
      live = false;
    };
  }, [open, near]);
  return open ? sections : NO_SECTIONS;
}

const NO_SECTIONS: NewPostSections = { sections: [], section: null, kinds: [], kind: POSTS_KIND };

/** How the New dialog's Kind menu names a kind. */
const kindName = (kind: string) =>
  kind === POSTS_KIND
    ? 'Post'
    : kind === 'pages'
      ? 'Page'
      : `${kind[0]!.toUpperCase()}${kind.slice(1)} entry`;

/** New, Rename and Trash ask here first; mounted by the app so menu and palette reach it. */
export function PostActionDialog({ actions }: { actions: PostActionsState }) {
  const { dialog, setDialog, busy } = actions;
  const post: ListedPost | null = dialog && dialog.kind !== 'new' ? dialog.post : null;
  const [title, setTitle] = useState(dialog?.kind === 'rename' ? dialog.post.title : '');
  const [draft, setDraft] = useState(true);
  const [moveFile, setMoveFile] = useState(true);
  const sections = useNewPostSections(dialog?.kind === 'new', actions.active?.path ?? null);
  const [section, setSection] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  if (!dialog) return null;
  const chosenSection = section ?? sections.section;
  const chosenKind = sections.kinds.find((k) => k.kind === (kind ?? sections.kind));
  const kindId = chosenKind?.kind ?? POSTS_KIND;
  const canDraft = chosenKind?.drafts ?? true;
  const close = () => setDialog(null);
  const urlChanges = dialog.kind === 'rename' && moveFile && post !== null && !post.draft;
  const heading =
    dialog.kind === 'new'
      ? newLabel(kindId, false)
      : dialog.kind === 'rename'
        ? `Rename “${post?.title}”`
        : `Move “${post?.title}” to the trash?`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done =
      dialog.kind === 'new'
        ? await actions.create({
            title: title.trim(),
            draft: draft && canDraft,
            section: chosenSection,
            kind: kindId,
          })
        : dialog.kind === 'rename'
          ? await actions.rename(dialog.post, title.trim(), moveFile)
          : await actions.trash(dialog.post);
    if (done) close();
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="dialog post-dialog"
        role="dialog"
        aria-label={heading}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <h2>{heading}</h2>
        <form onSubmit={(e) => void submit(e)}>
          {dialog.kind === 'trash' ? (
            <p className="dialog-summary">
              {post?.path} goes to the system trash (with its asset folder, if any). You can restore
              it from there.
            </p>
          ) : (
            <>
              <label className="dialog-field">
                <span>Title</span>
                <input
                  autoFocus
                  value={title}
                  spellCheck={false}
                  onChange={(e) => setTitle(e.target.value)}
                />
              </label>
              {dialog.kind === 'new' && sections.kinds.length > 1 ? (
                <label className="dialog-field">
                  <span>Kind</span>
                  <select value={kindId} onChange={(e) => setKind(e.target.value)}>
                    {sections.kinds.map((k) => (
                      <option key={k.kind} value={k.kind}>
                        {kindName(k.kind)}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {dialog.kind === 'new' && kindId !== POSTS_KIND ? (
                <p className="dialog-summary">
                  Goes in{' '}
                  {chosenKind?.folder ? `${chosenKind.folder}/` : 'the top folder of the blog'}.
                </p>
              ) : null}
              {dialog.kind === 'new' && kindId === POSTS_KIND && sections.sections.length ? (
                <label className="dialog-field">
                  <span>Section</span>
                  <select value={chosenSection ?? ''} onChange={(e) => setSection(e.target.value)}>
                    {sections.sections.map((folder) => (
                      <option key={folder} value={folder}>
                        {folder.replace(/^content\//, '')}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {dialog.kind === 'new' ? (
                // A page has no draft: the site builds whatever is in its page folder.
                canDraft ? (
                  <label className="dialog-check">
                    <input
                      type="checkbox"
                      checked={draft}
                      onChange={(e) => setDraft(e.target.checked)}
                    />{' '}
                    Start as a draft
                  </label>
                ) : null
              ) : (
                <label className="dialog-check">
                  <input
                    type="checkbox"
                    checked={moveFile}
                    onChange={(e) => setMoveFile(e.target.checked)}
                  />{' '}
                  Rename the file after the title too
                </label>
              )}
              {urlChanges ? (
                <p className="dialog-warning" role="alert">
                  This post is published: renaming its file changes its URL, and links to the old
                  one will break.
                </p>
              ) : null}
            </>
          )}
          <div className="dialog-actions">
            {/* Nothing else takes the focus in the trash dialog: Cancel does (Escape, Enter). */}
            <button type="button" onClick={close} autoFocus={dialog.kind === 'trash'}>
              Cancel
            </button>
            <button
              type="submit"
              className={dialog.kind === 'trash' ? 'danger' : 'primary'}
              disabled={busy || (dialog.kind !== 'trash' && !title.trim())}
            >
              {dialog.kind === 'new'
                ? 'Create'
                : dialog.kind === 'trash'
                  ? 'Move to Trash'
                  : urlChanges
                    ? 'Rename and Change URL'
                    : 'Rename'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
