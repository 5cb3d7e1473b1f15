import type { Heading } from '../../../shared/outline.ts';

export function Outline({ headings, onJump }: { headings: Heading[]; onJump(line: number): void }) {
  if (!headings.length) return <p className="outline-empty">This post has no headings yet.</p>;
  return (
    <ul className="outline" aria-label="Outline">
      {headings.map((h) => (
        <li key={`${h.line}:${h.text}`} style={{ paddingLeft: `${(h.level - 1) * 12}px` }}>
          <button type="button" onClick={() => onJump(h.line)}>
            {h.text}
          </button>
        </li>
      ))}
    </ul>
  );
}
