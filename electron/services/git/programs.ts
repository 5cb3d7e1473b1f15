/**
 * What a blog's own repository would have git run: the program-bearing settings of its
 * config (`.git/config` and what it includes) and its executable hooks, read as data. A blog
 * from anywhere runs them only once the writer trusts it (Workspace Trust, as VS Code does);
 * until then commit, push and sync run with each of them turned off (untrustedSettings).
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RepoProgram } from '../../../shared/models.ts';
import { git } from './core.ts';

/** Keys whose value git runs as a program (or that reach one), lower-cased as git prints them. */
const PROGRAM_KEY =
  /^(?:core\.(?:fsmonitor|hookspath|sshcommand|gitproxy|askpass|editor|pager|alternaterefscommand)|sequence\.editor|credential\.(?:.+\.)?helper|gpg\.(?:.+\.)?program|filter\..+\.(?:clean|smudge|process)|diff\..+\.(?:command|textconv)|diff\.external|merge\..+\.driver|remote\..+\.(?:uploadpack|receivepack)|uploadpack\.packobjectshook|protocol\.(?:ext|fd)\.allow)$/;

/** A remote reached through a program rather than a network protocol. */
const PROGRAM_URL = /^(?:ext|fd)::/i;

/** Hook files that are examples, not hooks. */
const SAMPLE = /\.sample$/;

function isProgram(key: string, value: string): boolean {
  if (/^remote\..+\.(?:push)?url$/.test(key) || /^url\..+\.insteadof$/.test(key))
    return PROGRAM_URL.test(value) || PROGRAM_URL.test(key.slice(4));
  if (!PROGRAM_KEY.test(key)) return false;
  // `core.fsmonitor=true` is git's own daemon, `false` none; any other value is a hook path.
  if (key === 'core.fsmonitor') return !/^(?:true|false|yes|no|on|off|1|0|)$/i.test(value);
  if (/^protocol\./.test(key)) return /^always$/i.test(value);
  return value.trim() !== '';
}

/** Every program the repository's own config and hooks would have git run, in file order. */
export async function repositoryPrograms(dir: string): Promise<RepoProgram[]> {
  const { stdout } = await git(dir, ['config', '-z', '--list', '--show-origin', '--show-scope'], {
    okExitCodes: [1],
  });
  const programs: RepoProgram[] = [];
  const fields = stdout.split('\0');
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const [scope, origin, entry] = [fields[i]!, fields[i + 1]!, fields[i + 2]!];
    // The writer's own (global, system) settings are theirs; the blog's are what it brought.
    if (scope !== 'local' && scope !== 'worktree') continue;
    const newline = entry.indexOf('\n');
    const key = newline === -1 ? entry : entry.slice(0, newline);
    const value = newline === -1 ? '' : entry.slice(newline + 1);
    if (isProgram(key, value)) programs.push({ key, value, file: origin.replace(/^file:/, '') });
  }
  const hooks = (
    await git(dir, ['rev-parse', '--path-format=absolute', '--git-path', 'hooks'])
  ).stdout.trim();
  let names: string[] = [];
  try {
    names = readdirSync(hooks);
  } catch {
    // No hooks folder.
  }
  for (const name of names.sort()) {
    if (SAMPLE.test(name)) continue;
    try {
      const stats = statSync(path.join(hooks, name));
      if (stats.isFile() && (process.platform === 'win32' || (stats.mode & 0o111) !== 0))
        programs.push({ key: `hook ${name}`, value: path.join(hooks, name), file: hooks });
    } catch {
      // Gone, or a link to nothing: git could not run it either.
    }
  }
  return programs;
}

/** Changes whenever what the repository would run changes: the writer is asked again. */
export function programsFingerprint(programs: RepoProgram[]): string {
  return createHash('sha256')
    .update(JSON.stringify(programs.map((p) => [p.key, p.value])))
    .digest('hex')
    .slice(0, 32);
}

/**
 * `-c` settings (as GIT_CONFIG_* pairs) that turn off each program an untrusted repository
 * names, for commit, push and sync: hooks point at an empty folder, filters and drivers are
 * emptied, ssh is plain `ssh`, the remote helpers are git's own, `ext::` and `fd::` are refused,
 * credential helpers are the writer's own (global) ones only, and nothing is signed.
 */
export async function untrustedSettings(
  dir: string,
  programs: RepoProgram[],
  emptyHooks: string,
): Promise<Array<[string, string]>> {
  const settings: Array<[string, string]> = [
    ['core.hooksPath', emptyHooks],
    ['core.fsmonitor', 'false'],
    ['core.sshCommand', 'ssh'],
    ['core.gitProxy', ''],
    ['core.alternateRefsCommand', ''],
    ['uploadpack.packObjectsHook', ''],
    ['protocol.ext.allow', 'never'],
    ['protocol.fd.allow', 'never'],
    ['commit.gpgSign', 'false'],
    ['tag.gpgSign', 'false'],
    ['log.showSignature', 'false'],
    ['diff.external', ''],
  ];
  for (const { key } of programs) {
    if (/^(?:filter|merge|diff)\./.test(key) || /^credential\..+\.helper$/.test(key))
      settings.push([key, '']);
    const remote = /^remote\.(.+)\.(uploadpack|receivepack)$/.exec(key);
    if (remote)
      settings.push([key, `git-${remote[2] === 'uploadpack' ? 'upload' : 'receive'}-pack`]);
  }
  if (programs.some((p) => p.key === 'credential.helper')) {
    // An empty value clears the list; the writer's own helpers are added back after it.
    settings.push(['credential.helper', '']);
    const own = await git(dir, ['config', '--global', '--get-all', 'credential.helper'], {
      okExitCodes: [1],
    });
    for (const helper of own.stdout.split('\n').filter(Boolean))
      settings.push(['credential.helper', helper]);
  }
  return settings;
}

/** Settings as git's environment form (they reach every git process the command starts). */
export function configEnvironment(settings: Array<[string, string]>): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(settings.length) };
  settings.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}
