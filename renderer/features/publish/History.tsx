import { useState } from 'react';
import type { GitCommit } from '../../../shared/models.ts';

function ago(iso: string, now: number): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes)) return '';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days} d ago`;
  return new Date(iso).toLocaleDateString();
}

/** The latest commits; the ones not pushed yet are marked. */
export function History({ log, ahead }: { log: GitCommit[]; ahead: number }) {
  // "5 min ago" as of when the list was shown; it re-renders with each refresh.
  const [now] = useState(() => Date.now());
  if (!log.length) return <p className="publish-empty">No commits yet.</p>;
  return (
    <ol className="history" aria-label="Recent commits">
      {log.map((commit, i) => (
        <li key={commit.hash} title={`${commit.hash}\n${commit.author}, ${commit.date}`}>
          <span className="history-subject">{commit.subject}</span>
          <span className="history-meta">
            {i < ahead ? <span className="history-local">not pushed</span> : null}
            <code>{commit.shortHash}</code> · {commit.author} · {ago(commit.date, now)}
          </span>
        </li>
      ))}
    </ol>
  );
}
