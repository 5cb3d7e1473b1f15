import { cpSync, mkdtempSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SiteServer } from '../electron/services/site-server/site-server.ts';

const gen = process.argv[2] as 'hugo';
const blog = mkdtempSync(path.join(os.tmpdir(), 'try-'));
cpSync(`tests/fixtures/site-preview/${gen}`, blog, { recursive: true });
const trust: Record<string, string> = {};
const server = new SiteServer({
  dataFolder: mkdtempSync(path.join(os.tmpdir(), 'data-')),
  emit: (s) => console.log('EMIT', s.state, s.url, s.buildMs, s.build, s.lines.at(-1) ?? ''),
  trust: { get: (r) => trust[r], set: async (r, f) => void (trust[r] = f) },
});
await server.open({ root: blog, generator: gen, basePath: process.argv[3] ?? '', env: process.env });
console.log(await server.start());
console.log(await server.start({ trust: true }));
await new Promise((r) => setTimeout(r, 5000));
server.saved();
const post = process.argv[4]!;
appendFileSync(path.join(blog, post), '\nA new line.\n');
await new Promise((r) => setTimeout(r, 3000));
console.log(server.current().state, server.current().build);
await server.stop();
console.log('stopped', server.current().state);
