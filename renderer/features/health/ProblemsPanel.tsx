import { useMemo, useState } from 'react';
import type {
  HealthSummary,
  LinkResult,
  Problem,
  Severity,
} from '../../../shared/health/checks.ts';
import { api } from '../../api.ts';
import { useHealthRows } from './useHealth.ts';
import './health.css';

interface Props {
  visible: boolean;
  summary: HealthSummary | null;
  /** Post titles by path, for the group headings. */
  titles: ReadonlyMap<string, string>;
  onOpen(path: string, line: number, column: number): void;
  onFix(problem: Problem): void;
}

const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/**
 * The blog's problems, by post: broken links and images first, then warnings; notes (SEO,
 * what is scheduled) apart. A row opens the post at the spot; a certain fix is one click.
 */
export function ProblemsPanel({ visible, summary, titles, onOpen, onFix }: Props) {
  const rows = useHealthRows(visible, summary?.version);
  const [external, setExternal] = useState<LinkResult[] | null>(null);
  const [checkingLinks, setCheckingLinks] = useState(false);
  const problems = useMemo(() => rows?.problems ?? [], [rows]);
  const main = useMemo(() => problems.filter((p) => p.severity !== 'info'), [problems]);
  const scheduled = useMemo(
    () =>
      problems
        .filter((p) => p.kind === 'scheduled')
        .sort((a, b) => a.message.localeCompare(b.message)),
    [problems],
  );
  const notes = useMemo(
    () => problems.filter((p) => p.severity === 'info' && p.kind !== 'scheduled'),
    [problems],
  );

  const checkLinks = async () => {
    setCheckingLinks(true);
    try {
      setExternal(await api.checkExternalLinks());
    } finally {
      setCheckingLinks(false);
    }
  };

  if (!visible) return null;
  const counts = summary ?? rows?.summary ?? null;
  return (
    <div className="problems" aria-label="Problems">
      <div className="problems-head" role="status">
        {counts?.checking ? (
          <span>
            Checking the blog… {counts.checking.done.toLocaleString()} of{' '}
            {counts.checking.total.toLocaleString()} posts
          </span>
        ) : counts ? (
          <span>
            {plural(counts.errors, 'error')}, {plural(counts.warnings, 'warning')},{' '}
            {plural(counts.notes, 'note')}
          </span>
        ) : (
          <span>Checking the blog…</span>
        )}
      </div>
      {rows && rows.total > problems.length ? (
        <p className="problems-more">
          Showing the first {problems.length.toLocaleString()} of {rows.total.toLocaleString()}.
        </p>
      ) : null}
      {main.length === 0 && counts && !counts.checking ? (
        <p className="problems-clean">No broken links, missing images or front-matter problems.</p>
      ) : null}
      <ProblemList problems={main} titles={titles} onOpen={onOpen} onFix={onFix} />
      {scheduled.length ? (
        <details className="problems-group" open>
          <summary>Scheduled ({scheduled.length})</summary>
          <ProblemList problems={scheduled} titles={titles} onOpen={onOpen} onFix={onFix} />
        </details>
      ) : null}
      {notes.length ? (
        <details className="problems-group">
          <summary>Notes for search and readers ({notes.length})</summary>
          <ProblemList problems={notes} titles={titles} onOpen={onOpen} onFix={onFix} />
        </details>
      ) : null}
      <div className="problems-external">
        <div className="problems-external-head">
          <span>
            {plural(rows?.externalLinks ?? 0, 'external link')}
            {external ? '' : ', not checked'}
          </span>
          <button
            type="button"
            disabled={checkingLinks || !rows?.externalLinks}
            onClick={() => void checkLinks()}
          >
            {checkingLinks ? 'Checking…' : 'Check external links'}
          </button>
        </div>
        {external ? <ExternalResults results={external} /> : null}
      </div>
    </div>
  );
}

function ProblemList({
  problems,
  titles,
  onOpen,
  onFix,
}: {
  problems: Problem[];
  titles: ReadonlyMap<string, string>;
  onOpen: Props['onOpen'];
  onFix: Props['onFix'];
}) {
  const byPost = new Map<string, Problem[]>();
  for (const problem of problems)
    byPost.set(problem.path, [...(byPost.get(problem.path) ?? []), problem]);
  return (
    <ul className="problems-list">
      {[...byPost].map(([path, list]) => (
        <li key={path}>
          <div className="problems-post" title={path}>
            {titles.get(path) ?? path}
          </div>
          <ul>
            {list.map((problem, i) => (
              <li key={i} className={`problem ${problem.severity}`}>
                <button
                  type="button"
                  className="problem-open"
                  onClick={() => onOpen(problem.path, problem.line, problem.column)}
                >
                  <span className="problem-severity" aria-label={LABEL[problem.severity]}>
                    {problem.severity === 'error'
                      ? '✕'
                      : problem.severity === 'warning'
                        ? '!'
                        : 'i'}
                  </span>
                  <span className="problem-message">{problem.message}</span>
                  <span className="problem-where">
                    {problem.line}:{problem.column}
                  </span>
                </button>
                {problem.fix ? (
                  <button type="button" className="problem-fix" onClick={() => onFix(problem)}>
                    {problem.fix.label}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function ExternalResults({ results }: { results: LinkResult[] }) {
  if (results.length && results.every((r) => r.state === 'offline'))
    return (
      <p className="problems-offline" role="status">
        Offline: no site could be reached, so nothing was checked. Try again when connected.
      </p>
    );
  const bad = results.filter((r) => r.state !== 'ok');
  return (
    <ul className="problems-links" aria-label="External link results">
      {bad.length === 0 ? <li>All {results.length} answered.</li> : null}
      {bad.map((r) => (
        <li key={r.url} className={`link-${r.state}`}>
          <span className="link-state">{r.state}</span> <span className="link-url">{r.url}</span>{' '}
          <span className="link-detail">{r.detail}</span>
        </li>
      ))}
    </ul>
  );
}

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
