/**
 * Nothing in a post runs (security checklist 8): every vector in tests/fixtures/xss-vectors.ts
 * goes through the real editor, Markdown renderer, sanitizer and preview, gets every element
 * clicked, and must leave no trace: no sentinel, no dialog, no navigation, no popup, no frame,
 * no request off the app (but images), no bridge request but the app's own, no CSP violation
 * (CSP would stop a payload the sanitizer let through, so a violation is the sanitizer's
 * failure), and nothing dangerous left in the preview's DOM.
 *
 * One Chromium-host page per worker serves every vector (a fresh app per vector would cost
 * ~2 s each); a failing test gets its worker, and so its page, replaced by Playwright.
 */
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EVIL_HOST, PWNED, xssVectors, type XssVector } from '../../fixtures/xss-vectors.ts';
import { test as base, expect } from '../fixtures.ts';
import { openPost, replaceBody } from '../helpers.ts';
import { openChromiumHost, type HostControls } from '../hosts/chromium-host.ts';
import { tempBlog } from '../hosts/paths.ts';

const POST_TITLE = 'Debouncing Without Tears';
const APP_ORIGIN = 'http://folio.test';
/** What the app itself asks the main process for; a post may add nothing to it. */
const APP_CHANNELS = new Set([
  'readPost',
  'listPosts',
  'listFirstPosts',
  'getSchema',
  'getWorkspace',
  'openExternal',
]);
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

interface Lab {
  page: Page;
  blog: string;
  controls: HostControls;
  /** Everything a vector might leave behind, cleared before each vector. */
  seen: {
    dialogs: string[];
    popups: string[];
    navigations: string[];
    requests: string[];
  };
}

