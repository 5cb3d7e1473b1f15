import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type {
  ListedPost,
  TaxonomyKind,
  TaxonomyPlan,
  TaxonomyResult,
} from '../../../shared/models.ts';
import { api } from '../../api.ts';
import { countTerms } from './view.ts';

interface Props {
  kind: TaxonomyKind;
  term: string;
  posts: ListedPost[];
  /** Posts open with unsaved changes: the rename skips them (the writer saves first). */
  dirty: ReadonlySet<string>;
  onApplied(result: TaxonomyResult): void;
  onClose(): void;
}

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/**
 * Rename or merge a tag or category: type the new name, see every post that will change
 * (and which ones are merges), then apply. The edit is byte-minimal and atomic per file;
 * posts with unsaved changes and files changed meanwhile are skipped and reported.
 */
export function TaxonomyDialog({ kind, term, posts, dirty, onApplied, onClose }: Props) {
  const one = kind === 'tags' ? 'tag' : 'category';
  const [name, setName] = useState(term);
  // The plan (or the error) for the name it was made for; a stale one is not shown.
  const [planned, setPlanned] = useState<{
    to: string;
    plan?: TaxonomyPlan;
    error?: string;
  } | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(TaxonomyResult & { merged: boolean }) | null>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const others = useMemo(
    () => countTerms(posts, kind).filter((t) => t.term !== term),
    [posts, kind, term],
  );
  const to = name.trim();
  const mergeInto = others.find((t) => t.term === to) ?? null;

  useEffect(() => input.current?.select(), []);

  const plan = planned?.to === to ? (planned.plan ?? null) : null;
  const error = applyError ?? (planned?.to === to ? (planned.error ?? null) : null);

  // The affected posts, planned again (debounced) whenever the name changes.
  useEffect(() => {
    if (!to || to === term) return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .planTaxonomyEdit({ kind, from: [term], to })
        .then((next) => current && setPlanned({ to, plan: next }))
        .catch((e: Error) => current && setPlanned({ to, error: e.message }));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [kind, term, to]);

  const unsaved = plan ? plan.files.filter((f) => dirty.has(f.path)) : [];
  const apply = async () => {
    if (!plan || busy) return;
    setBusy(true);
    try {
      const done = await api.applyTaxonomyEdit({
        kind: plan.kind,
        from: plan.from,
        to: plan.to,
        files: plan.files,
        skip: unsaved.map((f) => f.path),
      });
      setResult({ ...done, merged: mergeInto !== null });
      onApplied(done);
    } catch (e) {
      setApplyError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const title = `Rename the ${one} “${term}”`;
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog taxonomy-dialog"
        role="dialog"
        aria-label={title}
        onKeyDown={onKeyDown}
      >
        <h2>{title}</h2>
        {result ? (
          <>
            <p className="dialog-summary" data-testid="taxonomy-result">
              {result.changed.length
                ? `${result.merged ? 'Merged' : 'Renamed'} in ${plural(result.changed.length, 'post')}.`
                : 'No post was changed.'}
              {result.skipped.length ? ` ${plural(result.skipped.length, 'post')} skipped:` : ''}
            </p>
            {result.skipped.length ? (
              <ul className="dialog-files">
                {result.skipped.map((s) => (
                  <li key={s.path}>
                    <span className="file-path">{s.path}</span>
                    <span className="file-note warn">{s.reason}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="dialog-actions">
              <button type="button" className="primary" onClick={onClose} autoFocus>
                Done
              </button>
            </div>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void apply();
            }}
          >
            <label className="dialog-field">
              <span>New name</span>
              <input
                ref={input}
                value={name}
                list="taxonomy-terms"
                spellCheck={false}
                onChange={(e) => {
                  setName(e.target.value);
                  setApplyError(null);
                }}
              />
              <datalist id="taxonomy-terms">
                {others.slice(0, 500).map((t) => (
                  <option key={t.term} value={t.term} />
                ))}
              </datalist>
            </label>
            <p className="dialog-summary" data-testid="taxonomy-summary">
              {error ??
                (!to || to === term
                  ? `Type a new name, or the name of another ${one} to merge into it.`
                  : !plan
                    ? 'Finding the posts…'
                    : mergeInto
                      ? `“${to}” already exists: the two ${kind} merge. ${plural(plan.files.length, 'post')} will change; a post with both keeps one.`
                      : `${plural(plan.files.length, 'post')} will change. Only the ${one} line moves; the rest of each file stays byte for byte.`)}
            </p>
            {plan ? (
              <ul className="dialog-files" aria-label="Posts that will change">
                {plan.files.map((f) => (
                  <li key={f.path}>
                    <span className="file-title">{f.title}</span>
                    <span className="file-path">{f.path}</span>
                    {dirty.has(f.path) ? (
                      <span className="file-note warn">Unsaved in the editor: skipped</span>
                    ) : f.merges ? (
                      <span className="file-note">Has both: keeps one</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {unsaved.length ? (
              <p className="dialog-warning" role="alert">
                {plural(unsaved.length, 'post')} with unsaved changes will be skipped. Save them
                first (Ctrl/Cmd+S), then rename again to include them.
              </p>
            ) : null}
            <div className="dialog-actions">
              <button type="button" onClick={onClose}>
                Cancel
              </button>
              <button
                type="submit"
                className="primary"
                disabled={!plan || busy || plan.files.length === unsaved.length}
              >
                {mergeInto ? `Merge into “${to}”` : 'Rename'}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
