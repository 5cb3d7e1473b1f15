import { useState } from 'react';

/** A field for the remote's URL, for a repository that has none. */
export function RemoteForm({ busy, onAdd }: { busy: boolean; onAdd(url: string): void }) {
  const [url, setUrl] = useState('');
  return (
    <form
      className="remote-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (url.trim()) onAdd(url.trim());
      }}
    >
      <label htmlFor="publish-remote-url">Remote URL</label>
      <div className="remote-row">
        <input
          id="publish-remote-url"
          type="text"
          spellCheck={false}
          placeholder="https://github.com/you/blog.git"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" disabled={busy || !url.trim()}>
          Add remote
        </button>
      </div>
    </form>
  );
}
