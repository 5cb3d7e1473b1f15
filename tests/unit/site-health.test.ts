/**
 * The site health check on real blogs: a Hugo blog with a defect of each kind seeded in it
 * (tests/fixtures/health/hugo), every clean fixture blog (no false alarm), hostile input,
 * the re-check after a save, and external links against local servers.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkExternalLinks } from '../../electron/services/health/external-links.ts';
import { healthOf, type HealthService } from '../../electron/services/health/health-service.ts';
import { closeFactsWorker } from '../../electron/services/health/facts-pool.ts';
import { Library } from '../../electron/services/library/library.ts';
import { openWorkspace } from '../../electron/services/workspace.ts';
import { postFacts } from '../../shared/health/facts.ts';

const fixtures = path.join(import.meta.dirname, '../fixtures');
const temps: string[] = [];
const opened: Library[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((library) => library.close()));
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a fixture blog (the check reads it; some tests change it). */
function copyOf(source: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-health-'));
  temps.push(dir);
  const blog = path.join(dir, path.basename(source));
  cpSync(source, blog, { recursive: true });
  return blog;
}

async function check(
  root: string,
  workerFrom?: number,
): Promise<{ health: HealthService; library: Library }> {
  const workspace = await openWorkspace(root, 'asset://test/');
  const library = new Library({ root: workspace.info.root, layout: workspace.layout });
  opened.push(library);
  await library.load();
  // Pinned to 2026: the fixture's far-future post is scheduled, its 2024 posts are not.
  const health = healthOf(workspace, library, () => undefined, {
    now: () => Date.UTC(2026, 0, 1),
    ...(workerFrom !== undefined ? { workerFrom } : {}),
  });
  await health.checkAll();
  return { health, library };
}

const rows = (health: HealthService) =>
  health
    .report()
    .problems.map((p) => `${p.severity} ${p.kind} ${path.posix.basename(p.path)}:${p.line}`);

describe('the site health check on a blog with seeded defects', () => {
  it('finds each defect, where it is, with a fix where one is certain', async () => {
    const { health } = await check(copyOf(path.join(fixtures, 'health/hugo')));
    const found = rows(health);
    expect(found).toEqual([
      'error bad-date bad-date.md:1',
      'error missing-image kettle-notes.md:7',
      'error broken-link kettle-notes.md:10',
      'error missing-image kettle-notes.md:17',
      'error broken-ref kettle-notes.md:19',
      'error unsafe-link kettle-notes.md:21',
      'error duplicate-url same-url-a.md:1',
      'error duplicate-url same-url-b.md:1',
      'warning required a-very-long-title-about-oolong-that-goes-on-and-on-past-sixty.md:1',
      'warning broken-anchor kettle-notes.md:10',
      'warning broken-anchor kettle-notes.md:11',
      'warning image-case kettle-notes.md:15',
      'warning outside-link kettle-notes.md:21',
      'warning tag-case spring-tea.md:1',
      'info seo a-very-long-title-about-oolong-that-goes-on-and-on-past-sixty.md:1',
      'info seo a-very-long-title-about-oolong-that-goes-on-and-on-past-sixty.md:1',
      'info seo a-very-long-title-about-oolong-that-goes-on-and-on-past-sixty.md:11',
      'info seo a-very-long-title-about-oolong-that-goes-on-and-on-past-sixty.md:13',
      'info scheduled from-the-future.md:1',
      'info seo kettle-notes.md:15',
    ]);
    console.info(`site health: ${found.length} problems found in the seeded Hugo blog`);
    const problems = health.report().problems;
    const moved = problems.find((p) => p.kind === 'broken-link')!;
    expect(moved).toMatchObject({ column: 22, target: '/blog/spring-tea/' });
    expect(moved.fix).toMatchObject({ from: '/blog/spring-tea/', to: '/posts/spring-tea/' });
    expect(problems.find((p) => p.kind === 'image-case')!.fix).toMatchObject({
      from: '/images/Cup.PNG',
      to: '/images/cup.png',
    });
    // The external link is listed, not checked.
    expect(health.report().external.map((l) => l.url)).toEqual(['https://example.com/kettles']);
    expect(health.summary()).toMatchObject({ errors: 8, warnings: 6, notes: 6, checking: null });
  });

  it('finds the same when a worker reads part of the blog (as for big blogs)', async () => {
    const inProcess = rows((await check(copyOf(path.join(fixtures, 'health/hugo')))).health);
    const { health } = await check(copyOf(path.join(fixtures, 'health/hugo')), 1);
    expect(rows(health)).toEqual(inProcess);
    await closeFactsWorker();
  });

  it('re-checks a saved post alone, and the whole site when a URL changes', async () => {
    const root = copyOf(path.join(fixtures, 'health/hugo'));
    const { health, library } = await check(root);
    const kettle = path.join(root, 'content/posts/kettle-notes.md');
    const { readFileSync } = await import('node:fs');
    writeFileSync(kettle, readFileSync(kettle, 'utf8').replace('(#nowhere)', '(#the-stove)'));
    library.reindexOne('content/posts/kettle-notes.md');
    await health.update(['content/posts/kettle-notes.md']);
    expect(rows(health)).not.toContain('warning broken-anchor kettle-notes.md:11');
    expect(rows(health)).toContain('warning broken-anchor kettle-notes.md:10');

    // The linked post's heading gets the id the link wants: the other post's link is fine now.
    const spring = path.join(root, 'content/posts/spring-tea.md');
    writeFileSync(spring, readFileSync(spring, 'utf8').replace('## Steeping times', '## Steeping'));
    library.reindexOne('content/posts/spring-tea.md');
    await health.update(['content/posts/spring-tea.md']);
    expect(rows(health)).not.toContain('warning broken-anchor kettle-notes.md:10');
  });
});

