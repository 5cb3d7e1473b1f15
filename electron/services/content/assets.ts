import path from 'node:path';
import { FolioError } from '../../../shared/errors.ts';
import { resolveInside } from '../files/paths.ts';

/**
 * Maps an asset URL (`asset://blog/source/images/a.png` in Electron, `<origin>/@asset/...`
 * in the test host) to a real file inside the blog folder, or throws a typed error.
 */
export async function resolveAssetRequest(
  root: string,
  url: string,
  base: string,
): Promise<string> {
  if (!url.startsWith(base)) throw new FolioError('NOT_FOUND', `Not an asset URL: ${url}`);
  const tail = url.slice(base.length).split(/[?#]/)[0] ?? '';
  let relative: string;
  try {
    relative = decodeURIComponent(tail);
  } catch {
    throw new FolioError('INVALID_ARGUMENT', `The asset path “${tail}” is not valid`);
  }
  return resolveInside(root, relative);
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.css': 'text/css',
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
