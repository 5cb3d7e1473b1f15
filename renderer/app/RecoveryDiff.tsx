import { structuredPatch } from 'diff';
import { useMemo } from 'react';
import type { RecoveredPost } from '../../shared/models.ts';

/** Lines of context around each change, as in `git diff`. */
const CONTEXT = 2;
/** A diff longer than this is cut (the restored post shows everything). */
const MAX_LINES = 400;

interface Line {
  kind: 'add' | 'remove' | 'same' | 'hunk';
  text: string;
}

/** The unsaved text against the file on disk now, as unified diff lines. */
export function recoveryDiff(post: RecoveredPost): Line[] {
  if (post.diskText === null) return [{ kind: 'hunk', text: 'The file is gone from disk.' }];
  const patch = structuredPatch('disk', 'unsaved', post.diskText, post.text, '', '', {
    context: CONTEXT,
  });
  const lines: Line[] = [];
  for (const hunk of patch.hunks) {
    lines.push({ kind: 'hunk', text: `Line ${hunk.newStart}` });
    for (const line of hunk.lines) {
      const kind = line[0] === '+' ? 'add' : line[0] === '-' ? 'remove' : 'same';
      // jsdiff marks a missing final newline with a "\ No newline" line; it is not text.
      if (line[0] !== '\\') lines.push({ kind, text: line.slice(1) });
    }
  }
  if (!lines.length) lines.push({ kind: 'hunk', text: 'Same as the file on disk.' });
  return lines;
}

const sign = { add: '+', remove: '−', same: ' ', hunk: '' };

/** One post's unsaved changes, removed lines red, added green, as the recovery offer shows. */
export function RecoveryDiff({ post }: { post: RecoveredPost }) {
  const lines = useMemo(() => recoveryDiff(post), [post]);
  const shown = lines.slice(0, MAX_LINES);
  return (
    <figure className="recovery-diff" aria-label={`Unsaved changes to ${post.path}`}>
      <figcaption>
        {post.path}
        {post.changedOnDisk ? ' — changed on disk since' : ''}
      </figcaption>
      <pre>
        {shown.map((line, i) => (
          <div key={i} className={`diff-${line.kind}`}>
            {line.kind === 'hunk' ? line.text : `${sign[line.kind]} ${line.text}`}
          </div>
        ))}
        {lines.length > shown.length ? (
          <div className="diff-hunk">… {lines.length - shown.length} more lines</div>
        ) : null}
      </pre>
    </figure>
  );
}
