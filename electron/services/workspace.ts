import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../../shared/errors.ts';
import { profileOf } from '../../shared/generators/index.ts';
import type { WorkspaceInfo } from '../../shared/models.ts';
import { openSite, type BlogLayout } from './generators/detect-blog.ts';
import type { SiteConfig } from './generators/site-config.ts';

export interface Workspace {
  info: WorkspaceInfo;
  layout: BlogLayout;
  /** The site's config, read once when the folder opened (profiles and post operations use it). */
  config: SiteConfig;
}

/** Opens a blog folder: its real path is the root every renderer path is confined to. */
export async function openWorkspace(folder: string, assetBase: string): Promise<Workspace> {
  let root: string;
  try {
    root = await realpath(path.resolve(folder));
  } catch {
    throw new FolioError('NOT_FOUND', `The folder “${folder}” does not exist`);
  }
  if (!(await stat(root)).isDirectory()) {
    throw new FolioError(
      'NOT_A_FOLDER',
      `“${folder}” is a file, not a folder; open the blog's folder`,
    );
  }
  const { layout, config } = openSite(root);
  return {
    info: {
      root,
      name: config.title ?? path.basename(root),
      assetBase,
      generator: layout.generator,
      staticRoot: layout.staticRoot,
      postAssetFolder: layout.postAssetFolder ?? false,
      fileNameDates: layout.fileNameDates ?? false,
      futureScheduled: profileOf(layout.generator).futureIsScheduled(config.data),
      basePath: profileOf(layout.generator).basePath?.(config.data) ?? '',
      urlConfig: layout.urlConfig ?? {},
    },
    layout,
    config,
  };
}
