import { useMemo, useRef, useState, useEffect, type KeyboardEvent, type ReactNode } from 'react';
import { commands as registry, type Command } from '../../common/commands.ts';
import { fuzzyFilter } from './fuzzy.ts';

const RECENT_KEY = 'folio.recentCommands';
const RECENT_MAX = 5;

function recentIds(): string[] {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function remember(id: string): void {
  const ids = [id, ...recentIds().filter((r) => r !== id)].slice(0, RECENT_MAX);
  localStorage.setItem(RECENT_KEY, JSON.stringify(ids));
}

const label = (command: Command) => `${command.category}: ${command.title}`;

function Highlighted({ text, positions }: { text: string; positions: number[] }) {
  const marked = new Set(positions);
  const parts: ReactNode[] = [];
  let run = '';
  let runMarked = false;
  const flush = (key: number) => {
    if (run) parts.push(runMarked ? <mark key={key}>{run}</mark> : run);
    run = '';
  };
  [...text].forEach((ch, i) => {
    if (marked.has(i) !== runMarked) {
      flush(i);
      runMarked = marked.has(i);
    }
    run += ch;
  });
  flush(text.length);
  return <>{parts}</>;
}

/** `⇧⌘P` or `Ctrl+Shift+P` as key caps. */
function Keys({ shortcut }: { shortcut: string }) {
  const symbols = /^[⌃⌥⇧⌘]*/.exec(shortcut)![0];
  const caps = symbols ? [...symbols, shortcut.slice(symbols.length)] : shortcut.split(/\+(?=.)/);
  return (
    <span className="palette-keys" aria-label={shortcut}>
      {caps.map((cap, i) => (
        <kbd key={i}>{cap}</kbd>
      ))}
    </span>
  );
}

/**
 * The command palette (Ctrl/Cmd+Shift+P): every available command, fuzzy-filtered as you
 * type, with its shortcut; arrows move, Enter runs, Escape closes. Recently run commands
 * come first while the query is empty.
 */
export function Palette({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const [available] = useState(() => {
    const all = registry.available();
    const recent = recentIds();
    const rank = (c: Command) => {
      const r = recent.indexOf(c.id);
      return r === -1 ? RECENT_MAX : r;
    };
    return all.sort((a, b) => rank(a) - rank(b) || label(a).localeCompare(label(b)));
  });
  const recent = useMemo(() => new Set(recentIds()), []);
  const results = useMemo(() => fuzzyFilter(available, query, label), [available, query]);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const runAt = (index: number) => {
    const picked = results[index]?.item;
    if (!picked) return;
    onClose();
    remember(picked.id);
    // After the palette is gone, so the command sees (and may move) the focus it restored.
    requestAnimationFrame(() => registry.run(picked.id));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = results.length;
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') setSelected((s) => (count ? (s + 1) % count : 0));
    else if (event.key === 'ArrowUp') setSelected((s) => (count ? (s - 1 + count) % count : 0));
    else if (event.key === 'PageDown') setSelected((s) => Math.min(s + 8, count - 1));
    else if (event.key === 'PageUp') setSelected((s) => Math.max(s - 8, 0));
    else if (event.key === 'Enter') runAt(selected);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-label="Command palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-label="Command"
          placeholder="Type the name of a command to run"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setSelected(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-list" role="listbox" aria-label="Commands" ref={list}>
          {results.map(({ item, match }, i) => {
            const shortcut = registry.shortcut(item);
            return (
              <li
                key={item.id}
                role="option"
                aria-selected={i === selected}
                onMouseMove={() => setSelected(i)}
                onClick={() => runAt(i)}
              >
                <span className="palette-label">
                  <Highlighted text={label(item)} positions={match.positions} />
                </span>
                {!query && recent.has(item.id) ? (
                  <span className="palette-recent">recently used</span>
                ) : null}
                {shortcut ? <Keys shortcut={shortcut} /> : null}
              </li>
            );
          })}
        </ul>
        {!results.length ? <p className="palette-empty">No matching commands</p> : null}
      </div>
    </div>
  );
}
