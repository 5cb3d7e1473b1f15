import type { ReactNode } from 'react';
import type { ListedPost, SkippedFile, TaxonomyKind } from '../../shared/models.ts';
import type { Heading } from '../../shared/outline.ts';
import { FilterBar } from '../features/library/FilterBar.tsx';
import { PostActions } from '../features/library/PostActions.tsx';
import { PostList } from '../features/library/PostList.tsx';
import { SkippedFiles } from '../features/library/SkippedFiles.tsx';
import { TaxonomyPanel } from '../features/library/TaxonomyPanel.tsx';
import type { LibraryView } from '../features/library/useLibraryView.ts';
import type { PostActionsState } from '../features/library/usePostActions.ts';
import { Outline } from '../features/outline/Outline.tsx';
import { Splitter } from './Splitter.tsx';

export type SidebarTab = 'posts' | 'tags' | 'outline' | 'problems';

const TABS: Array<[SidebarTab, string]> = [
  ['posts', 'Posts'],
  ['tags', 'Tags'],
  ['outline', 'Outline'],
  ['problems', 'Problems'],
];

/** The left column: the post list (with its actions and filters), the tags, the outline. */
export function Sidebar(props: {
  hidden: boolean;
  tab: SidebarTab;
  onTab(tab: SidebarTab): void;
  posts: ListedPost[];
  library: LibraryView;
  postActions: PostActionsState;
  activePath: string | null;
  dirty: ReadonlySet<string>;
  skipped: SkippedFile[];
  headings: Heading[];
  onOpen(path: string): void;
  onJump(line: number): void;
  onRename(kind: TaxonomyKind, term: string): void;
  onDrag(x: number): void;
  onDragEnd(): void;
  /** Errors and warnings of the site health check (the Problems tab's count). */
  problemCount: number;
  /** The Problems tab's pane. */
  problems: ReactNode;
}) {
  const { tab, onTab, posts, library } = props;
  return (
    <div className="sidebar" hidden={props.hidden}>
      <Splitter
        label="Resize sidebar"
        side="right"
        onDrag={props.onDrag}
        onDone={props.onDragEnd}
      />
      <div className="sidebar-tabs" role="tablist">
        {TABS.map(([name, label]) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => onTab(name)}
          >
            {label}
            {name === 'posts' ? (
              <>
                {' '}
                <span className="count">{library.total.toLocaleString()}</span>
              </>
            ) : name === 'problems' && props.problemCount ? (
              <>
                {' '}
                <span className="count">{props.problemCount.toLocaleString()}</span>
              </>
            ) : null}
          </button>
        ))}
      </div>
      {tab === 'posts' ? (
        <>
          <PostActions actions={props.postActions} />
          <FilterBar view={library} />
          <PostList
            posts={library.shown}
            scheduleFrom={library.scheduleFrom}
            activePath={props.activePath}
            dirty={props.dirty}
            onOpen={props.onOpen}
          />
          <SkippedFiles skipped={props.skipped} />
        </>
      ) : tab === 'tags' ? (
        <TaxonomyPanel
          posts={posts}
          active={{ tags: library.filter.tag, categories: library.filter.category }}
          onFilter={(kind, term) => {
            library.setFilter(kind === 'tags' ? { tag: term } : { category: term });
            onTab('posts');
          }}
          onRename={props.onRename}
        />
      ) : tab === 'outline' ? (
        <Outline headings={props.headings} onJump={props.onJump} />
      ) : (
        props.problems
      )}
    </div>
  );
}
