/**
 * The one way Folio starts a program (git, a site's dev server): `spawn` with an argument
 * array, never a shell, no console window on Windows, and on POSIX a process group of its
 * own, so stopping it also stops what it started (git's remote helpers, a generator's
 * file watchers and workers).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export interface ProgramOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function startProgram(
  command: string,
  args: readonly string[],
  options: ProgramOptions,
): ChildProcessWithoutNullStreams {
  return spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
    shell: false,
    detached: process.platform !== 'win32',
  });
}

/** Stops a program and everything it started; false when it was gone already. */
export function stopProgramTree(pid: number, signal: NodeJS.Signals = 'SIGTERM'): boolean {
  try {
    if (process.platform === 'win32') {
      // No process groups: taskkill walks the tree.
      const run = spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true });
      return run.status === 0;
    }
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Whether a process with this id runs (and may be signalled by us). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The program's full path when `name` is on the PATH (with Windows' extensions), else null. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      try {
        if (!statSync(file).isFile()) continue;
        if (process.platform !== 'win32') accessSync(file, constants.X_OK);
        return file;
      } catch {
        // Not here.
      }
    }
  }
  return null;
}

/** Calls `onLine` with each non-empty line of a stream's text as it arrives (split at \r and \n). */
export function lineSplitter(onLine: (line: string) => void): (chunk: string) => void {
  let rest = '';
  return (chunk) => {
    const parts = (rest + chunk).split(/[\r\n]/);
    rest = parts.pop() ?? '';
    for (const part of parts) if (part) onLine(part);
  };
}