const test = base.extend<object, { lab: Lab | null }>({
  lab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      if (workerInfo.project.metadata.host !== 'chromium') return use(null);
      const temp = tempBlog();
      const host = await openChromiumHost(temp.blog, temp.data);
      const { page } = host;
      const seen: Lab['seen'] = { dialogs: [], popups: [], navigations: [], requests: [] };
      page.on('dialog', (dialog) => {
        seen.dialogs.push(`${dialog.type()}(${dialog.message()})`);
        void dialog.dismiss().catch(() => undefined);
      });
      page.context().on('page', (popup) => {
        seen.popups.push(popup.url() || 'about:blank');
        void popup.close().catch(() => undefined);
      });
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame() || !frame.url().startsWith(`${APP_ORIGIN}/`))
          seen.navigations.push(frame.url());
      });
      // Nothing leaves the machine: requests off the app are recorded and answered with 404.
      await page.context().route(
        (url) => url.origin !== APP_ORIGIN,
        (route) => {
          const request = route.request();
          seen.requests.push(`${request.resourceType()} ${request.url()}`);
          return route.fulfill({ status: 404, body: '' });
        },
      );
      await page.evaluate(watchPreview);
      await openPost(page, POST_TITLE);
      try {
        await use({ page, blog: temp.blog, controls: host.controls, seen });
      } finally {
        await host.close();
        temp.dispose();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

/**
 * Runs in the page, once: from then on every element that enters (or leaves) the preview body,
 * and every attribute set there, is checked for what could run, load, submit or navigate, as
 * it arrives (a MutationObserver callback runs before any load or error event can remove it),
 * and every CSP violation is kept.
 */
function watchPreview(): void {
  const forbidden = new Set(
    'script iframe frame frameset object embed applet portal webview form input button textarea select meta base link style set animate foreignobject area'.split(
      ' ',
    ),
  );
  const urlAttributes = new Set(
    'href xlink:href src action formaction data poster background dynsrc lowsrc codebase cite to from values by'.split(
      ' ',
    ),
  );
  const watch = { findings: [] as string[], csp: [] as string[] };
  (window as unknown as { __xssWatch: typeof watch }).__xssWatch = watch;
  const audit = (el: Element) => {
    const tag = el.localName.toLowerCase();
    const found = (what: string) => watch.findings.push(`${what} in ${el.outerHTML.slice(0, 160)}`);
    // The one input a post may show: a task list's disabled checkbox, with nothing else on it.
    const taskBox =
      tag === 'input' &&
      el.getAttribute('type') === 'checkbox' &&
      el.hasAttribute('disabled') &&
      el.getAttribute('class') === 'task-list-item-checkbox' &&
      [...el.attributes].every((a) => ['type', 'disabled', 'class', 'checked'].includes(a.name));
    if (forbidden.has(tag) && !taskBox) found(`<${tag}>`);
    for (const { name, value } of el.attributes) {
      const attr = name.toLowerCase();
      // What a browser makes of a URL: no whitespace or controls, any case.
      // eslint-disable-next-line no-control-regex
      const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (attr.startsWith('on')) found(attr);
      else if (['srcdoc', 'srcset', 'ping', 'target', 'formtarget'].includes(attr)) found(attr);
      // Inline styles may one day be let through for KaTeX's layout; what loads or covers
      // the app may not.
      else if (
        attr === 'style' &&
        /url\(|expression\(|behavior:|binding:|@import|position:fixed/.test(url)
      )
        found(attr);
      else if (urlAttributes.has(attr) && /^(javascript|vbscript|data):/.test(url)) {
        const image = /^data:image\/(png|gif|jpe?g|webp|avif);/.test(url);
        if (!(tag === 'img' && attr === 'src' && image)) found(`${attr}=${value}`);
      }
    }
  };
  const inPreview = (node: Node) =>
    node instanceof Element && !!node.closest('[data-testid=preview-body]');
  new MutationObserver((records) => {
    for (const record of records) {
      if (!inPreview(record.target)) continue;
      if (record.type === 'attributes') audit(record.target as Element);
      // Removed nodes too: the preview swaps an image without a source for a marker at once.
      for (const node of [...record.addedNodes, ...record.removedNodes]) {
        if (!(node instanceof Element)) continue;
        audit(node);
        node.querySelectorAll('*').forEach(audit);
      }
    }
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      // DOMPurify parses the post in an inert document (DOMParser), and Chromium reports the
      // inline handlers and <base> it meets there to this document, from DOMPurify's line in
      // the app's script: nothing can run in that document, so those are not the preview's.
      // (A report about an element the preview already removed reaches no listener: the DOM
      // audit above is the primary check, this one the second.)
      if (event.target === document && event.sourceFile.startsWith(`${location.origin}/assets/`))
        return;
      const where = event.target instanceof Element ? ` by <${event.target.localName}>` : '';
      watch.csp.push(`${event.effectiveDirective} ${event.blockedURI}${where}`);
    },
    true,
  );
}

/**
 * Clicks every element of the preview body: with the mouse where it shows (a trusted click,
 * hovering on the way), then with a click event wherever it is, shown or not.
 */
async function clickEverything(page: Page): Promise<void> {
  // Everything but the marker paragraph, which comes first, and the groups blocks sit in.
  const selector =
    '[data-testid=preview-body] :is(.preview-group > :not(:first-child), .preview-group > :not(:first-child) *)';
  const points = await page.evaluate((all) => {
    document.querySelector('[data-testid=preview-scroller]')?.scrollTo(0, 0);
    return [...document.querySelectorAll(all)].flatMap((el) => {
      const box = el.getBoundingClientRect();
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      return box.width > 0 && box.height > 0 && y < innerHeight ? [{ x, y }] : [];
    });
  }, selector);
  for (const { x, y } of points) await page.mouse.click(x, y);
  await page.evaluate((all) => {
    for (const el of document.querySelectorAll(all))
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  }, selector);
}

/** A URL the preview may hand to the system browser: http(s) or mailto, nothing else. */
function allowedExternal(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** A backup the app made of the post as the spec typed it, with some vector in it. */
function isBackupOfAVector(args: unknown): boolean {
  const text = (args as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') return false;
  const n = /\nXSS-VECTOR-(\d+)\n\n/.exec(text)?.[1];
  const vector = xssVectors[Number(n) - 1];
  return !!vector && text.endsWith(`\nXSS-VECTOR-${vector.n}\n\n${vector.source}\n`);
}

async function tryVector(lab: Lab, vector: XssVector): Promise<string[]> {
  const { page, controls, seen } = lab;
  const appUrl = page.url();
  for (const list of Object.values(seen)) list.length = 0;
  controls.calls.length = 0;
  await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __xssWatch: Record<string, string[]> };
    delete w.__xss;
    for (const list of Object.values(w.__xssWatch)) list.length = 0;
  });

  // The marker comes first: an unclosed tag in the vector cannot swallow it.
  const marker = `XSS-VECTOR-${vector.n}`;
  await replaceBody(page, `${marker}\n\n${vector.source}\n`);
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid=preview-body] p')?.textContent === text,
    marker,
  );

  await clickEverything(page);
  await page.waitForTimeout(50); // for timers, load and error events; nothing is timed

  const state = await page.evaluate(() => {
    const w = window as unknown as {
      __xss?: unknown;
      __xssWatch: { findings: string[]; csp: string[] };
    };
    return { sentinel: w.__xss, ...w.__xssWatch };
  });
  const problems = [...new Set(state.findings)].map((f) => `preview got ${f}`);
  if (state.sentinel !== undefined) problems.push(`window.__xss = ${String(state.sentinel)}`);
  problems.push(...state.csp.map((v) => `CSP blocked ${v}`));
  if (page.url() !== appUrl) problems.push(`the app navigated to ${page.url()}`);
  problems.push(...seen.dialogs.map((d) => `dialog ${d}`));
  problems.push(...seen.popups.map((p) => `window opened: ${p}`));
  problems.push(...seen.navigations.map((n) => `frame navigated to ${n}`));
  if (page.frames().length !== 1) problems.push(`${page.frames().length - 1} frame(s) in the page`);
  for (const request of seen.requests) {
    if (!request.startsWith('image ') || request.includes(EVIL_HOST))
      problems.push(`request ${request}`);
  }
  for (const { channel, args } of controls.calls) {
    // The app's own backup of the unsaved post (hot exit, a second after typing, so maybe of
    // the vector before) carries the post's text, vector and all.
    if (channel === 'backupPost' && isBackupOfAVector(args)) continue;
    const text = JSON.stringify(args);
    const url = (args as { url?: unknown } | null)?.url;
    if (!APP_CHANNELS.has(channel) || text.includes(PWNED))
      problems.push(`folio.${channel}(${text})`);
    else if (channel === 'openExternal' && !(typeof url === 'string' && allowedExternal(url)))
      problems.push(`folio.openExternal(${text})`);
  }
  if (existsSync(path.join(lab.blog, 'source', '_posts', `${PWNED}.md`)))
    problems.push('a post was written');
  return problems;
}

