/**
 * The Chromium host: the built renderer in a real Chromium, with `window.folio` built by the
 * same `createBridge` the preload uses, over the real main-process handlers in this Node
 * process (Playwright's exposeBinding). Pages come from http://folio.test with the app's CSP.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { EventChannel, EventPayload } from '../../../shared/api.ts';
import { eventChannels, requestChannels } from '../../../shared/channels.ts';
import { createBridge } from '../../../shared/client.ts';
import { resolveAppRequest } from '../../../electron/services/app-files.ts';
import { mimeType, resolveAssetRequest } from '../../../electron/services/content/assets.ts';
import { createDispatcher } from '../../../electron/services/dispatch.ts';
import { createFolio, type Folio } from '../../../electron/services/handlers.ts';
import { FRAMING_CONTENT_SECURITY_POLICY } from '../../../electron/services/security/csp.ts';
import { createSettingsStore } from '../../../electron/services/settings/settings.ts';
import { faultyFileSystem, type Fault } from '../../fault/faulty-fs.ts';
import { rendererDist } from './paths.ts';

const ORIGIN = 'http://folio.test';
export const CHROMIUM_ASSET_BASE = `${ORIGIN}/@asset/`;

export interface HostControls {
  /** Folders the next native folder dialogs return (null = cancelled). */
  folderPicks: Array<string | null>;
  /** Files the next native file dialogs return (null = cancelled). */
  filePicks: Array<string | null>;
  /** Paths the next native save dialogs return (null = cancelled). */
  savePicks: Array<string | null>;
  externalUrls: string[];
  /** Paths File › Reveal in Folder showed. */
  revealed: string[];
  /**
   * Recorder for tests/e2e/specs/xss.spec.ts: every request the page sends over the bridge,
   * in order, with its raw arguments (before validation), so a spec can prove a post made none.
   */
  calls: Array<{ channel: string; args: unknown }>;
  /**
   * Disk failures the next saves meet (tests/e2e/specs/safety.spec.ts): each is consumed by
   * the save call it breaks, through the same injectable file system the unit tests use.
   */
  saveFaults: Fault[];
  /**
   * Stand-in for the system trash (only the trash call itself is stood in for): each item is
   * moved into `trashFolder`, and its original path recorded here.
   */
  trashed: string[];
  trashFolder: string;
  /**
   * Channels whose answers wait until the promise settles: a slow trip across the bridge, to
   * see what the window shows meanwhile (the answer itself is the real handler's).
   */
  held: Map<string, Promise<void>>;
  /** The environment programs started for the app get (a spec takes a generator off PATH). */
  env: NodeJS.ProcessEnv;
  folio: Folio;
}

let browser: Promise<Browser> | null = null;

const JSON_RESULT = '__folioJson';

/**
 * A result as one JSON string where JSON carries it whole. Playwright walks a returned object
 * value by value into its own format: the 10,000-post list took 2 s that way, where Electron's
 * IPC clones it in about 60 ms; one string crosses in a few. Binary results go as they are.
 */
function asJson(result: unknown): unknown {
  if (result === undefined || result === null || typeof result !== 'object') return result;
  let binary = false;
  const json = JSON.stringify(result, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) binary = true;
    return value;
  });
  return binary ? result : { [JSON_RESULT]: json };
}

/** Closes the shared browser (scripts outside the test runner, like the benchmarks). */
export async function closeChromium(): Promise<void> {
  const open = browser;
  browser = null;
  if (open) await (await open).close();
}

/** The Chromium every page of this process opens in (one browser, a context per page). */
export function launch(): Promise<Browser> {
  const executablePath = process.env.FOLIO_CHROMIUM || undefined;
  browser ??= chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The host's page comes from a made-up public origin (http://folio.test), which Local
      // Network Access forbids to frame the Site preview's server on 127.0.0.1. In Electron
      // the site's page is a top-level view of its own (electron/site-view.ts), so no check
      // of this kind stands between them there.
      '--disable-features=LocalNetworkAccessChecks',
    ],
  });
  return browser;
}

