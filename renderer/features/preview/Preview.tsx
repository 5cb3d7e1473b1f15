import type { Text } from '@codemirror/state';
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { isRemoteImage, resolveAssetUrl, type AssetContext } from '../../../shared/asset-url.ts';
import { parseFrontMatter } from '../../../shared/frontmatter.ts';
import { api } from '../../api.ts';
import './content.css';
import { patchBlocks, renumber, type MountedBlock } from './patch-blocks.ts';
import { PREVIEW_LIMIT_CHARS } from './large-post.ts';
import {
  createRenderClient,
  RENDER_TIME_LIMIT_MS,
  type PauseReason,
  type PostStats,
  type RenderClient,
} from './render-client.ts';
import { buildPreviewBlocks, markMissing } from './sanitize.ts';
import { usePreviewCss } from './usePreviewCss.ts';
import type { PreviewTemplates } from './useSiteTemplates.ts';
import { dialectOf } from '../../../shared/markdown/templates/index.ts';

/** The front matter as the app parsed it from the post's head (front-matter-head.ts). */
export interface ParsedHead {
  data: Record<string, unknown>;
  /** Where the body starts in the text. */
  bodyStart: number;
}

interface Props {
  /** The post, as CodeMirror holds it: the preview never copies it whole while the writer types. */
  source: Text;
  /** The site's templates (its dialect and what constructs may know), once loaded. */
  templates?: PreviewTemplates | null;
  /** The text's front matter, already parsed by the app: not parsed again on each change. */
  head?: ParsedHead | null;
  assets: AssetContext | null;
  visible: boolean;
  scrollerRef: RefObject<HTMLElement | null>;
  syncScroll: boolean;
  onToggleSync(): void;
  /** A click on a block (not a link) puts the editor's cursor on its source line. */
  onLineClick(line: number): void;
  /** Word count and headings, worked out with the render (off the main thread). */
  onStats(stats: PostStats): void;
  /** A link to a site path or a file was clicked: the app opens the post it names, if any. */
  onOpenLink?: (href: string) => void;
  /** Remote images are held back and the writer may load them for this post (else null). */
  onLoadRemote?: (() => void) | null;
  /** The Site tab's pane (the site's own page): with it, the bar has two tabs. */
  site?: ReactNode;
  /** Which tab shows: Folio's preview or the site's page. */
  mode?: PreviewMode;
  onMode?: (mode: PreviewMode) => void;
}

export type PreviewMode = 'folio' | 'site';

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];

/** The article's id: the blog's own stylesheet applies under it and nowhere else. */
const ARTICLE_ID = 'folio-preview-article';

/** Moved blocks renumbered per task once a patch is in (see patch-blocks.ts). */
const RENUMBER_SLICE = 300;

