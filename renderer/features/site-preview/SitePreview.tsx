import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { SiteServerStatus } from '../../../shared/models.ts';
import { api } from '../../api.ts';
import { sitePageUrl } from './page-url.ts';
import { useSiteServer } from './useSiteServer.ts';
import './site-preview.css';

interface Props {
  /** The Site tab is the one showing. */
  visible: boolean;
  /** The open post's URL on the site (its permalink), or null for the site's home. */
  postUrl: string | null;
  /** The id of the heading the writer is in, asked when the page loads. */
  anchor(): string | null;
  /** The generator's name, for messages. */
  generator: string;
}

/**
 * The open post as the site itself shows it: the blog's generator serves it (started the
 * first time the tab shows, once the writer has let this blog run it), framed where it
 * cannot reach Folio, reloaded once the generator has rebuilt after a save.
 */
export function SitePreview({ visible, postUrl, anchor, generator }: Props) {
  const status = useSiteServer();
  const [logText, setLogText] = useState<string | null>(null);
  const asked = useRef(false);
  // Showing the tab starts the server once; after Stop, only the button does.
  useEffect(() => {
    if (visible && status?.state === 'off' && !asked.current) {
      asked.current = true;
      void api.startSiteServer({}).catch(() => undefined);
    }
  }, [visible, status?.state]);

  const showLog = async () => setLogText((await api.getSiteServerLog()).text);
  const start = (options: { trust?: boolean; restart?: boolean }) =>
    void api.startSiteServer(options).catch(() => undefined);

  if (!status) return <div className="site-preview" hidden={!visible} />;
  const serving = status.state === 'ready' || status.state === 'rebuilding';
  const placeholders = placeholdersOf(status.command);
  return (
    <div className="site-preview" hidden={!visible} data-testid="site-preview">
      {status.state === 'ask' || status.state === 'missing' ? null : (
        <SiteStatusLine
          status={status}
          onStart={() => start({})}
          onRestart={() => start({ restart: true })}
          onStop={() => void api.stopSiteServer().catch(() => undefined)}
          onShowLog={() => void showLog()}
        />
      )}
      {status.state === 'ask' ? (
        <div className="site-notice" role="region" aria-label="Run the site’s generator">
          <p>
            The Site preview runs this blog’s {generator} on your computer to show the post in the
            site’s own theme:
          </p>
          <pre className="site-command">{status.command}</pre>
          {placeholders ? <p className="site-hint">{placeholders}</p> : null}
          {status.fromConfig ? (
            <p className="site-warning">This command is named by the blog’s .folio/config.yaml.</p>
          ) : null}
          <p>
            A generator runs the site’s own code (its config, plugins and theme scripts). Run it
            only for a blog you trust. Nothing is written into the blog for the preview, and unsaved
            text never leaves the editor.
          </p>
          <div className="notice-actions">
            <button type="button" className="primary" onClick={() => start({ trust: true })}>
              Run the site
            </button>
          </div>
        </div>
      ) : null}
      {status.state === 'missing' ? (
        <div className="site-notice" role="alert" aria-label="Generator missing">
          <p>{withCode(status.message ?? '')}</p>
          <p className="site-hint">The Folio tab shows the post meanwhile.</p>
          <div className="notice-actions">
            <button type="button" onClick={() => start({})}>
              Try again
            </button>
          </div>
        </div>
      ) : null}
      {status.state === 'starting' || status.state === 'failed' ? (
        <SiteLines status={status} />
      ) : null}
      {serving && status.url && visible ? (
        <SiteFrame
          url={sitePageUrl(status.url, postUrl, anchor())}
          build={status.build}
          rebuilding={status.state === 'rebuilding'}
          covered={logText !== null}
        />
      ) : null}
      {logText !== null ? (
        <SiteLog text={logText} failing={status.failingLine} onClose={() => setLogText(null)} />
      ) : null}
    </div>
  );
}

