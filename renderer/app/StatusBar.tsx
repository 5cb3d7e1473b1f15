export interface Status {
  kind: 'ok' | 'error';
  text: string;
}

export function StatusBar({ status, onDismiss }: { status: Status | null; onDismiss(): void }) {
  return (
    <footer className={`status-bar ${status?.kind ?? ''}`} role="status" aria-live="polite">
      <span data-testid="status-text">{status?.text ?? ''}</span>
      {status?.kind === 'error' ? (
        <button type="button" className="link" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </footer>
  );
}
