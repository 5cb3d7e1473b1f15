import { useRef } from 'react';
import './export-menu.css';
import type { ExportFormat } from './export-post.ts';

interface Props {
  disabled: boolean;
  onExport(format: ExportFormat): void;
}

/** The toolbar's Export menu: a post as one HTML file or as a PDF. */
export function ExportMenu({ disabled, onExport }: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  const choose = (format: ExportFormat) => {
    details.current?.removeAttribute('open');
    onExport(format);
  };
  if (disabled) {
    return (
      <button type="button" disabled title="Open a post to export it">
        Export
      </button>
    );
  }
  return (
    <details className="export-menu" ref={details}>
      <summary role="button" aria-haspopup="menu">
        Export
      </summary>
      <div className="export-menu-items" role="menu">
        <button type="button" role="menuitem" onClick={() => choose('html')}>
          HTML file…
        </button>
        <button type="button" role="menuitem" onClick={() => choose('pdf')}>
          PDF…
        </button>
      </div>
    </details>
  );
}
