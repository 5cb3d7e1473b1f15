import { GitError } from './errors.ts';
import { git } from './core.ts';

/** Remotes with their fetch URL, in git's order. */
export async function listRemotes(dir: string): Promise<Array<{ name: string; url: string }>> {
  const { stdout } = await git(dir, ['remote', '-v']);
  const remotes: Array<{ name: string; url: string }> = [];
  for (const line of stdout.split('\n')) {
    const match = /^(\S+)\t(.*) \(fetch\)$/.exec(line);
    if (match) remotes.push({ name: match[1]!, url: match[2]! });
  }
  return remotes;
}

/** A URL or scp-style address git can push to; never something git would read as an option. */
export function checkRemoteUrl(url: string): string {
  const trimmed = url.trim();
  if (!trimmed || /\s/.test(trimmed) || trimmed.startsWith('-')) {
    throw new GitError(
      'NO_REMOTE',
      `“${url}” is not a remote address: use the URL your host shows for cloning (https://… or git@host:owner/repo.git).`,
    );
  }
  return trimmed;
}

export function checkRemoteName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new GitError('NO_REMOTE', `“${name}” is not a usable remote name (try “origin”).`);
  }
  return name;
}

export async function addRemote(dir: string, name: string, url: string): Promise<void> {
  await git(dir, ['remote', 'add', checkRemoteName(name), checkRemoteUrl(url)]);
}
