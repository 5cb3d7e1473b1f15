/**
 * The one way Folio runs git: the system `git` through `spawn` with an argument array (never
 * a shell), a fixed environment that keeps git from prompting on a terminal and makes its
 * messages parseable, an AbortSignal for Cancel, and a typed error for every failure.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { classifyGitFailure, GitError } from './errors.ts';
import { lineSplitter, startProgram, stopProgramTree } from '../processes/program.ts';

export interface GitOptions {
  /** Fed to git's stdin (commit messages), then closed. */
  input?: string;
  signal?: AbortSignal;
  /** Extra environment (GIT_ASKPASS for operations that talk to a remote). */
  env?: Record<string, string>;
  /** Each stderr line as it arrives (split at \r and \n), for `--progress`. */
  onStderrLine?: (line: string) => void;
  /** Exit codes that are not failures (diff --no-index exits 1 when files differ). */
  okExitCodes?: number[];
}

export interface GitRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The environment every git run gets, over the app's own. */
export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Never wait on a terminal nobody sees; GIT_ASKPASS (when set) still answers prompts.
    GIT_TERMINAL_PROMPT: '0',
    // English messages, so errors.ts can read them.
    LC_ALL: 'C',
    LANGUAGE: '',
    // Paths are literal: a file named `:(top)x` or `*.md` is that file, not a pattern.
    GIT_LITERAL_PATHSPECS: '1',
    // No pager, no editor: git must never wait for a program the writer cannot see.
    GIT_PAGER: 'cat',
    GIT_EDITOR: 'true',
    ...extra,
  };
}

/**
 * Environment for every git run of one operation (git-service.ts): an untrusted blog's
 * programs turned off, as GIT_CONFIG_* pairs, for each git command the operation starts.
 */
export const operationEnvironment = new AsyncLocalStorage<{
  env: Record<string, string>;
  /** The repository's own programs are off: transports use git's own helpers too. */
  untrusted: boolean;
}>();

/**
 * `--receive-pack` / `--upload-pack` for a push or fetch in an untrusted repository: git
 * takes the first `remote.<name>.receivepack` it reads, the repository's, over any `-c`.
 */
export function transportGuard(kind: 'push' | 'fetch'): string[] {
  if (!operationEnvironment.getStore()?.untrusted) return [];
  return [kind === 'push' ? '--receive-pack=git-receive-pack' : '--upload-pack=git-upload-pack'];
}

/** Runs `git <args>` in `cwd`; resolves on success, rejects with a GitError otherwise. */
export function git(cwd: string, args: string[], options: GitOptions = {}): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(cancelled());
    // Its own process group, so Cancel also stops git's helpers (remote-https, ssh).
    const child = startProgram('git', args, {
      cwd,
      env: gitEnvironment({ ...operationEnvironment.getStore()?.env, ...options.env }),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const split = options.onStderrLine ? lineSplitter(options.onStderrLine) : null;
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      if (process.platform !== 'win32' && child.pid) stopProgramTree(child.pid);
      else child.kill();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      err.push(chunk);
      split?.(chunk.toString('utf8'));
    });
    child.stdin.on('error', () => undefined); // git may exit before reading its input
    child.stdin.end(options.input ?? '');
    child.on('error', (error: NodeJS.ErrnoException) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(
        error.code === 'ENOENT'
          ? new GitError(
              'GIT_NOT_FOUND',
              'git is not installed (or not on the PATH). Install git from https://git-scm.com and restart Folio.',
            )
          : error,
      );
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      const run = {
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        exitCode: code ?? -1,
      };
      if (aborted) return reject(cancelled());
      if (run.exitCode === 0 || options.okExitCodes?.includes(run.exitCode)) return resolve(run);
      reject(classifyGitFailure(args, `${run.stderr}\n${run.stdout}`));
    });
  });
}

function cancelled(): GitError {
  return new GitError(
    'CANCELLED',
    'Cancelled. Nothing was lost: your commits and files are as they were.',
  );
}

/**
 * A blog is untrusted input, and git runs programs its repository's config names even for
 * commands that only read: `core.fsmonitor` on every index read, a `filter.<name>.clean` or
 * `.process` (named in `.git/info/attributes`) when status hashes a file, `gpg.program` when
 * `log.showSignature` is on. These `-c` settings turn each off for one command; filter drivers
 * are found by reading the config as data (with its includes), which runs nothing.
 */
export async function passiveSettings(dir: string): Promise<string[]> {
  const settings = ['core.fsmonitor=false', 'log.showSignature=false'];
  const drivers = await git(
    dir,
    ['config', '-z', '--name-only', '--get-regexp', '^filter\\..+\\.(clean|smudge|process)$'],
    { okExitCodes: [1] },
  );
  for (const key of drivers.stdout.split('\0')) if (key) settings.push(`${key}=`);
  return settings.flatMap((setting) => ['-c', setting]);
}

/** Runs a git command that only reads (status, log, rev-list…) with passiveSettings. */
export async function readGit(
  dir: string,
  args: string[],
  options: GitOptions = {},
): Promise<GitRun> {
  return git(dir, [...(await passiveSettings(dir)), ...args], options);
}
