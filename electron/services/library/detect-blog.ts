import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BlogLayout {
  generator: 'hexo' | 'plain';
  /** Folders (relative, `/`-separated) whose Markdown files are posts; '' is the whole folder. */
  postFolders: string[];
  /** Folders whose posts are drafts. */
  draftFolders: string[];
  /** Where site-absolute paths like `/images/x.png` point. */
  staticRoot: string;
}

const isFolder = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** Hexo is recognised here; the other generators arrive with the library issue. */
export function detectBlog(root: string): BlogLayout {
  if (existsSync(path.join(root, '_config.yml')) && isFolder(path.join(root, 'source'))) {
    return {
      generator: 'hexo',
      postFolders: ['source/_posts', 'source/_drafts'],
      draftFolders: ['source/_drafts'],
      staticRoot: 'source',
    };
  }
  return { generator: 'plain', postFolders: [''], draftFolders: [], staticRoot: '' };
}