describe('files added after the full check', () => {
  it('an image Folio adds (a paste) counts as there when the post is checked again', async () => {
    const root = copyOf(path.join(fixtures, 'health/hugo'));
    const { health, library } = await check(root);
    expect(rows(health)).toContain('error missing-image kettle-notes.md:17');
    writeFileSync(path.join(root, 'static/images/kettle.png'), 'PNG');
    health.addFile('static/images/kettle.png');
    library.reindexOne('content/posts/kettle-notes.md');
    await health.update(['content/posts/kettle-notes.md']);
    expect(rows(health)).not.toContain('error missing-image kettle-notes.md:17');
  });
});

describe('no false alarms', () => {
  const clean = [
    'assets/sample-blog',
    ...['hugo', 'hexo', 'jekyll', 'eleventy', 'astro'].map((g) => `tests/fixtures/dialects/${g}`),
    ...[
      'hugo',
      'hexo',
      'jekyll',
      'eleventy',
      'astro',
      'vuepress',
      'vitepress',
      'gatsby',
      'next',
      'plain',
    ].map((g) => `tests/fixtures/blogs/${g}`),
  ];
  it.each(clean)('%s has no errors or warnings', async (blog) => {
    const { health } = await check(path.join(import.meta.dirname, '../..', blog));
    expect(rows(health).filter((row) => !row.startsWith('info'))).toEqual([]);
  });
});

describe('hostile input', () => {
  it('reads a 50,000-link post in part, and decodes links as the site does', () => {
    const links = Array.from({ length: 50_000 }, (_, i) => `[x${i}](/posts/p${i}/)`).join(' ');
    const facts = postFacts(`---\ntitle: x\n---\n${links}\n`, 16);
    expect(facts.refs).toHaveLength(10_000);
    expect(facts.refs[1]).toMatchObject({ kind: 'link', target: '/posts/p1/', line: 4 });
  });

  it('counts a symlinked asset as there, reports an unsafe scheme, and never reads outside the blog', async () => {
    const root = copyOf(path.join(fixtures, 'health/hugo'));
    symlinkSync(
      path.join(root, 'static/images/cup.png'),
      path.join(root, 'static/images/kettle.png'),
    );
    const { health } = await check(root);
    const found = rows(health);
    expect(found).not.toContain('error missing-image kettle-notes.md:17');
    expect(found).toContain('error unsafe-link kettle-notes.md:21');
    expect(found).toContain('warning outside-link kettle-notes.md:21');
  });
});

describe('external links, only when asked', () => {
  const servers: http.Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });
  const serve = (handler: http.RequestListener) =>
    new Promise<string>((resolve) => {
      const server = http.createServer(handler).listen(0, '127.0.0.1', () => {
        resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
      });
      servers.push(server);
    });

  it('asks HEAD then GET, one request per host at a time, and tells broken from ok', async () => {
    let inFlight = 0;
    let most = 0;
    const base = await serve((req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        if (req.url === '/gone') res.writeHead(404).end();
        else if (req.url === '/no-head' && req.method === 'HEAD') res.writeHead(405).end();
        else if (req.url === '/slow')
          return; // never answers
        else res.writeHead(200).end('ok');
      }, 20);
    });
    const results = await checkExternalLinks(
      [`${base}/fine`, `${base}/gone`, `${base}/no-head`, `${base}/slow`, `${base}/fine`],
      { timeoutMs: 500, perHostMs: 10 },
    );
    expect(results.map((r) => [new URL(r.url).pathname, r.state, r.status ?? null])).toEqual([
      ['/fine', 'ok', 200],
      ['/gone', 'broken', 404],
      ['/no-head', 'ok', 200],
      ['/slow', 'unreachable', null],
    ]);
    expect(most).toBe(1);
  });

  it('says offline when no host can be reached at all', async () => {
    const results = await checkExternalLinks(
      ['http://folio-link-check.invalid/a', 'https://another-host.invalid/b'],
      { timeoutMs: 2000, perHostMs: 0 },
    );
    expect(results.map((r) => r.state)).toEqual(['offline', 'offline']);
  });
});