function SiteStatusLine({
  status,
  onStart,
  onRestart,
  onStop,
  onShowLog,
}: {
  status: SiteServerStatus;
  onStart(): void;
  onRestart(): void;
  onStop(): void;
  onShowLog(): void;
}) {
  const running = ['starting', 'ready', 'rebuilding'].includes(status.state);
  const text =
    status.state === 'starting'
      ? `Starting ${status.command}…`
      : status.state === 'ready' || status.state === 'rebuilding'
        ? `Serving at ${status.url}${status.buildMs !== null ? ` · built in ${status.buildMs} ms` : ''}`
        : status.state === 'failed'
          ? (status.message ?? 'The server stopped.')
          : status.state === 'off'
            ? 'The site’s server is stopped.'
            : '';
  return (
    <div className="site-status" role="status" aria-label="Site server" data-state={status.state}>
      <span className="site-status-text">{text}</span>
      {status.state === 'rebuilding' ? <span className="site-rebuilding">rebuilding…</span> : null}
      {running && status.failingLine ? (
        <span className="site-reported" role="alert" title={status.failingLine}>
          {status.failingLine}
        </span>
      ) : null}
      <span className="site-actions">
        {running || status.state === 'failed' ? (
          <button type="button" onClick={onShowLog}>
            Show log
          </button>
        ) : null}
        {running ? (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        ) : null}
        {running || status.state === 'failed' ? (
          <button type="button" onClick={onRestart}>
            Restart
          </button>
        ) : null}
        {status.state === 'off' ? (
          <button type="button" onClick={onStart}>
            Start
          </button>
        ) : null}
      </span>
    </div>
  );
}

/** What the command's placeholders stand for, filled in when the generator starts. */
function placeholdersOf(command: string | undefined): string {
  const parts = [
    command?.includes('{port}') ? '{port} is a free port on this computer' : null,
    command?.includes('{out}') ? '{out} a temporary folder outside the blog' : null,
  ].filter((part) => part !== null);
  return parts.length ? `(${parts.join('; ')}.)` : '';
}

/** Text with its `backticked` parts (commands, program names) set as code. */
function withCode(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

/** The server's last lines: progress while it starts, the cause when it failed. */
function SiteLines({ status }: { status: SiteServerStatus }) {
  const lines = status.lines.length ? status.lines : status.failingLine ? [status.failingLine] : [];
  if (!lines.length && !status.failingLine) return null;
  return (
    <div className="site-lines" aria-label="Server output">
      {status.state === 'failed' && status.failingLine ? (
        <p className="site-failing" role="alert">
          {status.failingLine}
        </p>
      ) : null}
      <pre>{lines.join('\n')}</pre>
    </div>
  );
}

/**
 * The page, in a frame of its own origin (the dev server's), sandboxed: it may run its
 * scripts but not open windows or navigate Folio. Where the host gives the page a view of
 * its own (Electron's WebContentsView, electron/site-view.ts), this keeps its place.
 */
function SiteFrame({
  url,
  build,
  rebuilding,
  covered,
}: {
  url: string;
  build: number;
  rebuilding: boolean;
  /** Something of this pane is over it (the log). */
  covered: boolean;
}) {
  const place = useRef<HTMLDivElement>(null);
  const [framed, setFramed] = useState(false);
  useLayoutEffect(() => {
    const box = place.current;
    if (!box || framed) return;
    let live = true;
    let shown = '';
    const show = () => {
      // A dialog over the pane: the native view would cover it, so it steps aside.
      const overlay = covered || document.querySelector('[role="dialog"]') !== null;
      const r = box.getBoundingClientRect();
      const place = overlay ? 'hidden' : `${r.x},${r.y},${r.width},${r.height}`;
      if (place === shown) return;
      shown = place;
      if (overlay) return void api.hideSiteView().catch(() => undefined);
      void api
        .showSiteView({ url, build, bounds: { x: r.x, y: r.y, width: r.width, height: r.height } })
        .then((native) => live && !native && setFramed(true))
        .catch(() => live && setFramed(true));
    };
    show();
    const resized = new ResizeObserver(show);
    resized.observe(box);
    // Dialogs mount at the app's top level: only its children are watched.
    const dialogs = new MutationObserver(show);
    const app = document.getElementById('root')?.firstElementChild;
    if (app) dialogs.observe(app, { childList: true });
    return () => {
      live = false;
      resized.disconnect();
      dialogs.disconnect();
      void api.hideSiteView().catch(() => undefined);
    };
  }, [url, build, framed, covered]);
  return (
    <div className="site-frame" ref={place} data-rebuilding={rebuilding || undefined}>
      {framed ? (
        <iframe
          key={build}
          title="Site preview"
          src={url}
          sandbox="allow-scripts allow-same-origin allow-forms"
          referrerPolicy="no-referrer"
        />
      ) : null}
    </div>
  );
}

/** Everything the server printed, with the line that says what failed marked. */
function SiteLog({
  text,
  failing,
  onClose,
}: {
  text: string;
  failing: string | null;
  onClose(): void;
}) {
  const lines = text ? text.split('\n') : [];
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog site-log"
        role="dialog"
        aria-label="Server log"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2>Server log</h2>
        <pre tabIndex={0}>
          {lines.length
            ? lines.map((line, i) => (
                <span key={i} className={line === failing ? 'site-log-failing' : undefined}>
                  {line}
                  {'\n'}
                </span>
              ))
            : 'The server has printed nothing yet.'}
        </pre>
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
