import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GitOperation } from '../../../shared/models.ts';
import { git } from './core.ts';

/** Where git keeps the blog folder's repository; the blog may be a subfolder of it. */
export interface RepoLayout {
  /** Absolute `.git` folder. */
  gitDir: string;
  /** The blog folder relative to the repository's top (`''` or `blog/`), as git prints it. */
  prefix: string;
}

/** Throws GitError NOT_A_REPO when `dir` is in no repository, GIT_NOT_FOUND without git. */
export async function repoLayout(dir: string): Promise<RepoLayout> {
  const { stdout } = await git(dir, ['rev-parse', '--absolute-git-dir', '--show-prefix']);
  const [gitDir = '', prefix = ''] = stdout.split('\n');
  return { gitDir, prefix };
}

/** Paths git prints are relative to the repository's top; Folio's to the blog folder. */
export function fromRepoPath(layout: RepoLayout, repoPath: string): string | null {
  if (!repoPath.startsWith(layout.prefix)) return null;
  return repoPath.slice(layout.prefix.length);
}

/** A merge or rebase that stopped and waits for the writer, read from git's own marker files. */
export function operationInProgress(layout: RepoLayout): GitOperation | null {
  const has = (name: string) => existsSync(path.join(layout.gitDir, name));
  if (has('rebase-merge') || has('rebase-apply')) return 'rebase';
  if (has('MERGE_HEAD')) return 'merge';
  if (has('CHERRY_PICK_HEAD')) return 'cherry-pick';
  if (has('REVERT_HEAD')) return 'revert';
  return null;
}
