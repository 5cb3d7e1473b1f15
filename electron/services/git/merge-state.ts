import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GitOperation } from '../../../shared/models.ts';
import { git } from './core.ts';
import { GitError } from './errors.ts';

/** Stops the merge or rebase in progress and puts the branch and files back as they were. */
export async function abortOperation(dir: string, operation: GitOperation): Promise<void> {
  await git(dir, [operation, '--abort']);
}

const markers = /^(<{7}|>{7})( |$)/m;

/**
 * Finishes the merge or rebase once the writer resolved the conflicts: refuses while a
 * conflicted file still holds conflict markers, else stages them and continues.
 */
export async function continueOperation(
  dir: string,
  operation: GitOperation,
  conflicted: string[],
): Promise<void> {
  const unresolved: string[] = [];
  for (const file of conflicted) {
    const text = await readFile(path.join(dir, file), 'utf8').catch(() => '');
    if (markers.test(text)) unresolved.push(file);
  }
  if (unresolved.length) {
    throw new GitError(
      'UNRESOLVED',
      `Still conflicted: ${unresolved.join(', ')}. Remove the <<<<<<<, ======= and >>>>>>> markers (keeping the text you want), save, then Continue.`,
      '',
      unresolved,
    );
  }
  if (conflicted.length) await git(dir, ['add', '-A', '--', ...conflicted]);
  try {
    if (operation === 'merge') await git(dir, ['commit', '--no-edit']);
    else await git(dir, [operation, '--continue']);
  } catch (error) {
    if (error instanceof GitError && /CONFLICT \(|could not apply/.test(error.detail)) {
      throw new GitError(
        'CONFLICT',
        'The next commit of the rebase conflicts too: resolve these files the same way, then Continue.',
        error.detail,
      );
    }
    throw error;
  }
}
