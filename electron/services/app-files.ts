import path from 'node:path';

/**
 * The file of the built renderer an `app://folio/...` URL names, confined to `distFolder`;
 * null when the URL tries to leave it (the protocol handler answers 404).
 */
export function resolveAppRequest(distFolder: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const file = path.resolve(distFolder, '.' + (pathname === '/' ? '/index.html' : pathname));
  const rel = path.relative(distFolder, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}
