import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import type { ListedPost } from '../../../shared/models.ts';
import { api } from '../../api.ts';
import { shortDate } from './view.ts';
import { isExpired, isScheduled } from './view.ts';

interface Props {
  posts: ListedPost[];
  activePath: string | null;
  dirty: ReadonlySet<string>;
  onOpen(path: string): void;
  /** Posts dated after this are *Scheduled* (null: the site builds future posts). */
  scheduleFrom?: number | null;
}

/** Every row is this tall (two lines); a fixed size keeps 10,000 rows cheap to lay out. */
export const ROW_HEIGHT = 56;

/** Titles more than one listed post has: those rows show their folder too. */
function sharedTitles(posts: ListedPost[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { title } of posts) {
    if (seen.has(title)) shared.add(title);
    else seen.add(title);
  }
  return shared;
}

/** The last two folders of a post's path: what tells two alike-titled pages apart. */
const folderOf = (path: string) => path.split('/').slice(-3, -1).join('/');

/** Excerpts already read, by path and modification time (a saved post's is read again). */
const excerpts = new Map<string, string>();
const EXCERPTS_KEPT = 500;

/**
 * A post's excerpt for its row's tooltip, read from the main process when the pointer first
 * enters the row (the index keeps none: see getExcerpt).
 */
function useExcerpt(post: ListedPost): { text: string | null; ask: () => void } {
  const key = `${post.mtimeMs}:${post.path}`;
  // Which key's excerpt arrived: a row re-rendered for a newer version shows none until asked.
  const [got, setGot] = useState<{ key: string; text: string } | null>(null);
  const ask = useCallback(() => {
    if (excerpts.has(key)) return;
    void api
      .getExcerpt({ path: post.path })
      .then((text) => {
        if (text === null) return;
        if (excerpts.size >= EXCERPTS_KEPT) excerpts.delete(excerpts.keys().next().value!);
        excerpts.set(key, text);
        setGot({ key, text });
      })
      .catch(() => undefined);
  }, [key, post.path]);
  return { text: excerpts.get(key) ?? (got?.key === key ? got.text : null), ask };
}

function PostRow({
  post,
  active,
  dirty,
  index,
  showFolder,
  scheduled,
  expired,
  onOpen,
}: {
  post: ListedPost;
  active: boolean;
  dirty: boolean;
  index: number;
  showFolder: boolean;
  /** Dated in the future on a site that leaves it out until then. */
  scheduled: boolean;
  /** Past its expiry date on such a site. */
  expired: boolean;
  onOpen(path: string): void;
}) {
  const excerpt = useExcerpt(post);
  return (
    <button
      type="button"
      className={`post-item${active ? ' active' : ''}`}
      aria-current={active ? 'true' : undefined}
      onClick={() => onOpen(post.path)}
      onPointerEnter={excerpt.ask}
      // The whole title (the row cuts long ones), where it lives, and how it opens.
      title={[`${post.title}\n${post.path}`, excerpt.text].filter(Boolean).join('\n\n')}
      data-path={post.path}
      data-index={index}
      // One tab stop for the whole list: the arrows move between rows.
      tabIndex={-1}
    >
      <span className="post-title">
        {dirty ? (
          <span className="dirty-dot" aria-label="Unsaved changes" title="Unsaved changes">
            ●
          </span>
        ) : null}
        {post.title}
      </span>
      <span className="post-meta">
        {showFolder ? <span className="post-folder">{folderOf(post.path)}</span> : null}
        <span className="post-date">{shortDate(post.date)}</span>
        {post.draft ? <span className="badge">Draft</span> : null}
        {scheduled ? (
          <span className="badge badge-scheduled" title="The site leaves it out until its date">
            Scheduled
          </span>
        ) : null}
        {expired ? (
          <span
            className="badge badge-expired"
            title="Past its expiry date: the site leaves it out"
          >
            Expired
          </span>
        ) : null}
        {post.headless ? (
          <span
            className="badge badge-section"
            title="A headless bundle: the site builds no page for it"
          >
            Headless
          </span>
        ) : null}
        {post.section ? (
          <span className="badge badge-section" title="A section’s own page (_index.md)">
            Section
          </span>
        ) : null}
        {post.tags.length ? (
          <span className="post-tags">{post.tags.map((t) => `#${t}`).join(' ')}</span>
        ) : null}
      </span>
    </button>
  );
}

/**
 * The posts, virtualized: only the rows in view (and a few around them) exist in the DOM,
 * so 10,000 posts scroll like 10. The list is one tab stop; Up/Down/Home/End/PageUp/
 * PageDown move between rows, Enter opens; the open post is kept in view.
 */
export function PostList({ posts, activePath, dirty, scheduleFrom = null, onOpen }: Props) {
  const scroller = useRef<HTMLElement | null>(null);
  const focusIndex = useRef<number | null>(null);
  // TanStack Virtual re-renders through its own state; the compiler leaving this component
  // unmemoized is what it needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: posts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => posts[index]!.path,
  });

  const shared = useMemo(() => sharedTitles(posts), [posts]);
  const activeIndex = activePath ? posts.findIndex((p) => p.path === activePath) : -1;
  useEffect(() => {
    if (activeIndex !== -1) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  // Focus follows the keyboard once the row it moved to has been rendered.
  useLayoutEffect(() => {
    if (focusIndex.current === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(
      `[data-index="${focusIndex.current}"]`,
    );
    if (row) {
      row.focus({ preventScroll: true });
      focusIndex.current = null;
    }
  });

  const moveFocus = (event: KeyboardEvent<HTMLElement>) => {
    if (!posts.length) return;
    const focused = (document.activeElement as HTMLElement | null)?.dataset.index;
    const from = focused !== undefined ? Number(focused) : Math.max(activeIndex, -1);
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: posts.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const index = Math.min(Math.max(target, 0), posts.length - 1);
    focusIndex.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusIndex.current = null;
    }
  };

  // Tabbing into the list lands on the open post, else the first one. (Shift+Tab from a
  // row stops on the list itself, and the next Shift+Tab leaves it.)
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    if (event.target !== scroller.current || !posts.length) return;
    if (event.relatedTarget instanceof Node && scroller.current.contains(event.relatedTarget)) {
      return;
    }
    const index = activeIndex === -1 ? 0 : activeIndex;
    focusIndex.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  };

  return (
    <nav
      className="post-list"
      aria-label="Posts"
      ref={scroller}
      tabIndex={posts.length ? 0 : -1}
      onKeyDown={moveFocus}
      onFocus={onFocus}
    >
      <ul style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const post = posts[row.index]!;
          return (
            <li key={row.key} style={{ transform: `translateY(${row.start}px)` }}>
              <PostRow
                post={post}
                index={row.index}
                active={post.path === activePath}
                dirty={dirty.has(post.path)}
                showFolder={shared.has(post.title)}
                scheduled={isScheduled(post, scheduleFrom)}
                expired={isExpired(post, scheduleFrom)}
                onOpen={onOpen}
              />
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
