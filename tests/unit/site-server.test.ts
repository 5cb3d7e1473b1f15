/**
 * The Site preview's server, with real programs: a small Node HTTP server named by a blog's
 * `.folio/config.yaml` stands in for a generator (the e2e spec runs Hugo, Jekyll and Hexo),
 * real child processes for the leftovers of a crash.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SiteServerStatus } from '../../shared/models.ts';
import { isRunning } from '../../electron/services/processes/program.ts';
import { serverCommand } from '../../electron/services/site-server/command.ts';
import {
  LOOPBACK_ONLY_FILE,
  LOOPBACK_ONLY_MODULE,
} from '../../electron/services/site-server/loopback-only.ts';
import { recordServer, sweepServers } from '../../electron/services/site-server/pid-files.ts';
import { SiteServer } from '../../electron/services/site-server/site-server.ts';
import { siteNavigation } from '../../electron/services/security/window-policy.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();

/** A stand-in generator: serves a page; with `broken`, fails the way a template error does. */
const SERVER = `
const http = require('node:http');
const port = Number(process.argv[2]);
if (process.argv[3] === 'broken') {
  console.log('Start building sites');
  console.error('ERROR template: single.html: function "nosuch" not defined');
  process.exit(3);
}
http.createServer((q, r) => r.end('<h1>served</h1>')).listen(port, '127.0.0.1', () => {
  console.log('Serving on ' + port);
  if (process.argv[3] === 'reports')
    setTimeout(() => console.error('ERROR 2026/12/07 rebuild failed: partial "nav.html" not found'), 400);
});
setInterval(() => {}, 1000);
`;

async function blog(extra: Record<string, string> = {}) {
  const root = await tempFolder();
  await writeFiles(root, {
    'server.cjs': SERVER,
    '.folio/config.yaml': 'preview:\n  command: node server.cjs {port}\n',
    'posts/hello.md': '---\ntitle: Hello\n---\nHi\n',
    ...extra,
  });
  return root;
}

/** Every server a test made is stopped after it, passed or failed: none outlives the run. */
const made: SiteServer[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((s) => s.stop()));
});

