import { git, transportGuard } from './core.ts';
import { parseProgress, pushPhases, type GitProgress } from './progress.ts';

export interface RemoteOptions {
  signal?: AbortSignal;
  /** GIT_ASKPASS and its callback address (see askpass.ts). */
  env?: Record<string, string>;
  onProgress?: (progress: GitProgress) => void;
}

/**
 * Pushes the current branch where git is configured to push it; with `upstream`, pushes it
 * to that remote under the same name and makes it track it (`push -u`).
 */
export async function push(
  dir: string,
  options: RemoteOptions & { upstream?: { remote: string; branch: string } } = {},
): Promise<void> {
  const target = options.upstream
    ? ['-u', '--', options.upstream.remote, `HEAD:refs/heads/${options.upstream.branch}`]
    : [];
  await git(dir, ['push', '--progress', ...transportGuard('push'), ...target], {
    signal: options.signal,
    env: options.env,
    onStderrLine: (line) => {
      const progress = parseProgress(line, pushPhases);
      if (progress) options.onProgress?.(progress);
    },
  });
}
