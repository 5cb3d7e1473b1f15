/**
 * The Electron host: the built app launched with Playwright's `_electron`. Electron 42+
 * downloads its binary on first launch; where none is present (machines without internet)
 * the specs are skipped with the reason instead of triggering that download.
 */
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.ts';

export function electronBinary(): string | null {
  const pkg = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist');
  const binary = path.join(dist, relative);
  return existsSync(binary) ? binary : null;
}

export async function openElectronHost(
  blog: string,
  dataFolder: string,
): Promise<{ page: Page; app: ElectronApplication; close(): Promise<void> }> {
  const executablePath = electronBinary();
  if (!executablePath) throw new Error('no Electron binary');
  const app = await _electron.launch({
    executablePath,
    args: [repoRoot, blog],
    env: { ...process.env, FOLIO_USER_DATA: dataFolder },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { page, app, close: () => app.close() };
}
