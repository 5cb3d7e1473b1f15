import { useEffect, useMemo, useState } from 'react';
import type { MarkdownFlavour } from '../../../shared/markdown/index.ts';
import type { PostRef, TemplateContext } from '../../../shared/markdown/templates/index.ts';
import type { ListedPost, SiteTemplates, WorkspaceInfo } from '../../../shared/models.ts';
import { api } from '../../api.ts';

/** The site's side of the preview's templates: the dialect, and what constructs may know. */
export interface PreviewTemplates {
  /** The generator's dialect (null: plain Markdown, but `.mdx` posts are still MDX). */
  dialect: string | null;
  context: TemplateContext;
  /** The generator's Markdown flavour (null: CommonMark with GFM). */
  flavour: MarkdownFlavour | null;
}

/**
 * Loads the open blog's templates (its dialect, config, own shortcodes and includes) once
 * per folder, and joins the library's posts, for `ref`/`post_link` and friends. The result
 * changes only when one of those does: each change costs the preview a full render.
 */
export function useSiteTemplates(
  workspace: WorkspaceInfo | null,
  posts: readonly ListedPost[],
): PreviewTemplates | null {
  // Kept with the folder it was read for: another folder's never reaches this one's posts.
  const [site, setSite] = useState<{ root: string; templates: SiteTemplates } | null>(null);
  useEffect(() => {
    if (!workspace) return;
    let live = true;
    api.getSiteTemplates().then(
      (templates) => live && setSite({ root: workspace.root, templates }),
      () => live && setSite(null),
    );
    return () => {
      live = false;
    };
  }, [workspace]);
  // Keyed by paths, titles and URLs: a save that changes none keeps the same list (and render).
  const refsKey = useMemo(
    () => posts.map((p) => `${p.path}\0${p.title}\0${p.url ?? ''}`).join('\n'),
    [posts],
  );
  const refs = useMemo(
    (): PostRef[] =>
      refsKey
        ? refsKey.split('\n').map((line) => {
            const [path = '', title = '', url = ''] = line.split('\0');
            return url ? { path, title, url } : { path, title };
          })
        : [],
    [refsKey],
  );
  return useMemo(
    () =>
      workspace && site?.root === workspace.root
        ? {
            dialect: site.templates.dialect,
            flavour: site.templates.flavour,
            context: {
              site: site.templates.site,
              templates: site.templates.templates,
              files: site.templates.files,
              posts: refs,
            },
          }
        : null,
    [workspace, site, refs],
  );
}
