/**
 * The Site preview's server: the blog's own generator serving it on 127.0.0.1, one per
 * window, started when the writer asks and has said this blog may run it, stopped with the
 * window (and, after a crash, at the next start: see pid-files.ts). It keeps the output,
 * knows when the site answers, and after each save when the generator has rebuilt.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { SiteServerStatus } from '../../../shared/models.ts';
import { lineSplitter, startProgram, stopProgramTree } from '../processes/program.ts';
import { PORT, serverCommand, urlFor, type CommandSite, type ServerCommand } from './command.ts';
import { forgetServer, recordServer, sweepServers } from './pid-files.ts';

export interface SiteServerOptions {
  /** The app's data folder: pid files of running servers live under it. */
  dataFolder: string;
  emit(status: SiteServerStatus): void;
  /** Per blog folder, the fingerprint of the command the writer let run. */
  trust: {
    get(root: string): string | undefined;
    set(root: string, fingerprint: string): Promise<void>;
  };
}

/** Lines of output kept for Show log; older ones go. */
const LOG_LINES = 5000;
/** Lines the status line shows while starting or after a failure. */
const STATUS_LINES = 6;
/** How long a generator may take to answer its first request. */
const READY_TIMEOUT_MS = 180_000;
/** After a save, how long to wait for the generator's "rebuilt" line before reloading anyway. */
const REBUILD_WAIT_MS = 8_000;
/** A server without such a line (or one that renders on request) gets this long. */
const SETTLE_MS = 600;
/** A line that says something failed, in the words generators use. */
const FAILURE = /\b(error|fatal|failed|exception|cannot|could not|not found|undefined method)\b/i;
/** A line in which a running server reports an error. */
const REPORTED = /\b(ERROR|FATAL)\b|^\s*Error:|Liquid Exception|Conversion error/;
// Colour and cursor codes in generators' output (they ignore NO_COLOR now and then).
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;

const OFF: SiteServerStatus = {
  state: 'off',
  command: '',
  fromConfig: false,
  url: null,
  lines: [],
  message: null,
  failingLine: null,
  buildMs: null,
  build: 0,
  pid: null,
};

/** Live servers of this process, stopped if it exits without closing its windows. */
const live = new Set<number>();
let exitHook = false;