function server(dataFolder: string) {
  const seen: SiteServerStatus[] = [];
  const trust: Record<string, string> = {};
  const siteServer = new SiteServer({
    dataFolder,
    emit: (status) => seen.push(status),
    trust: { get: (root) => trust[root], set: async (root, f) => void (trust[root] = f) },
  });
  made.push(siteServer);
  const until = async (state: SiteServerStatus['state']) => {
    for (let i = 0; i < 200 && siteServer.current().state !== state; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return siteServer.current();
  };
  return { siteServer, seen, until, trust };
}

const site = (root: string) => ({
  root,
  generator: 'plain' as const,
  basePath: '',
  env: process.env,
});

describe('the Site preview’s server', () => {
  it('asks first, then serves on 127.0.0.1, reloads after a save, and stops with no process left', async () => {
    const root = await blog();
    const { siteServer, until } = server(await tempFolder());
    await siteServer.open(site(root));
    const asked = await siteServer.start();
    expect(asked).toMatchObject({
      state: 'ask',
      command: 'node server.cjs {port}',
      fromConfig: true,
    });
    expect(asked.pid).toBeNull();

    const started = await siteServer.start({ trust: true });
    expect(started.state).toBe('starting');
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const ready = await until('ready');
    expect(ready.state).toBe('ready');
    const page = await fetch(ready.url!);
    expect(await page.text()).toBe('<h1>served</h1>');

    siteServer.saved();
    expect(siteServer.current().state).toBe('rebuilding');
    const rebuilt = await until('ready');
    expect(rebuilt.build).toBe(1);
    expect(siteServer.logText()).toMatch(/Serving on \d+/);

    const pid = rebuilt.pid!;
    expect(isRunning(pid)).toBe(true);
    await siteServer.stop();
    expect(siteServer.current().state).toBe('off');
    expect(isRunning(pid)).toBe(false);
  });

  it('asks again when the command changes', async () => {
    const root = await blog();
    const { siteServer, until } = server(await tempFolder());
    await siteServer.open(site(root));
    await siteServer.start({ trust: true });
    await until('ready');
    await siteServer.stop();
    writeFileSync(
      path.join(root, '.folio/config.yaml'),
      'preview:\n  command: node server.cjs {port} --other\n',
    );
    expect((await siteServer.start()).state).toBe('ask');
  });

  it('shows the failing line when the server exits, and does not start it again', async () => {
    const root = await blog({
      '.folio/config.yaml': 'preview:\n  command: node server.cjs {port} broken\n',
    });
    const { siteServer, until } = server(await tempFolder());
    await siteServer.open(site(root));
    await siteServer.start({ trust: true });
    const failed = await until('failed');
    expect(failed.message).toBe('The server stopped (exit code 3).');
    expect(failed.failingLine).toBe('ERROR template: single.html: function "nosuch" not defined');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(siteServer.current()).toMatchObject({ state: 'failed', pid: null });
  });

  it('keeps serving when the server reports an error, and says which line', async () => {
    const root = await blog({
      '.folio/config.yaml': 'preview:\n  command: node server.cjs {port} reports\n',
    });
    const { siteServer, until } = server(await tempFolder());
    await siteServer.open(site(root));
    await siteServer.start({ trust: true });
    await until('ready');
    for (let i = 0; i < 100 && !siteServer.current().failingLine; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(siteServer.current()).toMatchObject({
      state: 'ready',
      failingLine: 'ERROR 2026/12/07 rebuild failed: partial "nav.html" not found',
    });
    await siteServer.stop();
  });

  it('names what is missing and how to install it', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'hugo.toml': 'title = "x"\n', 'content/a.md': '# A\n' });
    const env = { ...process.env, PATH: path.join(root, 'nothing-here') };
    const hugo = serverCommand({ root, generator: 'hugo', basePath: '', env }, '{port}', '');
    expect(hugo).toMatchObject({ missing: true });
    expect((hugo as { message: string }).message).toMatch(
      /^Hugo is not installed \(no `hugo` on the PATH\): install Hugo .*sudo apt install hugo/,
    );
    const hexo = serverCommand({ root, generator: 'hexo', basePath: '', env }, '{port}', '');
    expect((hexo as { message: string }).message).toBe(
      '`hexo` and `hexo-server` are not installed in this blog: run `npm install` in the blog folder (it needs Node.js from nodejs.org).',
    );
  });

  it('runs a package’s own bin with Node, and never a shell for the blog’s command', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'eleventy.config.js': 'export default () => {};\n',
      'node_modules/@11ty/eleventy/package.json':
        '{"name":"@11ty/eleventy","bin":{"eleventy":"cmd.cjs"}}',
      'node_modules/@11ty/eleventy/cmd.cjs': '',
    });
    const command = serverCommand(
      { root, generator: 'eleventy', basePath: '', env: process.env },
      4321,
      '/tmp/out',
    );
    expect(command).toMatchObject({
      args: [
        '--require',
        path.join('/tmp', LOOPBACK_ONLY_FILE),
        path.join(root, 'node_modules/@11ty/eleventy/cmd.cjs'),
        '--serve',
        '--port',
        '4321',
        '--output',
        '/tmp/out',
      ],
      display: 'eleventy --serve --port 4321 --output /tmp/out',
    });
    expect(path.basename((command as { command: string }).command)).toMatch(/^node/);

    for (const line of ['hugo server && rm -rf ~', 'hugo server | tee log', 'hugo > out']) {
      await writeFiles(root, {
        '.folio/config.yaml': `preview:\n  command: ${JSON.stringify(line)}\n`,
      });
      expect(() =>
        serverCommand({ root, generator: 'plain', basePath: '', env: process.env }, 1, ''),
      ).toThrow(/preview\.command: .* needs a shell/);
    }
    await writeFiles(root, {
      '.folio/config.yaml': 'preview:\n  command: node x.js\n  url: https://example.com/\n',
    });
    expect(() =>
      serverCommand({ root, generator: 'plain', basePath: '', env: process.env }, 1, ''),
    ).toThrow(/preview\.url: .* is not on this computer/);
  });
});

