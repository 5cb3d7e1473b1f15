import { net, protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolveAppRequest } from './services/app-files.ts';
import { mimeType, resolveAssetRequest } from './services/content/assets.ts';
import { CONTENT_SECURITY_POLICY } from './services/security/csp.ts';

/** Each window's blog has its own host (`asset://w1/`, `asset://w2/`…): several windows, several blogs. */
export const assetBaseFor = (windowKey: string): string => `asset://${windowKey}/`;

/** Must run before the app is ready. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: 'asset', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The renderer from `app://folio/`, a window's blog files from `asset://<window>/` (checklist item 4). */
export function handleProtocols(
  rendererFolder: string,
  blogRoot: (windowKey: string) => string | null,
): void {
  protocol.handle('app', async (request) => {
    const file = resolveAppRequest(rendererFolder, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    // electronegativity: CSP_GLOBAL_CHECK — the CSP is this response header, sent with every
    // app:// page, which a static scan of HTML files cannot see (tests/unit csp + the xss spec).
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
  protocol.handle('asset', async (request) => {
    const windowKey = new URL(request.url).host;
    const root = blogRoot(windowKey);
    if (!root) return new Response('No folder is open', { status: 404 });
    try {
      const file = await resolveAssetRequest(root, request.url, assetBaseFor(windowKey));
      return new Response(await readFile(file), {
        headers: { 'Content-Type': mimeType(file), 'X-Content-Type-Options': 'nosniff' },
      });
    } catch (error) {
      return new Response(error instanceof Error ? error.message : 'Not found', { status: 404 });
    }
  });
}