export async function openChromiumHost(
  blog: string,
  dataFolder: string,
  query = '',
): Promise<{ page: Page; controls: HostControls; close(): Promise<void> }> {
  if (!existsSync(rendererDist)) throw new Error('Build the renderer first: npm run build');
  const context = await (await launch()).newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const controls: HostControls = {
    folderPicks: [],
    filePicks: [],
    savePicks: [],
    externalUrls: [],
    revealed: [],
    calls: [],
    saveFaults: [],
    trashed: [],
    trashFolder: path.join(dataFolder, 'trash'),
    held: new Map(),
    env: { ...process.env },
    folio: undefined as unknown as Folio,
  };
  controls.folio = createFolio({
    settings: createSettingsStore(dataFolder),
    assetBase: CHROMIUM_ASSET_BASE,
    dataFolder,
    fileSystem: faultyFileSystem(controls.saveFaults),
    pickFolder: async () => controls.folderPicks.shift() ?? null,
    pickFile: async () => controls.filePicks.shift() ?? null,
    pickSaveFile: async () => controls.savePicks.shift() ?? null,
    // Chromium's own printing stands in for webContents.printToPDF (same engine).
    printToPDF: async (html) => {
      const printer = await context.newPage();
      try {
        await printer.setContent(html);
        return await printer.pdf({ format: 'A4', printBackground: true });
      } finally {
        await printer.close();
      }
    },
    openExternal: async (url) => void controls.externalUrls.push(url),
    environment: () => controls.env,
    revealPath: (file) => void controls.revealed.push(file),
    trashItem: async (file) => {
      mkdirSync(controls.trashFolder, { recursive: true });
      renameSync(
        file,
        path.join(controls.trashFolder, `${controls.trashed.length}-${path.basename(file)}`),
      );
      controls.trashed.push(file);
    },
    emit: <E extends EventChannel>(channel: E, payload: EventPayload<E>) => {
      void page
        .evaluate(
          ([c, p]) =>
            (window as unknown as { __folioEmit(c: string, p: unknown): void }).__folioEmit(c, p),
          [channel, payload] as const,
        )
        .catch(() => undefined);
    },
  });
  await controls.folio.openFolder(blog);
  const dispatch = createDispatcher(controls.folio.handlers);
  await page.exposeBinding('__folioInvoke', async (_source, channel: unknown, args: unknown) => {
    controls.calls.push({ channel: String(channel), args }); // the recorder, see HostControls
    const answer = await dispatch(channel, args);
    await controls.held.get(String(channel));
    return asJson(answer);
  });
  await page.addInitScript({
    content: `(() => {
      const listeners = new Map();
      window.__folioEmit = (channel, payload) => (listeners.get(channel) || []).forEach((l) => l(payload));
      const subscribe = (channel, listener) => {
        listeners.set(channel, [...(listeners.get(channel) || []), listener]);
        return () => listeners.set(channel, (listeners.get(channel) || []).filter((l) => l !== listener));
      };
      const invoke = async (channel, args) => {
        const result = await window.__folioInvoke(channel, args);
        return result && typeof result === 'object' && '${JSON_RESULT}' in result ? JSON.parse(result.${JSON_RESULT}) : result;
      };
      window.folio = (${createBridge.toString()})(invoke, subscribe, ${JSON.stringify({ requestChannels, eventChannels })});
    })();`,
  });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = route.request().url();
    if (url.startsWith(CHROMIUM_ASSET_BASE)) {
      const root = controls.folio.workspace()?.info.root;
      try {
        const file = await resolveAssetRequest(root ?? '', url, CHROMIUM_ASSET_BASE);
        return route.fulfill({ body: readFileSync(file), contentType: mimeType(file) });
      } catch {
        return route.fulfill({ status: 404, body: 'Not found' });
      }
    }
    const file = resolveAppRequest(rendererDist, url);
    if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      body: readFileSync(file),
      contentType: mimeType(file),
      headers: { 'Content-Security-Policy': FRAMING_CONTENT_SECURITY_POLICY },
    });
  });
  await page.goto(`${ORIGIN}/index.html${query}`);
  return {
    page,
    controls,
    close: async () => {
      await controls.folio.dispose();
      await context.close();
    },
  };
}
