// Length: the composition root, where each feature's hook and pane are wired to the others; the parts with logic of their own live beside it (useDocuments, useSaving, useRecovery, Sidebar, usePaneLayout).
import type { EditorView } from '@codemirror/view';
import type { Text } from '@codemirror/state';

import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type {
  ListHead,
  ListedPost,
  TaxonomyKind,
  TaxonomyResult,
  WorkspaceInfo,
} from '../../shared/models.ts';
import {
  DEFAULT_DATE_FORMAT,
  exampleForFormat,
  fieldsFor,
  type BlogSchema,
} from '../../shared/schema.ts';
import { api } from '../api.ts';

import { readingMinutes } from '../../shared/word-count.ts';
import { Finder, type FinderMode } from '../features/finder/Finder.tsx';

import { EditorPane } from '../editor/EditorPane.tsx';
import { frontMatterTransaction } from '../features/frontmatter/edit-transaction.ts';
import { FrontMatterForm } from '../features/frontmatter/FrontMatterForm.tsx';

import { ExportMenu } from '../features/export/ExportMenu.tsx';
import { useExport } from '../features/export/useExport.ts';
import { PostActionDialog } from '../features/library/PostActions.tsx';
import { usePostActions } from '../features/library/usePostActions.ts';
import { DiskChangeBanner } from '../features/library/DiskChangeBanner.tsx';
import { useSkippedFiles } from '../features/library/useSkippedFiles.ts';
import { useDiskChanges } from '../features/library/useDiskChanges.ts';
import { useCompare } from '../features/compare/useCompare.tsx';
import { TaxonomyDialog } from '../features/library/TaxonomyDialog.tsx';
import { savedSort, useLibraryView } from '../features/library/useLibraryView.ts';
import { LivePreview } from '../features/preview/LivePreview.tsx';
import type { PreviewMode } from '../features/preview/Preview.tsx';
import { headingIdAtLine, SitePreview } from '../features/site-preview/index.ts';
import { ProblemsPanel, useHealthSummary, type Problem } from '../features/health/index.ts';
import { profileOf } from '../../shared/generators/index.ts';
import { useSiteTemplates } from '../features/preview/useSiteTemplates.ts';
import { postForHref, urlIndex } from '../features/preview/post-links.ts';
import { PublishPanel } from '../features/publish/PublishPanel.tsx';
import type { PostStats } from '../features/preview/render-client.ts';
import { useScrollSync } from '../features/preview/useScrollSync.ts';
import { Palette } from '../features/palette/Palette.tsx';
import { applyAppearance } from '../features/settings/appearance.ts';
import { SettingsDialog } from '../features/settings/SettingsDialog.tsx';
import { useAutosave } from '../features/settings/useAutosave.ts';
import { useSettings } from '../features/settings/useSettings.ts';
import { applyPreferences } from '../editor/preferences.ts';
import { applyEditorTemplates, insertTemplate } from '../editor/templates.ts';
import { livePostUrl } from '../features/frontmatter/post-url.ts';
import { commands, handleCommandKey, useCommand } from '../common/commands.ts';
import { useAppCommands } from './useAppCommands.ts';
import { Splitter } from './Splitter.tsx';

import { anyDirty, isDirty, type Buffer } from '../common/buffers.ts';

import { RecoveryBanner } from './RecoveryBanner.tsx';
import { StatusBar, type Status } from './StatusBar.tsx';
import { Sidebar, type SidebarTab } from './Sidebar.tsx';
import { Toolbar } from './Toolbar.tsx';
import { dateFromFileName } from '../../shared/generators/naming.ts';
import { useDocuments } from './useDocuments.ts';
import { useRecovery } from './useRecovery.ts';
import { useSaving } from './useSaving.ts';
import { usePaneLayout } from './usePaneLayout.ts';

/** Posts sent ahead of the whole list: a tall window's screenful, several times over. */
const FIRST_POSTS = 200;

const sameStats = (a: PostStats, b: PostStats) =>
  a.words === b.words &&
  a.headings.length === b.headings.length &&
  a.headings.every((h, i) => {
    const o = b.headings[i]!;
    return h.level === o.level && h.text === o.text && h.line === o.line;
  });

