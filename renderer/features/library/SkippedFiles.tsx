import type { SkippedFile } from '../../../shared/models.ts';

const files = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'file' : 'files'}`;

/**
 * Under the post list: the Markdown files and folders the library left out, each with why,
 * so a post that is missing from the list is never a mystery. Folded until asked for.
 */
export function SkippedFiles({ skipped }: { skipped: SkippedFile[] }) {
  if (!skipped.length) return null;
  return (
    <details className="skipped-files" data-testid="skipped-files">
      <summary>{files(skipped.length)} skipped</summary>
      <p>Not in the list, and left as they are on disk:</p>
      <ul>
        {skipped.map((file) => (
          <li key={file.path}>
            <span className="skipped-path">{file.path}</span>
            <span className="skipped-reason">{file.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