describe('a dev server that listens on every network interface (Eleventy’s)', () => {
  /** Opens a server each way Node's `listen` is called and prints where each listens. */
  const OPENER = `
const net = require('node:net');
const http = require('node:http');
const ways = [
  (s, cb) => s.listen(0, cb),
  (s, cb) => s.listen(0, '0.0.0.0', cb),
  (s, cb) => s.listen('0', cb),
  (s, cb) => s.listen({ port: 0 }, cb),
  (s, cb) => s.listen({ port: 0, host: '::' }, cb),
  (s, cb) => s.listen(cb),
];
const where = [];
let left = ways.length;
ways.forEach((open, i) => {
  const server = i % 2 ? net.createServer() : http.createServer();
  open(server, () => {
    where[i] = server.address().address;
    server.close();
    if (--left === 0) console.log(JSON.stringify(where));
  });
});
`;

  it('is held to 127.0.0.1 by the module Folio loads first, however it asks', async () => {
    const folder = await tempFolder();
    writeFileSync(path.join(folder, LOOPBACK_ONLY_FILE), LOOPBACK_ONLY_MODULE);
    writeFileSync(path.join(folder, 'opener.cjs'), OPENER);
    const run = (args: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [...args, path.join(folder, 'opener.cjs')], {
          encoding: 'utf8',
        }),
      ) as string[];
    // Without it, they listen everywhere: the module is what changes that.
    expect(run([])).not.toEqual(Array(6).fill('127.0.0.1'));
    expect(run(['--require', path.join(folder, LOOPBACK_ONLY_FILE)])).toEqual(
      Array(6).fill('127.0.0.1'),
    );
  });

  it('serves an Eleventy blog on 127.0.0.1 only, built outside the blog', async () => {
    // A stand-in for Eleventy's bin: listens on the port with no address, as its server does.
    const root = await tempFolder();
    await writeFiles(root, {
      'eleventy.config.js': 'export default () => {};\n',
      'posts/hello.md': '---\ntitle: Hello\n---\nHi\n',
      'node_modules/@11ty/eleventy/package.json':
        '{"name":"@11ty/eleventy","bin":{"eleventy":"cmd.cjs"}}',
      'node_modules/@11ty/eleventy/cmd.cjs': `
const http = require('node:http');
const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
const server = http.createServer((q, r) => r.end('<h1>served</h1>'));
server.listen(Number(arg('--port')), () => {
  console.log('Listening on ' + server.address().address + ', writing to ' + arg('--output'));
});
setInterval(() => {}, 1000);
`,
    });
    const { siteServer, until } = server(await tempFolder());
    await siteServer.open({ root, generator: 'eleventy', basePath: '', env: process.env });
    await siteServer.start({ trust: true });
    const ready = await until('ready');
    expect(await (await fetch(ready.url!)).text()).toBe('<h1>served</h1>');
    const said = /Listening on (\S+), writing to (\S+)/.exec(siteServer.logText());
    expect(said?.[1]).toBe('127.0.0.1');
    expect(path.relative(root, said![2]!).startsWith('..')).toBe(true);
    await siteServer.stop();
  });
});

describe('leftover servers', () => {
  it('stops a server whose Folio is gone, and leaves others alone', async () => {
    const data = await tempFolder();
    const argv = [process.execPath, '-e', 'setInterval(() => {}, 1000)'];
    const orphan = spawn(argv[0]!, argv.slice(1), { detached: true, stdio: 'ignore' });
    const unrelated = spawn(argv[0]!, [...argv.slice(1), '--', 'other'], {
      detached: true,
      stdio: 'ignore',
    });
    try {
      // A Folio that has exited: a process id that is surely free now.
      const gone = spawn(process.execPath, ['-e', '']);
      await new Promise((resolve) => gone.on('exit', resolve));
      mkdirSync(path.join(data, 'site-servers'), { recursive: true });
      const write = (pid: number, owner: number, args: string[]) =>
        writeFileSync(
          path.join(data, 'site-servers', `${pid}.json`),
          JSON.stringify({ pid, owner, argv: args }),
        );
      write(orphan.pid!, gone.pid!, argv);
      // Recorded with another command: the id was reused, and that process is not ours.
      write(unrelated.pid!, gone.pid!, argv);
      // Still owned by a running Folio (this process).
      recordServer(data, 999_999, argv);

      expect(sweepServers(data)).toEqual([orphan.pid]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(isRunning(orphan.pid!)).toBe(false);
      expect(isRunning(unrelated.pid!)).toBe(true);
    } finally {
      orphan.kill('SIGKILL');
      unrelated.kill('SIGKILL');
    }
  });
});

describe('the site view’s navigation', () => {
  it('stays on the dev server; safe links elsewhere go to the system browser', () => {
    const origin = 'http://127.0.0.1:4000';
    expect(siteNavigation('http://127.0.0.1:4000/posts/a/#x', origin)).toEqual({
      allow: true,
      openExternally: null,
    });
    expect(siteNavigation('https://gohugo.io/', origin)).toEqual({
      allow: false,
      openExternally: 'https://gohugo.io/',
    });
    for (const url of [
      'http://127.0.0.1:4001/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://folio/',
    ])
      expect(siteNavigation(url, origin).allow).toBe(false);
    expect(siteNavigation('file:///etc/passwd', origin).openExternally).toBeNull();
  });
});