test.describe('a post cannot run anything in the preview', () => {
  for (const vector of xssVectors) {
    test(`#${vector.n} ${vector.id}`, async ({ lab }) => {
      test.skip(!lab, 'needs the Chromium host: its request recorder and stand-in browser');
      const problems = await tryVector(lab!, vector);
      expect(problems, `vector #${vector.n} (${vector.id}):\n${vector.source}`).toEqual([]);
    });
  }
});

test('the app page comes with a strict Content-Security-Policy header', async ({ folio }) => {
  test.skip(folio.host !== 'chromium', 'the app:// response is not visible to Playwright');
  const response = await folio.page.reload();
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
});

test('script that gets past the sanitizer still cannot run: CSP stops it', async ({ folio }) => {
  const { page } = folio;
  await openPost(page, POST_TITLE);
  await page.evaluate(() => {
    const w = window as unknown as { __violations: string[] };
    const body = document.querySelector('[data-testid=preview-body]')!;
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(e.effectiveDirective),
    );
    // Straight into the DOM, as if DOMPurify had missed it: handlers run on insertion...
    body.innerHTML =
      '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"' +
      ' onload="(window.__csp ||= []).push(1)">' +
      '<svg onload="(window.__csp ||= []).push(2)"></svg>' +
      '<iframe srcdoc="<script>(parent.__csp ||= []).push(3)</script>"></iframe>' +
      '<iframe src="data:text/html,<script>(parent.__csp ||= []).push(4)</script>"></iframe>' +
      '<object data="data:text/html,<script>(parent.__csp ||= []).push(5)</script>"></object>';
    // ...and script elements created by hand run when connected, unless CSP forbids them.
    const inline = document.createElement('script');
    inline.textContent = '(window.__csp ||= []).push(6)';
    body.append(inline);
    const fromData = document.createElement('script');
    fromData.src = 'data:text/javascript,(window.__csp ||= []).push(7)';
    body.append(fromData);
  });
  // Every blocked attempt reports its violation; once all have, nothing that CSP let by could
  // still be pending, so the sentinel is read after them rather than after a fixed wait.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))
    .toEqual(
      expect.arrayContaining(['frame-src', 'object-src', 'script-src-attr', 'script-src-elem']),
    );
  // The image's own load (whose handler CSP must block) has happened too.
  await expect(page.getByTestId('preview-body').locator('img').first()).toHaveJSProperty(
    'complete',
    true,
  );
  expect(
    await page.evaluate(() => (window as unknown as { __csp?: number[] }).__csp ?? []),
  ).toEqual([]);
});

// Without an `auxclick` handler a middle click opens a window in the Chromium host
// (Electron's setWindowOpenHandler would deny it there).
test('a middle click on a preview link opens no window', async ({ folio }) => {
  const { page } = folio;
  await openPost(page, POST_TITLE);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n\n[a link](https://example.org/middle)\n');
  const link = page.getByTestId('preview-body').locator('a[href="https://example.org/middle"]');
  const popups: string[] = [];
  page.context().on('page', (popup) => popups.push(popup.url()));
  await link.click({ button: 'middle' });
  await page.waitForTimeout(300);
  expect(popups).toEqual([]);
});
