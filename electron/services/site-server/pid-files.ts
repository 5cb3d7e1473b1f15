/**
 * A file per running dev server in the app's data folder, so a server Folio left behind (a
 * crash, a kill) is stopped at the next start: only when the Folio that started it is gone,
 * and only when the process with that id still runs the same command (ids are reused).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isRunning, stopProgramTree } from '../processes/program.ts';

interface ServerRecord {
  pid: number;
  /** The Folio process that started it. */
  owner: number;
  argv: string[];
}

const folderOf = (dataFolder: string) => path.join(dataFolder, 'site-servers');
const fileOf = (dataFolder: string, pid: number) => path.join(folderOf(dataFolder), `${pid}.json`);

export function recordServer(dataFolder: string, pid: number, argv: string[]): void {
  try {
    mkdirSync(folderOf(dataFolder), { recursive: true });
    const record: ServerRecord = { pid, owner: process.pid, argv };
    writeFileSync(fileOf(dataFolder, pid), JSON.stringify(record));
  } catch {
    // Without the record only a crash's leftover goes unnoticed; the server still runs.
  }
}

export function forgetServer(dataFolder: string, pid: number): void {
  rmSync(fileOf(dataFolder, pid), { force: true });
}

/** Stops the servers whose Folio is gone; returns the ids it stopped. */
export function sweepServers(dataFolder: string): number[] {
  let names: string[];
  try {
    names = readdirSync(folderOf(dataFolder));
  } catch {
    return [];
  }
  const stopped: number[] = [];
  for (const name of names) {
    const file = path.join(folderOf(dataFolder), name);
    let record: ServerRecord;
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as ServerRecord;
    } catch {
      rmSync(file, { force: true });
      continue;
    }
    if (!Number.isInteger(record.pid) || !Number.isInteger(record.owner)) {
      rmSync(file, { force: true });
      continue;
    }
    // Another window of this Folio, or another Folio still running: its server, not ours.
    if (record.owner === process.pid || isRunning(record.owner)) continue;
    if (isRunning(record.pid) && runs(record.pid, record.argv)) {
      stopProgramTree(record.pid, 'SIGKILL');
      stopped.push(record.pid);
    }
    rmSync(file, { force: true });
  }
  return stopped;
}

/** Whether process `pid` runs `argv` (its program and arguments). */
function runs(pid: number, argv: string[]): boolean {
  try {
    if (process.platform === 'linux') {
      const running = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      return running.length === argv.length && running.every((arg, i) => arg === argv[i]);
    }
    if (process.platform === 'darwin') {
      const running = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], {
        encoding: 'utf8',
      }).trim();
      return running === argv.join(' ');
    }
  } catch {
    return false;
  }
  // Windows names no command line cheaply: a reused id is never stopped on a guess.
  return false;
}
