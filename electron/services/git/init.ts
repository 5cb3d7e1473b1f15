import { git } from './core.ts';

/** `git init` in the blog folder, on the writer's default branch name, else `main`. */
export async function initRepository(dir: string): Promise<void> {
  const configured = await git(dir, ['config', '--get', 'init.defaultBranch'], {
    okExitCodes: [1],
  });
  const branch = configured.stdout.trim() || 'main';
  await git(dir, ['init', `--initial-branch=${branch}`]);
}
