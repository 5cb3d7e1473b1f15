/**
 * A loopback smart-HTTP git server for tests: `git http-backend` behind a small CGI bridge on
 * 127.0.0.1 (an ephemeral port), with optional basic auth, so pushes prompt for credentials
 * exactly as against a real host.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHttpServer {
  /** The URL of a repository under the project root (`name` is its folder, e.g. `remote.git`). */
  url(name: string): string;
  /** Authorization attempts seen: the user names tried (empty string for none). */
  attempts: string[];
  /** Resolves when the next push (receive-pack POST) arrives and is being held. */
  holdPushes(): Promise<void>;
  close(): Promise<void>;
}

export async function startGitHttpServer(
  projectRoot: string,
  auth?: { user: string; password: string },
): Promise<GitHttpServer> {
  const attempts: string[] = [];
  let hold: (() => void) | null = null;
  const held: http.ServerResponse[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let user = 'anonymous';
    if (auth) {
      const header = req.headers.authorization ?? '';
      const [given = '', password = ''] = header.startsWith('Basic ')
        ? Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')
        : [];
      attempts.push(given);
      if (given !== auth.user || password !== auth.password) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="folio-test"' });
        return res.end('Unauthorized');
      }
      user = given;
    }
    if (hold && req.method === 'POST' && url.pathname.endsWith('/git-receive-pack')) {
      held.push(res);
      req.resume();
      const release = hold;
      hold = null;
      return release();
    }
    const cgi = spawn('git', ['http-backend'], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: user,
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersSent = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersSent = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const key = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[key] = value;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + 4));
    });
    cgi.on('close', () => {
      if (!headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    attempts,
    holdPushes: () => new Promise<void>((resolve) => (hold = resolve)),
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
