import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Prints an exported page to PDF in a hidden window that runs no script, reaches no preload
 * and cannot navigate: the page is the standalone HTML of shared/export-html.ts, loaded from
 * a temp file (a big data: URL with inlined images is slower and size-limited on Windows).
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'folio-pdf-'));
  const file = path.join(folder, 'post.html');
  // electronegativity: AUXCLICK_JS_CHECK — hidden, JavaScript off, never shown: nobody clicks it,
  // and its window-open handler denies everything anyway.
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  try {
    await writeFile(file, html, 'utf8');
    await win.loadFile(file);
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    win.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
