import type { PostSummary } from '../../../shared/models.ts';

interface Props {
  posts: PostSummary[];
  activePath: string | null;
  dirty: ReadonlySet<string>;
  onOpen(path: string): void;
}

/** The date as the writer wrote it, shortened to the day. */
function shortDate(date: string | null): string {
  return date ? (/^\d{4}[-/]\d{1,2}[-/]\d{1,2}/.exec(date)?.[0] ?? date) : 'No date';
}

export function PostList({ posts, activePath, dirty, onOpen }: Props) {
  return (
    <nav className="post-list" aria-label="Posts">
      <ul>
        {posts.map((post) => (
          <li key={post.path}>
            <button
              type="button"
              className={`post-item${post.path === activePath ? ' active' : ''}`}
              aria-current={post.path === activePath ? 'true' : undefined}
              onClick={() => onOpen(post.path)}
              title={post.path}
              data-path={post.path}
            >
              <span className="post-title">
                {dirty.has(post.path) ? (
                  <span className="dirty-dot" aria-label="Unsaved changes" title="Unsaved changes">
                    ●
                  </span>
                ) : null}
                {post.title}
              </span>
              <span className="post-meta">
                <span>{shortDate(post.date)}</span>
                {post.draft ? <span className="badge">Draft</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
