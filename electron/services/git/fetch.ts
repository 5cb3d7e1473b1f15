import { git, transportGuard } from './core.ts';
import { fetchPhases, parseProgress } from './progress.ts';
import type { RemoteOptions } from './push.ts';

/** Fetches from the branch's remote (or every remote git would pick by default). */
export async function fetch(dir: string, options: RemoteOptions = {}): Promise<void> {
  await git(dir, ['fetch', '--progress', ...transportGuard('fetch')], {
    signal: options.signal,
    env: options.env,
    onStderrLine: (line) => {
      const progress = parseProgress(line, fetchPhases);
      if (progress) options.onProgress?.(progress);
    },
  });
}