export function Preview({
  source,
  templates = null,
  head = null,
  assets,
  visible,
  scrollerRef,
  syncScroll,
  onToggleSync,
  onLineClick,
  onStats,
  onLoadRemote = null,
  onOpenLink,
  site,
  mode = 'folio',
  onMode,
}: Props) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const mounted = useRef<MountedBlock[]>([]);
  const assetsRef = useRef(assets);
  const onStatsRef = useRef(onStats);
  useEffect(() => {
    onStatsRef.current = onStats;
  }, [onStats]);
  // The app hands over the head it parsed; without one, the post is read here.
  const parsed = useMemo(() => head ?? parseFrontMatter(source.toString()), [source, head]);
  const cut = source.length - parsed.bodyStart > PREVIEW_LIMIT_CHARS;
  const blogCss = usePreviewCss(`#${ARTICLE_ID}`);
  const [paused, setPaused] = useState<PauseReason | null>(null);
  const [heldBack, setHeldBack] = useState(false);
  const resume = () => {
    // The restarted worker holds no blocks: neither may the page.
    mounted.current = [];
    bodyRef.current?.replaceChildren();
    setPaused(null);
    client.current?.resume();
  };

  // Sanitizing and building DOM happen here, for new blocks only; rendering is in a worker.
  const client = useRef<RenderClient | null>(null);
  // A layout effect, like the one below that uses it (those run before plain effects).
  useLayoutEffect(() => {
    let renumbering: ReturnType<typeof setTimeout> | undefined;
    const renumberLater = () => {
      clearTimeout(renumbering);
      renumbering = setTimeout(() => {
        if (!renumber(mounted.current, RENUMBER_SLICE)) renumberLater();
      });
    };
    const created = createRenderClient({
      onPaused: setPaused,
      onPatch(patch) {
        const body = bodyRef.current;
        if (!body) return;
        const { blocks, behind } = patchBlocks(body, mounted.current, patch, (fresh) =>
          buildPreviewBlocks(fresh, assetsRef.current),
        );
        mounted.current = blocks;
        // Only while remote images are held back (else heldBack stays false from the reset):
        // no state update on the keystroke path.
        if (assetsRef.current?.blockRemote)
          setHeldBack(body.querySelector('.remote-image') !== null);
        if (behind) renumberLater();
      },
      onStats: (stats) => onStatsRef.current(stats),
    });
    client.current = created;
    return () => {
      clearTimeout(renumbering);
      created.dispose();
      client.current = null;
    };
  }, []);
  // Before the render effect below (effects run in order): the site's context goes first.
  useLayoutEffect(() => {
    if (templates) client.current?.setSite(templates.context, templates.flavour);
  }, [templates]);
  // A layout effect: the request leaves during this commit, not after the next paint.
  useLayoutEffect(() => {
    // Image URLs depend on the post's folder: another post starts from an empty preview.
    if (assetsRef.current !== assets) {
      assetsRef.current = assets;
      mounted.current = [];
      bodyRef.current?.replaceChildren();
      client.current?.reset();
      setPaused(null);
      setHeldBack(false);
    }
    const postPath = assets?.postPath ?? '';
    const dialect = templates ? dialectOf(templates.dialect ?? undefined, postPath) : undefined;
    const bodyStart = Math.min(parsed.bodyStart, source.length);
    client.current?.render(
      { doc: source, bodyStart, lineOffset: source.lineAt(bodyStart).number - 1 },
      dialect ? { dialect, page: parsed.data, postPath } : undefined,
    );
  }, [parsed, source, assets, templates]);
  useEffect(() => {
    const body = bodyRef.current;
    // Load errors do not bubble; a capturing listener sees every image's.
    const onError = (event: Event) => {
      if (event.target instanceof HTMLImageElement) markMissing(event.target);
    };
    body?.addEventListener('error', onError, true);
    return () => body?.removeEventListener('error', onError, true);
  }, []);

  // Links never navigate the app: in-page anchors scroll, web and mail links go to the
  // system browser, a link to another post opens it, anything else does nothing.
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element;
    const anchor = target.closest('a');
    if (!anchor) {
      const block = target.closest<HTMLElement>('[data-source-line]');
      if (block) onLineClick(Number(block.dataset.sourceLine));
      return;
    }
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      const id = decodeURIComponent(href.slice(1));
      // Sanitized ids carry a `user-content-` prefix (see sanitize.ts); links keep the bare id.
      const body = bodyRef.current;
      const targetEl =
        body?.querySelector(`[id="${CSS.escape(`user-content-${id}`)}"]`) ??
        body?.querySelector(`[id="${CSS.escape(id)}"]`);
      targetEl?.scrollIntoView();
    } else if (/^(https?:|mailto:)/i.test(href)) {
      void api.openExternal({ url: href });
    } else {
      // A link to another post (its URL on the site, or its file): open it.
      onOpenLink?.(href);
    }
  };
  // A middle click would otherwise open the link in a new window.
  const onAuxClick = (event: MouseEvent) => {
    if ((event.target as Element).closest('a')) event.preventDefault();
  };

  const data = parsed.data;
  const title = typeof data.title === 'string' ? data.title : null;
  const cover =
    typeof data.cover === 'string' && assets && !(assets.blockRemote && isRemoteImage(data.cover))
      ? resolveAssetUrl(data.cover, assets)
      : null;
  // Jekyll also reads the singular `category:` and `tag:`.
  const tags = [
    ...new Set([...list(data.categories ?? data.category), ...list(data.tags ?? data.tag)]),
  ];
  return (
    <aside className="preview" aria-label="Preview" hidden={!visible}>
      <div className="preview-bar">
        {site ? (
          <span className="preview-tabs" role="tablist" aria-label="Preview">
            {(['folio', 'site'] as const).map((tab) => (
              <button
                key={tab}
                type="button"
                role="tab"
                aria-selected={mode === tab}
                onClick={() => onMode?.(tab)}
              >
                {tab === 'folio' ? 'Folio' : 'Site'}
              </button>
            ))}
          </span>
        ) : (
          <span>Preview</span>
        )}
        <span className="blog-css" hidden={mode === 'site'}>
          <button
            type="button"
            onClick={blogCss.choose}
            title={
              blogCss.css
                ? `The preview uses ${blogCss.css.path}; choose another stylesheet`
                : 'Show the preview with the blog’s own stylesheet'
            }
          >
            {blogCss.css ? (blogCss.css.path.split('/').pop() ?? blogCss.css.path) : 'Blog CSS…'}
          </button>
          {blogCss.css ? (
            <button
              type="button"
              aria-label="Stop using the blog’s stylesheet"
              onClick={blogCss.clear}
            >
              ×
            </button>
          ) : null}
          {blogCss.error ? (
            <span role="alert" className="blog-css-error">
              {blogCss.error}
            </span>
          ) : null}
        </span>
        <label className="sync-toggle" hidden={mode === 'site'}>
          <input type="checkbox" checked={syncScroll} onChange={onToggleSync} />
          Sync scroll
        </label>
      </div>
      {site}
      {heldBack && mode === 'folio' ? (
        <div className="preview-paused" role="status" aria-label="Remote images">
          <span>
            This post’s images from the web are not loaded (Settings › Remote images): loading them
            tells their servers you opened it.
          </span>
          {onLoadRemote ? (
            <button type="button" onClick={onLoadRemote}>
              Load for this post
            </button>
          ) : null}
        </div>
      ) : null}
      {paused && mode === 'folio' ? (
        <div className="preview-paused" role="status">
          <span>
            {paused === 'time'
              ? `Preview paused: this post took more than ${RENDER_TIME_LIMIT_MS / 1000} s to render.`
              : 'Preview paused: this post holds more math or markup than the window can show without stalling.'}{' '}
            The text is safe, and editing goes on.
          </span>
          <button type="button" onClick={resume}>
            Render anyway
          </button>
        </div>
      ) : null}
      <div
        className="preview-scroller"
        ref={scrollerRef as RefObject<HTMLDivElement>}
        data-testid="preview-scroller"
        hidden={mode === 'site'}
      >
        <article
          id={ARTICLE_ID}
          className={blogCss.css ? 'preview-article with-blog-css' : 'preview-article'}
          onClick={onClick}
          onAuxClick={onAuxClick}
        >
          {cover ? <img className="preview-cover" src={cover} alt="" /> : null}
          {title ? <h1 className="preview-title">{title}</h1> : null}
          {data.date || tags.length ? (
            <p className="preview-meta">
              {data.date ? <time>{String(data.date)}</time> : null}
              {tags.map((tag, i) => (
                <span className="preview-tag" key={`${i}:${tag}`}>
                  #{tag}
                </span>
              ))}
            </p>
          ) : null}
          {cut ? (
            <p className="preview-notice" role="note">
              This post is {Math.round(source.length / 1048576) || 1} MB: the preview shows its
              first {PREVIEW_LIMIT_CHARS / 1048576} MB. The editor has all of it.
            </p>
          ) : null}
          <div className="preview-body" ref={bodyRef} data-testid="preview-body" />
        </article>
      </div>
    </aside>
  );
}
