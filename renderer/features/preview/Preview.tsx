import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { resolveAssetUrl, type AssetContext } from '../../../shared/asset-url.ts';
import { parseFrontMatter } from '../../../shared/frontmatter.ts';
import { renderMarkdown } from '../../../shared/markdown.ts';
import type { WorkspaceInfo } from '../../../shared/models.ts';
import { api } from '../../api.ts';
import './content.css';
import { sanitizePreview } from './sanitize.ts';

interface Props {
  source: string;
  postPath: string | null;
  workspace: WorkspaceInfo | null;
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];

function lineOf(source: string, offset: number): number {
  let lines = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1))
    lines++;
  return lines;
}

export function Preview({ source, postPath, workspace }: Props) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const assets: AssetContext | null = useMemo(
    () =>
      workspace && postPath
        ? { assetBase: workspace.assetBase, staticRoot: workspace.staticRoot, postPath }
        : null,
    [workspace, postPath],
  );
  const parsed = useMemo(() => parseFrontMatter(source), [source]);
  const html = useMemo(
    () =>
      sanitizePreview(
        renderMarkdown(parsed.body, { lineOffset: lineOf(source, parsed.bodyStart) }),
        assets,
      ),
    [parsed, source, assets],
  );
  useEffect(() => {
    if (bodyRef.current) bodyRef.current.innerHTML = html;
  }, [html]);

  // Links never navigate the app: in-page anchors scroll, the rest go to the system browser.
  const onClick = (event: MouseEvent) => {
    const anchor = (event.target as Element).closest('a');
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      bodyRef.current
        ?.querySelector(`[id="${CSS.escape(decodeURIComponent(href.slice(1)))}"]`)
        ?.scrollIntoView();
    } else {
      void api.openExternal({ url: href });
    }
  };

  const data = parsed.data;
  const title = typeof data.title === 'string' ? data.title : null;
  const cover =
    typeof data.cover === 'string' && assets ? resolveAssetUrl(data.cover, assets) : null;
  const tags = [...list(data.categories), ...list(data.tags)];
  return (
    <aside className="preview" aria-label="Preview" hidden={!postPath}>
      <article className="preview-article" onClick={onClick}>
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
        <div className="preview-body" ref={bodyRef} data-testid="preview-body" />
      </article>
    </aside>
  );
}
