/**
 * One fixture, two hosts: every spec gets a page showing Folio on a temp copy of the sample
 * blog, in the Chromium host (always) or the Electron host (when an Electron binary exists).
 */
import {
  test as base,
  expect,
  type ElectronApplication,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openChromiumHost, type HostControls } from './hosts/chromium-host.ts';
import { electronBinary, openElectronHost } from './hosts/electron-host.ts';
import { sampleBlog, screenshotDir, tempBlog } from './hosts/paths.ts';

export interface FolioFixture {
  page: Page;
  /** The temp blog folder the app has open. */
  blog: string;
  /** The app's data folder (settings, backups, index cache) for this test. */
  dataFolder: string;
  host: 'chromium' | 'electron';
  /** Chromium host only: stands in for the native dialogs and the system browser. */
  controls: HostControls | null;
  /** Electron host only: the app, to evaluate in the main process (e.g. answer a dialog). */
  electron: ElectronApplication | null;
  screenshot(name: string): Promise<void>;
}

/** The Electron project's tests skip where there is no Electron binary to launch. */
export function skipWithoutHost(testInfo: TestInfo): void {
  if (testInfo.project.metadata.host === 'electron')
    test.skip(!electronBinary(), 'no Electron binary');
}

export const test = base.extend<{ folio: FolioFixture; blogSource: string }>({
  /** Which blog a spec opens: the sample blog, or a folder under tests/fixtures/blogs. */
  blogSource: [sampleBlog, { option: true }],
  folio: async ({ blogSource }, use, testInfo) => {
    const host = testInfo.project.metadata.host as 'chromium' | 'electron';
    skipWithoutHost(testInfo);
    const temp = tempBlog(blogSource);
    const opened =
      host === 'electron'
        ? { ...(await openElectronHost(temp.blog, temp.data)), controls: null }
        : { ...(await openChromiumHost(temp.blog, temp.data)), app: null };
    const fixture: FolioFixture = {
      page: opened.page,
      blog: temp.blog,
      dataFolder: temp.data,
      host,
      controls: opened.controls,
      electron: opened.app,
      async screenshot(name) {
        mkdirSync(screenshotDir, { recursive: true });
        await opened.page.screenshot({ path: path.join(screenshotDir, `${host}-${name}.png`) });
      },
    };
    try {
      await use(fixture);
    } finally {
      await opened.close();
      temp.dispose();
    }
  },
});

export { expect };