export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const viewRef = useRef<EditorView | null>(null);
  const buffers = useRef(new Map<string, Buffer>());
  const activeRef = useRef<string | null>(null);
  const documents = useDocuments({ viewRef, buffers, activeRef, setStatus });
  const { activePath, dirty, setDirty, markDirty } = documents;
  const { frontMatter, previewText, selectedChars, edited } = documents;
  const { onDocChange, showBuffer, openPost, clearShown } = documents;
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [posts, setPosts] = useState<ListedPost[]>([]);
  // The first posts in the list's order, shown while the whole list is on its way (its
  // lookups, the preview's links and the tags wait for the whole list).
  const [listHead, setListHead] = useState<ListHead | null>(null);
  const listedPosts = listHead?.posts ?? posts;
  const [schema, setSchema] = useState<BlogSchema | null>(null);
  const [finder, setFinder] = useState<FinderMode | null>(null);
  const [sidebar, setSidebar] = useState<SidebarTab>('posts');
  const [publishing, setPublishing] = useState(false);
  const [syncRequest, setSyncRequest] = useState(0);
  useCommand(
    'gitPublish',
    () => setPublishing(true),
    () => workspace !== null,
  );
  useCommand(
    'gitSync',
    () => {
      setPublishing(true);
      setSyncRequest((n) => n + 1);
    },
    () => workspace !== null,
  );
  const [palette, setPalette] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { settings, loaded: settingsLoaded, update: updateSettings } = useSettings();
  const library = useLibraryView(
    listedPosts,
    workspace?.futureScheduled ?? false,
    listHead?.total ?? null,
  );
  const skipped = useSkippedFiles(workspace);
  const { clearFilter } = library;
  const [renaming, setRenaming] = useState<{ kind: TaxonomyKind; term: string } | null>(null);

  const disk = useDiskChanges({ buffers, activeRef, viewRef, openPost, markDirty, setPosts });
  const { flag: flagConflict, saveRefused } = disk;

  const { saveBuffer, save, saveAll } = useSaving({
    buffers,
    activeRef,
    markDirty,
    saveRefused,
    setStatus,
  });
  useAutosave(settings, saveAll, edited);
  const { recovered, setRecovered, restoreBackups, discardBackups } = useRecovery({
    buffers,
    onDocChange,
    markDirty,
    showBuffer,
    flagConflict,
    setStatus,
  });

  /** After a tag or category rename: the list takes the new entries; clean open posts reload. */
  const onTaxonomyApplied = useCallback(
    (result: TaxonomyResult) => {
      const changed = new Map(result.changed.map((s) => [s.path, s]));
      setPosts((old) => old.map((p) => changed.get(p.path) ?? p));
      for (const path of changed.keys()) {
        const buffer = buffers.current.get(path);
        if (!buffer || isDirty(buffer)) continue;
        buffers.current.delete(path);
        if (activeRef.current === path) void openPost(path);
      }
    },
    [openPost],
  );

  /** Shows a folder's list (and `firstPost`, the post named at start, as soon as it is read). */
  const loadWorkspace = useCallback(
    async (info: WorkspaceInfo | null, firstPost?: string | null) => {
      buffers.current.clear();
      clearFilter();
      setDirty(new Set());
      clearShown();
      setWorkspace(info);
      setSchema(null);
      setListHead(null);
      // The last folder's posts would answer for this one's until its whole list comes.
      setPosts([]);
      if (!info) {
        setRecovered([]);
        return;
      }
      // A change reported while the list was on its way may be older than the list or newer:
      // then the list is asked for again, so that no post goes missing from it.
      let changedMeanwhile = false;
      const off = api.on.postsChanged(() => (changedMeanwhile = true));
      // The first screenful comes first: the whole list of a 10,000-post blog is megabytes
      // to copy across and to take in, most of the window's start (boot-10k).
      const headAsked = api.listFirstPosts({ count: FIRST_POSTS, sort: savedSort() });
      // Read meanwhile; the whole list is asked after it, not to come in front of it.
      const opening = firstPost ? openPost(firstPost) : null;
      // The backups wait for the index too; the schema is asked once the list has come, as
      // gathering it blocks the main process (a tenth of a second at 10,000 posts).
      const backupsAsked = api.listBackups();
      // Awaited below, after the list; a failure is reported there, not as unhandled.
      backupsAsked.catch(() => undefined);
      try {
        const head = await headAsked;
        if (head.posts.length === head.total && !changedMeanwhile) {
          setPosts(head.posts);
        } else {
          setListHead(head);
          await opening;
          let whole = await api.listPosts();
          if (changedMeanwhile) whole = await api.listPosts();
          // Taken in as a transition, which React renders in slices: the whole list of a
          // 10,000-post blog is ~70 ms of work, and the writer may be typing by then.
          startTransition(() => {
            setPosts(whole);
            setListHead(null);
          });
        }
      } catch (error) {
        setListHead(null);
        throw error;
      } finally {
        off();
      }
      const blogSchema = await api.getSchema();
      setSchema(blogSchema);
      if (blogSchema.error) setStatus({ kind: 'error', text: blogSchema.error });
      setRecovered(await backupsAsked);
    },
    [clearFilter, clearShown, openPost, setDirty, setRecovered],
  );

  /** After a pull or an abort: posts without unsaved text are read again from disk. */
  const reloadFromDisk = useCallback(async () => {
    for (const [path, buffer] of buffers.current) {
      if (!isDirty(buffer)) buffers.current.delete(path);
    }
    setPosts(await api.listPosts());
    const active = activeRef.current;
    if (active && !buffers.current.has(active)) void openPost(active);
  }, [openPost]);

  /** Closes the shown post (asking first when it has unsaved changes). */
  const closePost = useCallback(async () => {
    const path = activeRef.current;
    const buffer = path ? buffers.current.get(path) : undefined;
    if (!path || !buffer) return;
    if (
      isDirty(buffer) &&
      !window.confirm('This post has unsaved changes. Close it and discard them?')
    )
      return;
    buffers.current.delete(path);
    markDirty(path, false);
    void api.discardBackup({ path }).catch(() => undefined);
    clearShown();
  }, [markDirty, clearShown]);

  const openFolder = useCallback(
    async (folder?: string) => {
      if (
        dirty.size &&
        !window.confirm(
          `${dirty.size} post(s) have unsaved changes. Open another folder and discard them?`,
        )
      ) {
        return;
      }
      try {
        await api.openWorkspace(folder ? { path: folder } : {});
      } catch (error) {
        setStatus({ kind: 'error', text: (error as Error).message });
      }
    },
    [dirty],
  );

  useEffect(() => {
    // A post named on the command line (`folio notes/post.md`) opens with its blog.
    const post = new URLSearchParams(window.location.search).get('post');
    void api.getWorkspace().then((info) => loadWorkspace(info, post));
    return api.on.workspaceChanged((info) => void loadWorkspace(info));
  }, [loadWorkspace]);

  // Keys, menu items and the palette all run commands through the registry.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => handleCommandKey(event);
    window.addEventListener('keydown', onKey, true);
    const off = api.on.menuCommand(({ command, folder }) => void commands.run(command, folder));
    return () => {
      window.removeEventListener('keydown', onKey, true);
      off();
    };
  }, []);

  // Closing the window with unsaved work asks first (electron/window.ts: Save, Don't Save,
  // Cancel). Read from the buffers, not React state, so a close right after a save passes.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (anyDirty(buffers.current.values())) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const active = posts.find((p) => p.path === activePath) ?? null;
  const activeDirty = activePath !== null && dirty.has(activePath);
  useEffect(() => {
    const name = active ? `${activeDirty ? '• ' : ''}${active.title} — ` : '';
    document.title = `${name}${workspace ? `${workspace.name} — ` : ''}Folio`;
  }, [active, activeDirty, workspace]);

  // A run of form edits: its style base is the text before it, kept until anything other
  // than the form changes the document (typing in the editor, undo, another post).
  const formRun = useRef<{ base: string; after: Text } | null>(null);
  const onFieldChange = useCallback((key: string, value: unknown) => {
    const view = viewRef.current;
    if (!view) return;
    const readOnly = activeRef.current && buffers.current.get(activeRef.current)?.readOnly;
    if (readOnly) return setStatus({ kind: 'error', text: readOnly });
    try {
      const run =
        formRun.current?.after === view.state.doc
          ? formRun.current
          : { base: view.state.doc.toString(), after: view.state.doc };
      const spec = frontMatterTransaction(view.state, { [key]: value }, run.base);
      if (spec) view.dispatch(spec);
      formRun.current = { base: run.base, after: view.state.doc };
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    }
  }, []);

  const health = useHealthSummary();
  const titles = useMemo(() => new Map(posts.map((p) => [p.path, p.title])), [posts]);
  /** Opens a post with the cursor at a line and column (a problem's place). */
  const openAt = useCallback(
    async (path: string, line: number, column: number) => {
      await openPost(path);
      const view = viewRef.current;
      if (!view || activeRef.current !== path) return;
      const at = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
      view.dispatch({
        selection: { anchor: Math.min(at.from + Math.max(column, 1) - 1, at.to) },
        scrollIntoView: true,
      });
      view.focus();
    },
    [openPost],
  );
  /** A problem's certain fix, made to the file: only over what the open post shows. */
  const applyFix = useCallback(
    async (problem: Problem) => {
      const fix = problem.fix;
      if (!fix) return;
      const buffer = buffers.current.get(problem.path);
      if (buffer && isDirty(buffer)) {
        setStatus({
          kind: 'error',
          text: `Save “${problem.path}” first: the fix is made to the file as saved.`,
        });
        return;
      }
      try {
        await api.applyHealthFix({
          path: problem.path,
          offset: fix.offset,
          from: fix.from,
          to: fix.to,
          ...(buffer ? { expected: buffer.version } : {}),
        });
        buffers.current.delete(problem.path);
        if (activeRef.current === problem.path)
          await openAt(problem.path, problem.line, problem.column);
        setStatus({ kind: 'ok', text: `Fixed in ${problem.path}: ${fix.label}` });
      } catch (error) {
        setStatus({ kind: 'error', text: (error as Error).message });
      }
    },
    [openAt],
  );

  const jumpToLine = useCallback((line: number) => {
    const view = viewRef.current;
    if (!view) return;
    const pos = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines)).from;
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  }, []);

  const pickImage = useCallback(
    async (key: string) => {
      if (!activePath) return;
      try {
        const picked = await api.pickImage({ postPath: activePath });
        if (picked !== null) onFieldChange(key, picked);
      } catch (error) {
        setStatus({ kind: 'error', text: (error as Error).message });
      }
    },
    [activePath, onFieldChange],
  );

  const [{ words, headings }, setAllStats] = useState<PostStats>({ words: 0, headings: [] });
  // Most keystrokes change neither (a letter inside a word): then the app does not re-render.
  const setStats = useCallback(
    (next: PostStats) => setAllStats((old) => (sameStats(old, next) ? old : next)),
    [],
  );
  const assets = useMemo(
    () =>
      workspace && activePath
        ? {
            assetBase: workspace.assetBase,
            staticRoot: workspace.staticRoot,
            postPath: activePath,
            postAssetFolder: workspace.postAssetFolder,
            basePath: workspace.basePath,
          }
        : null,
    [workspace, activePath],
  );
  // Remote images in the preview, as the setting says; "ask" loads them for a post once the
  // writer says so (for this session).
  const [remoteAllowed, setRemoteAllowed] = useState<ReadonlySet<string>>(new Set());
  const previewAssets = useMemo(
    () =>
      assets && settings.remoteImages !== 'load' && !remoteAllowed.has(assets.postPath)
        ? { ...assets, blockRemote: true }
        : assets,
    [assets, settings.remoteImages, remoteAllowed],
  );
  const templates = useSiteTemplates(workspace, posts);
  const exportActive = useExport(viewRef, assets, setStatus, templates);
  useCommand(
    'exportHtml',
    () => exportActive('html'),
    () => activePath !== null,
  );
  useCommand(
    'exportPdf',
    () => exportActive('pdf'),
    () => activePath !== null,
  );
  const previewRef = useRef<HTMLElement | null>(null);
  const postsByUrl = useMemo(() => urlIndex(posts), [posts]);
  const activeSummary = useMemo(
    () => posts.find((p) => p.path === activePath),
    [posts, activePath],
  );
  // A page or a collection's entry gets its own kind's fields.
  const activeCollection = activeSummary?.collection;
  const fields = useMemo(
    () => (schema && activePath ? fieldsFor(schema, activePath, activeCollection) : []),
    [schema, activePath, activeCollection],
  );
  const postPaths = useMemo(() => new Set(posts.map((p) => p.path)), [posts]);
  const [previewMode, setPreviewMode] = useState<PreviewMode>('folio');
  // The site's page opens at the heading the cursor is under (ids as the site makes them).
  const siteAnchor = useCallback(() => {
    const view = viewRef.current;
    if (!view) return null;
    const line = view.state.doc.lineAt(view.state.selection.main.head).number;
    return headingIdAtLine(document.getElementById('folio-preview-article'), line);
  }, []);
  const openLinkedPost = (href: string) => {
    const path = activePath
      ? postForHref(href, postsByUrl, postPaths, activePath, workspace?.basePath ?? '')
      : null;
    if (path) void openPost(path);
  };
  const fileNameDate =
    activePath && workspace?.fileNameDates && !/(^|\/)_drafts\//.test(activePath)
      ? dateFromFileName(activePath)
      : null;
  const [syncScroll, setSyncScroll] = useState(
    () => localStorage.getItem('folio.syncScroll') !== 'off',
  );
  useScrollSync(viewRef, previewRef, syncScroll, activePath);
  const toggleSync = useCallback(() => {
    setSyncScroll((on) => {
      localStorage.setItem('folio.syncScroll', on ? 'off' : 'on');
      return !on;
    });
  }, []);

  useAppCommands({
    viewRef,
    activePath,
    dirtyCount: dirty.size,
    settings,
    updateSettings,
    save,
    saveAll,
    openFolder,
    closePost,
    openPalette: () => setPalette(true),
    openSettings: () => setSettingsOpen(true),
    openFinder: setFinder,
  });
  const postActions = usePostActions({
    active,
    buffers,
    saveBuffer,
    openPost,
    closePost,
    setPosts,
    setStatus,
  });
  const conflict = activePath !== null ? disk.conflicts.get(activePath) : undefined;
  const compare = useCompare({
    buffers,
    activeRef,
    viewRef,
    saveBuffer,
    resolve: disk.resolve,
    loadTheirs: disk.loadTheirs,
    setStatus,
  });

  // Settings apply live: the page's look, and the editor's switchable parts.
  useEffect(() => {
    if (settingsLoaded) applyAppearance(settings);
  }, [settings, settingsLoaded]);
  const { vim, focusMode, typewriter } = settings;
  useEffect(() => {
    applyPreferences(viewRef.current, { vim, focusMode, typewriter });
  }, [vim, focusMode, typewriter, activePath]);
  const siteDialect = templates?.dialect ?? null;
  const siteNames = templates?.context.templates;
  useEffect(() => {
    const editor = siteNames ? { dialect: siteDialect, templates: siteNames } : null;
    applyEditorTemplates(viewRef.current, editor, activePath);
  }, [siteDialect, siteNames, activePath]);
  useCommand(
    'insertShortcode',
    () => void (viewRef.current && activePath && insertTemplate(viewRef.current, activePath)),
    () => activePath !== null && siteNames !== undefined,
  );

  const { panesRef, columns, showSidebar, showForm, showPreview, ...panes } = usePaneLayout(
    settings.layout,
    focusMode,
    activePath !== null,
    (layout) => updateSettings({ layout }),
  );
  const { dragSidebar, dragPreview, endDrag } = panes;

  return (
    <div className={`app${focusMode ? ' focus-mode' : ''}`}>
      <Toolbar
        workspace={workspace}
        onOpenFolder={() => void openFolder()}
        onSave={() => void save()}
        canSave={activeDirty}
        theme={settings.theme}
        onTheme={(theme) => void updateSettings({ theme })}
        onSettings={() => setSettingsOpen(true)}
        onPublish={() => setPublishing((open) => !open)}
        publishOpen={publishing}
      >
        <ExportMenu disabled={!activePath} onExport={(format) => void exportActive(format)} />
      </Toolbar>
      <RecoveryBanner
        recovered={recovered}
        onRestore={() => void restoreBackups()}
        onDiscard={() => void discardBackups()}
      />
      <div className="panes" ref={panesRef} style={{ gridTemplateColumns: columns }}>
        <Sidebar
          hidden={!showSidebar}
          tab={sidebar}
          onTab={setSidebar}
          posts={posts}
          library={library}
          postActions={postActions}
          activePath={activePath}
          dirty={dirty}
          skipped={skipped}
          headings={headings}
          onOpen={(path) => void openPost(path)}
          onJump={jumpToLine}
          onRename={(kind, term) => setRenaming({ kind, term })}
          onDrag={dragSidebar}
          onDragEnd={endDrag}
          problemCount={(health?.errors ?? 0) + (health?.warnings ?? 0)}
          problems={
            <ProblemsPanel
              visible={sidebar === 'problems' && showSidebar}
              summary={health}
              titles={titles}
              onOpen={(path, line, column) => void openAt(path, line, column)}
              onFix={(problem) => void applyFix(problem)}
            />
          }
        />
        <main className="editor-column" aria-label="Editor">
          {showPreview ? (
            <Splitter label="Resize preview" side="right" onDrag={dragPreview} onDone={endDrag} />
          ) : null}
          {activePath && conflict !== undefined ? (
            <DiskChangeBanner
              path={activePath}
              conflict={conflict}
              onKeepMine={() => disk.keepMine(activePath)}
              onLoadTheirs={() => void disk.loadTheirs(activePath)}
              onCompare={() => void compare.open(activePath)}
            />
          ) : null}
          {activePath && frontMatter && showForm ? (
            <FrontMatterForm
              parsed={frontMatter}
              fields={fields}
              newDateExample={exampleForFormat(
                schema?.dateFormat ?? (settings.dateFormat || DEFAULT_DATE_FORMAT),
              )}
              assets={assets}
              onPickImage={(key) => void pickImage(key)}
              onChange={onFieldChange}
              onJumpToLine={jumpToLine}
              fileNameDate={fileNameDate}
              url={
                workspace
                  ? livePostUrl(
                      workspace,
                      activePath,
                      frontMatter.data,
                      fileNameDate,
                      activeSummary?.mtimeMs,
                    )
                  : null
              }
            />
          ) : null}
          <EditorPane viewRef={viewRef} hidden={!activePath} />
          {!activePath ? (
            <div className="empty-state">
              <h2>{workspace ? 'Pick a post to start writing' : 'Open a blog folder to begin'}</h2>
              <p>
                {workspace
                  ? `${library.total.toLocaleString()} posts in ${workspace.name}`
                  : 'Folio edits the Markdown sources of your static site.'}
              </p>
            </div>
          ) : null}
        </main>
        <LivePreview
          text={previewText}
          assets={previewAssets}
          templates={templates}
          onOpenLink={openLinkedPost}
          onLoadRemote={
            settings.remoteImages === 'ask' && activePath
              ? () => setRemoteAllowed((old) => new Set([...old, activePath]))
              : null
          }
          visible={showPreview}
          scrollerRef={previewRef}
          syncScroll={syncScroll}
          onToggleSync={toggleSync}
          onLineClick={jumpToLine}
          onStats={setStats}
          mode={previewMode}
          onMode={setPreviewMode}
          site={
            workspace ? (
              <SitePreview
                key={workspace.root}
                visible={showPreview && previewMode === 'site'}
                postUrl={activeSummary?.url ?? null}
                anchor={siteAnchor}
                generator={profileOf(workspace.generator).title}
              />
            ) : undefined
          }
        />
        {publishing && workspace ? (
          <PublishPanel
            posts={posts}
            unsaved={dirty.size}
            onOpenFile={(path) => void openPost(path)}
            onFilesChanged={() => void reloadFromDisk()}
            onClose={() => setPublishing(false)}
            syncRequest={syncRequest}
            messageTemplate={settings.commitMessage}
            publishCheck={settings.publishCheck}
            overPreview={showPreview}
          />
        ) : null}
      </div>
      <StatusBar
        status={status}
        health={health}
        onShowProblems={() => setSidebar('problems')}
        onDismiss={() => setStatus(null)}
        stats={
          activePath ? { words, minutes: readingMinutes(words), selected: selectedChars } : null
        }
      />
      {palette ? (
        <Palette
          onClose={() => {
            setPalette(false);
            if (activePath) viewRef.current?.focus();
          }}
        />
      ) : null}
      {settingsOpen ? (
        <SettingsDialog
          settings={settings}
          update={updateSettings}
          onClose={() => setSettingsOpen(false)}
        />
      ) : null}
      {renaming ? (
        <TaxonomyDialog
          {...renaming}
          posts={posts}
          dirty={dirty}
          onApplied={onTaxonomyApplied}
          onClose={() => setRenaming(null)}
        />
      ) : null}
      {postActions.dialog ? (
        <PostActionDialog key={postActions.dialog.kind} actions={postActions} />
      ) : null}
      {compare.dialog}
      {finder ? (
        <Finder
          mode={finder}
          onClose={() => setFinder(null)}
          onOpen={(path) => {
            setFinder(null);
            void openPost(path);
          }}
        />
      ) : null}
    </div>
  );
}
