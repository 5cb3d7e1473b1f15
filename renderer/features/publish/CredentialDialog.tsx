import { useState } from 'react';
import type { CredentialRequest } from '../../../shared/models.ts';

/**
 * git's own prompt ("Password for 'https://…'"), answered in the app. The answer goes to
 * git and is not kept; a credential helper or the SSH agent avoids asking every time.
 */
export function CredentialDialog({
  request,
  onAnswer,
}: {
  request: CredentialRequest;
  onAnswer(value: string | null): void;
}) {
  const [value, setValue] = useState('');
  return (
    <div className="credential-backdrop">
      <form
        className="credential"
        role="dialog"
        aria-modal="true"
        aria-labelledby="credential-title"
        onSubmit={(event) => {
          event.preventDefault();
          onAnswer(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onAnswer(null);
        }}
      >
        <h3 id="credential-title">git needs to sign in</h3>
        <label htmlFor="credential-answer">{request.prompt.replace(/:\s*$/, '')}</label>
        <input
          id="credential-answer"
          type={request.secret ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <p className="credential-note">
          Folio passes this to git and keeps nothing. A git credential helper or an SSH key saves
          you typing it each time.
        </p>
        <div className="credential-actions">
          <button type="button" onClick={() => onAnswer(null)}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Sign in
          </button>
        </div>
      </form>
    </div>
  );
}
