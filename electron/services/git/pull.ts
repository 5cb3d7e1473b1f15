import { git, transportGuard } from './core.ts';
import { GitError } from './errors.ts';
import { fetchPhases, parseProgress } from './progress.ts';
import type { RemoteOptions } from './push.ts';

/**
 * Pulls the upstream into the current branch, by rebase or merge as the repository is
 * configured (pull.rebase / pull.ff); with neither set, merges, where plain git would stop
 * and ask. Changes not yet committed are stashed around it (--autostash).
 * A conflict leaves the merge or rebase in progress for the writer, and throws CONFLICT.
 */
export async function pull(dir: string, options: RemoteOptions = {}): Promise<void> {
  const configured = async (key: string) =>
    (await git(dir, ['config', '--get', key], { okExitCodes: [1] })).stdout.trim() !== '';
  const strategy =
    (await configured('pull.rebase')) || (await configured('pull.ff')) ? [] : ['--no-rebase'];
  try {
    await git(
      dir,
      ['pull', '--progress', '--autostash', '--no-edit', ...transportGuard('fetch'), ...strategy],
      {
        signal: options.signal,
        env: options.env,
        onStderrLine: (line) => {
          const progress = parseProgress(line, fetchPhases);
          if (progress) options.onProgress?.(progress);
        },
      },
    );
  } catch (error) {
    if (
      error instanceof GitError &&
      /^CONFLICT \(|could not apply|Automatic merge failed/m.test(error.detail)
    ) {
      throw new GitError(
        'CONFLICT',
        'Your changes and the remote’s changed the same lines. Open the conflicted files, keep what you want between the <<<<<<< and >>>>>>> markers, save, then Continue. Abort puts everything back as it was before the sync.',
        error.detail,
      );
    }
    throw error;
  }
}