export class SiteServer {
  private site: CommandSite | null = null;
  private status: SiteServerStatus = OFF;
  private child: ChildProcessWithoutNullStreams | null = null;
  private log: string[] = [];
  private out: string | null = null;
  private command: ServerCommand | null = null;
  private stopping = false;
  private exited: Promise<void> = Promise.resolve();
  private timers = new Set<NodeJS.Timeout>();
  private emitTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SiteServerOptions) {
    sweepServers(options.dataFolder);
    if (!exitHook) {
      exitHook = true;
      process.once('exit', () => {
        for (const pid of live) stopProgramTree(pid, 'SIGKILL');
      });
    }
  }

  /** The open blog changed: its server (if any) stops. */
  async open(site: CommandSite | null): Promise<void> {
    await this.stop();
    this.site = site;
  }

  current(): SiteServerStatus {
    return this.status;
  }

  logText(): string {
    return this.log.join('\n');
  }

  async start(request: { trust?: boolean; restart?: boolean } = {}): Promise<SiteServerStatus> {
    const site = this.site;
    if (!site) return this.set({ ...OFF, state: 'failed', message: 'No blog folder is open.' });
    const running = ['starting', 'ready', 'rebuilding'].includes(this.status.state);
    if (running && !request.restart) return this.status;
    await this.stop();
    let shown;
    try {
      shown = serverCommand(site, PORT, '{out}');
    } catch (error) {
      return this.set({ ...OFF, state: 'failed', message: (error as Error).message });
    }
    if (!shown)
      return this.set({
        ...OFF,
        state: 'failed',
        message:
          'Folio knows no development server for a plain folder of Markdown. Name one in .folio/config.yaml as preview.command (with {port} for the port) and preview.url.',
      });
    const about = { command: shown.display, fromConfig: shown.fromConfig };
    if ('missing' in shown)
      return this.set({ ...OFF, ...about, state: 'missing', message: shown.message });
    const fingerprint = createHash('sha256')
      .update(`${shown.command}\0${shown.args.join('\0')}`)
      .digest('hex')
      .slice(0, 32);
    if (this.options.trust.get(site.root) !== fingerprint) {
      if (!request.trust) return this.set({ ...OFF, ...about, state: 'ask' });
      await this.options.trust.set(site.root, fingerprint);
    }
    const port = await freePort();
    this.out = mkdtempSync(path.join(os.tmpdir(), 'folio-site-'));
    const command = serverCommand(site, port, path.join(this.out, 'site'));
    if (!command || 'missing' in command) return this.set({ ...OFF, ...about, state: 'failed' });
    this.command = command;
    this.log = [];
    return this.spawn(site, command, port);
  }

  private spawn(site: CommandSite, command: ServerCommand, port: number): SiteServerStatus {
    if (command.preload) writeFileSync(command.preload.path, command.preload.text);
    const child = startProgram(command.command, command.args, {
      cwd: site.root,
      env: serverEnvironment(site.env),
    });
    this.child = child;
    this.stopping = false;
    const url = urlFor(command.url, port);
    const split = lineSplitter((line) => this.line(line));
    child.stdout.on('data', (chunk: Buffer) => split(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => split(chunk.toString('utf8')));
    child.stdin.end();
    this.exited = new Promise((resolve) => {
      child.on('error', (error: NodeJS.ErrnoException) => {
        this.ended();
        this.set({
          ...this.status,
          state: error.code === 'ENOENT' ? 'missing' : 'failed',
          message: `${command.display} could not start: ${error.message}`,
          pid: null,
        });
        resolve();
      });
      child.on('close', (code, signal) => {
        this.ended();
        if (!this.stopping) {
          const failing = this.log.find((line) => FAILURE.test(line)) ?? this.log.at(-1) ?? null;
          this.set({
            ...this.status,
            state: 'failed',
            message: `The server stopped (${signal ? `signal ${signal}` : `exit code ${code}`}).`,
            failingLine: failing,
            lines: this.log.slice(-STATUS_LINES),
            pid: null,
          });
        }
        resolve();
      });
    });
    if (child.pid) {
      live.add(child.pid);
      recordServer(this.options.dataFolder, child.pid, [command.command, ...command.args]);
    }
    this.waitUntilServed(url);
    return this.set({
      ...OFF,
      state: 'starting',
      command: command.display,
      fromConfig: command.fromConfig,
      url,
      pid: child.pid ?? null,
    });
  }

  /** Polls the site until it answers (any HTTP status: a 404 is a server). */
  private waitUntilServed(url: string): void {
    const child = this.child;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const poll = () => {
      if (this.child !== child || this.status.state !== 'starting') return;
      if (Date.now() > deadline) {
        this.set({
          ...this.status,
          state: 'failed',
          message: 'The server did not answer within 3 minutes. Its log says what it is doing.',
          failingLine: this.log.find((line) => FAILURE.test(line)) ?? null,
        });
        void this.stop('failed');
        return;
      }
      const request = http.get(url, { timeout: 2000 }, (response) => {
        response.resume();
        if (this.child === child && this.status.state === 'starting')
          this.set({ ...this.status, state: 'ready', lines: [] });
      });
      request.on('timeout', () => request.destroy());
      request.on('error', () => this.later(poll, 300));
    };
    this.later(poll, 300);
  }

  /** One line of the server's output. */
  private line(raw: string): void {
    const line = raw.replace(ANSI, '').trimEnd();
    if (!line.trim()) return;
    this.log.push(line);
    if (this.log.length > LOG_LINES) this.log.splice(0, this.log.length - LOG_LINES);
    const rebuilt = this.command?.server.rebuilt;
    const match = rebuilt ? rebuilt.line.exec(line) : null;
    const buildMs = match
      ? Math.round(Number(match[1]) * (rebuilt!.unit === 's' ? 1000 : 1))
      : null;
    if (buildMs !== null && this.status.state === 'rebuilding') {
      this.set({
        ...this.status,
        state: 'ready',
        buildMs,
        build: this.status.build + 1,
        failingLine: null,
      });
      return;
    }
    const next = { ...this.status, ...(buildMs !== null ? { buildMs, failingLine: null } : {}) };
    // A running server that reports an error (a template that broke on a rebuild) says so
    // in the status line until its next good build; a page it cannot find is not one.
    if (
      this.status.state !== 'starting' &&
      REPORTED.test(line) &&
      !/`[^']*' not found\.?$/.test(line)
    )
      next.failingLine = line;
    if (this.status.state === 'starting') next.lines = this.log.slice(-STATUS_LINES);
    this.set(next, true);
  }

  /** A post was saved: the page reloads once the generator has rebuilt it. */
  saved(): void {
    if (this.status.state !== 'ready' && this.status.state !== 'rebuilding') return;
    const server = this.command?.server ?? {};
    const build = this.status.build;
    this.set({ ...this.status, state: 'rebuilding' });
    const wait = server.rebuilt && !server.rendersOnRequest ? REBUILD_WAIT_MS : SETTLE_MS;
    this.later(() => {
      // No "rebuilt" line came (or none is printed): reload all the same.
      if (this.status.state === 'rebuilding' && this.status.build === build)
        this.set({ ...this.status, state: 'ready', build: build + 1 });
    }, wait);
  }

  /** Stops the server and what it started; resolves once it has exited. */
  async stop(state: 'off' | 'failed' = 'off'): Promise<SiteServerStatus> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const child = this.child;
    if (child?.pid) {
      this.stopping = true;
      stopProgramTree(child.pid, 'SIGTERM');
      const killed = setTimeout(() => stopProgramTree(child.pid!, 'SIGKILL'), 3000);
      await this.exited;
      clearTimeout(killed);
      // Its helpers (file watchers, workers) go with the group, even when the server itself
      // exited first.
      stopProgramTree(child.pid, 'SIGKILL');
    }
    this.ended();
    if (state === 'off' && this.status.state !== 'off')
      this.set({ ...OFF, command: this.status.command, fromConfig: this.status.fromConfig });
    return this.status;
  }

  private ended(): void {
    const pid = this.child?.pid;
    if (pid) {
      live.delete(pid);
      forgetServer(this.options.dataFolder, pid);
    }
    this.child = null;
    if (this.out) rmSync(this.out, { recursive: true, force: true });
    this.out = null;
  }

  private later(work: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }

  /** Sets the status and tells the window; `quiet`: at most every 100 ms (output lines). */
  private set(status: SiteServerStatus, quiet = false): SiteServerStatus {
    this.status = status;
    if (!quiet) {
      if (this.emitTimer) clearTimeout(this.emitTimer);
      this.emitTimer = null;
      this.options.emit(status);
    } else if (!this.emitTimer) {
      this.emitTimer = setTimeout(() => {
        this.emitTimer = null;
        this.options.emit(this.status);
      }, 100);
    }
    return status;
  }
}

/** The app's environment for a generator: no colours, no browser opened, no Electron flags. */
function serverEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(env).filter(([key]) => !key.startsWith('ELECTRON_')),
  );
  return { ...clean, NO_COLOR: '1', FORCE_COLOR: '0', BROWSER: 'none' };
}

/** A port nothing listens on now, on the loopback address. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
