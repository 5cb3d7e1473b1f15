import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchSnippet } from '../../../shared/models.ts';
import { api } from '../../api.ts';

export type FinderMode = 'title' | 'search';

interface Result {
  path: string;
  title: string;
  titleHighlights: Array<[number, number]>;
  snippets: SearchSnippet[];
}

/** Text with its [start, end) ranges marked. */
function Marked({ text, ranges }: { text: string; ranges: Array<[number, number]> }) {
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  parts.push(text.slice(at));
  return <>{parts}</>;
}

async function find(mode: FinderMode, query: string): Promise<Result[]> {
  if (mode === 'title') {
    const matches = await api.findPostsByTitle({ query, limit: 30 });
    return matches.map((m) => ({
      path: m.path,
      title: m.title,
      titleHighlights: m.highlights,
      snippets: [],
    }));
  }
  const hits = await api.searchPosts({ query, limit: 30 });
  return hits.map((h) => ({
    path: h.path,
    title: h.title,
    titleHighlights: [],
    snippets: h.snippets,
  }));
}

/**
 * The post switcher (Ctrl/Cmd+P, by title) and full-text search (Ctrl/Cmd+Shift+F), one
 * keyboard-driven dialog: type, move with the arrows, Enter opens, Escape closes.
 */
export function Finder({
  mode,
  onOpen,
  onClose,
}: {
  mode: FinderMode;
  onOpen(path: string): void;
  onClose(): void;
}) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Result[]>([]);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    const trimmed = query.trim();
    const timer = window.setTimeout(
      () => {
        if (!trimmed && mode === 'search') {
          setResults([]);
          return;
        }
        find(mode, trimmed)
          .then((found) => {
            if (ticket !== latest.current) return; // a newer query is on its way
            setResults(found);
            setSelected(0);
            setError(null);
          })
          .catch((e: Error) => setError(e.message));
      },
      mode === 'search' ? 120 : 0,
    );
    return () => window.clearTimeout(timer);
  }, [mode, query]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') setSelected((s) => Math.min(s + 1, results.length - 1));
    else if (event.key === 'ArrowUp') setSelected((s) => Math.max(s - 1, 0));
    else if (event.key === 'Enter' && results[selected]) onOpen(results[selected].path);
    else return;
    event.preventDefault();
  };

  const label = mode === 'title' ? 'Go to post' : 'Search all posts';
  return (
    <div className="finder-backdrop" onMouseDown={onClose}>
      <div
        className="finder"
        role="dialog"
        aria-label={label}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          type="search"
          aria-label={label}
          placeholder={mode === 'title' ? 'Type a title…' : 'Search titles, front matter and text…'}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {error ? <p className="finder-empty">{error}</p> : null}
        <ul role="listbox" aria-label="Results">
          {results.map((result, i) => (
            <li key={result.path} role="option" aria-selected={i === selected}>
              <button
                type="button"
                onClick={() => onOpen(result.path)}
                onMouseEnter={() => setSelected(i)}
              >
                <span className="finder-title">
                  <Marked text={result.title} ranges={result.titleHighlights} />
                </span>
                <span className="finder-path">{result.path}</span>
                {result.snippets.map((snippet, k) => (
                  <span className="finder-snippet" key={k}>
                    <Marked text={snippet.text} ranges={snippet.highlights} />
                  </span>
                ))}
              </button>
            </li>
          ))}
        </ul>
        {!results.length && query.trim() && !error ? (
          <p className="finder-empty">Nothing found.</p>
        ) : null}
      </div>
    </div>
  );
}
