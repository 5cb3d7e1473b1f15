import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GitChangedFile } from '../../../shared/models.ts';
import { git } from './core.ts';
import { GitError } from './errors.ts';

/**
 * Commits exactly these changed files with this message, leaving anything else (staged by
 * another tool or not selected) as it was. Returns the new commit's hash.
 */
export async function commitFiles(
  dir: string,
  files: GitChangedFile[],
  message: string,
): Promise<string> {
  if (!message.trim()) throw new GitError('NOTHING_TO_COMMIT', 'Write a commit message first.');
  if (!files.length) {
    throw new GitError('NOTHING_TO_COMMIT', 'Select at least one changed file to publish.');
  }
  // A staged rename's old path is gone from the index and the disk: `add` would refuse it,
  // but the commit needs it to record the removal.
  await git(dir, ['add', '-A', '--', ...files.map((f) => f.path)]);
  const paths = [...files.map((f) => f.path), ...files.flatMap((f) => (f.from ? [f.from] : []))];
  try {
    // A pathspec on commit means --only: other staged files stay staged, out of this commit.
    await git(dir, ['commit', '--cleanup=strip', '-F', '-', '--', ...paths], { input: message });
  } catch (error) {
    if (error instanceof GitError && error.kind === 'UNKNOWN' && (await hasCommitHook(dir))) {
      throw new GitError(
        'HOOK_FAILED',
        'A pre-commit hook of this repository stopped the commit. Its output is below; fix what it reports, then publish again. Your files are unchanged.',
        error.detail,
      );
    }
    throw error;
  }
  return (await git(dir, ['rev-parse', 'HEAD'])).stdout.trim();
}

/** Whether a hook could have stopped the commit (`--git-path` honours core.hooksPath). */
async function hasCommitHook(dir: string): Promise<boolean> {
  for (const hook of ['pre-commit', 'commit-msg']) {
    const { stdout } = await git(dir, ['rev-parse', '--git-path', `hooks/${hook}`]);
    if (existsSync(path.resolve(dir, stdout.trim()))) return true;
  }
  return false;
}
