import { structuredPatch } from 'diff';
import { useMemo } from 'react';
import type { GitFileDiff } from '../../../shared/models.ts';

interface Row {
  kind: 'add' | 'del' | 'ctx' | 'hunk';
  oldLine: number | null;
  newLine: number | null;
  text: string;
}

/** A unified diff (3 lines of context) as rows with old and new line numbers. */
function rows(diff: GitFileDiff): Row[] {
  const patch = structuredPatch('', '', diff.before, diff.after, '', '', { context: 3 });
  const out: Row[] = [];
  for (const hunk of patch.hunks) {
    out.push({
      kind: 'hunk',
      oldLine: null,
      newLine: null,
      text: `@@ −${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    });
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    for (const line of hunk.lines) {
      const mark = line[0];
      const text = line.slice(1);
      if (mark === '\\') continue; // "No newline at end of file"
      if (mark === '+') out.push({ kind: 'add', oldLine: null, newLine: newLine++, text });
      else if (mark === '-') out.push({ kind: 'del', oldLine: oldLine++, newLine: null, text });
      else out.push({ kind: 'ctx', oldLine: oldLine++, newLine: newLine++, text });
    }
  }
  return out;
}

export function DiffView({ diff }: { diff: GitFileDiff }) {
  const lines = useMemo(() => (diff.binary || diff.tooLarge ? [] : rows(diff)), [diff]);
  if (diff.binary) return <p className="diff-note">A binary file: no text to compare.</p>;
  if (diff.tooLarge) return <p className="diff-note">Too large to show here.</p>;
  if (!lines.length) return <p className="diff-note">No changes in the text (only its mode).</p>;
  return (
    <div className="diff" role="table" aria-label={`Changes in ${diff.path}`}>
      {lines.map((row, i) => (
        <div key={i} className={`diff-row ${row.kind}`} role="row">
          <span className="diff-num" aria-hidden="true">
            {row.oldLine ?? ''}
          </span>
          <span className="diff-num" aria-hidden="true">
            {row.newLine ?? ''}
          </span>
          <span className="diff-mark" aria-hidden="true">
            {row.kind === 'add' ? '+' : row.kind === 'del' ? '−' : ''}
          </span>
          <span className="diff-text" role="cell">
            {row.text || ' '}
          </span>
        </div>
      ))}
    </div>
  );
}
