import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../../shared/errors.ts';
import type { WorkspaceInfo } from '../../shared/models.ts';
import { detectBlog, type BlogLayout } from './library/detect-blog.ts';
import { siteTitle } from './library/site-config.ts';

export interface Workspace {
  info: WorkspaceInfo;
  layout: BlogLayout;
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
  const layout = detectBlog(root);
  return {
    info: {
      root,
      name: siteTitle(root, layout.generator) ?? path.basename(root),
      assetBase,
      generator: layout.generator,
      staticRoot: layout.staticRoot,
      postAssetFolder: layout.postAssetFolder ?? false,
    },
    layout,
  };
}
