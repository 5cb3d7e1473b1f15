import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../../../shared/errors.ts';

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  // `..` as a whole first segment, not a name like `..notes.md` that merely starts with it.
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * Percent-encoded dots, slashes, backslashes and NUL (`%2e%2e%2f`, `%252f` once decoded by
 * an asset URL): paths from the renderer are plain, so an encoded separator is an attempt to
 * slip past the checks below, never a file name a writer chose.
 */
const ENCODED_SEPARATOR = /%(2e|2f|5c|00)/i;

/** `relativePath` as the renderer writes it: `/`-separated, relative to the blog folder. */
function checkShape(relativePath: string): void {
  if (relativePath.includes('\0')) {
    throw new FolioError('OUTSIDE_FOLDER', 'The path contains a NUL character');
  }
  if (ENCODED_SEPARATOR.test(relativePath)) {
    throw new FolioError(
      'OUTSIDE_FOLDER',
      `“${relativePath}” contains a URL-encoded dot, slash or NUL; give the path as it is written`,
    );
  }
  if (
    path.isAbsolute(relativePath) ||
    path.win32.isAbsolute(relativePath) ||
    relativePath.includes('\\') ||
    // `C:notes.md` is relative to drive C's current folder on Windows, not to the blog.
    /^[a-z]:/i.test(relativePath)
  ) {
    throw new FolioError(
      'OUTSIDE_FOLDER',
      `“${relativePath}” is not a path inside the blog folder`,
    );
  }
}

/**
 * Resolves a path from the renderer to a real path inside `root` (itself a real path).
 * Symlinks are followed before the check, so a link pointing out of the folder is refused.
 */
export async function resolveInside(root: string, relativePath: string): Promise<string> {
  checkShape(relativePath);
  const joined = path.resolve(root, relativePath);
  if (!isInside(root, joined)) {
    throw new FolioError('OUTSIDE_FOLDER', `“${relativePath}” is outside the blog folder`);
  }
  let real: string;
  try {
    real = await realpath(joined);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file used as a folder (`post.md/x`) is as absent as a missing one.
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new FolioError('NOT_FOUND', `“${relativePath}” does not exist in the blog folder`);
    }
    if (code === 'ELOOP') {
      throw new FolioError('NOT_FOUND', `“${relativePath}” is a loop of symbolic links`);
    }
    if (code === 'ENAMETOOLONG') {
      throw new FolioError('INVALID_ARGUMENT', `“${relativePath.slice(0, 80)}…” is too long`);
    }
    throw error;
  }
  if (!isInside(root, real)) {
    throw new FolioError('OUTSIDE_FOLDER', `“${relativePath}” leads outside the blog folder`);
  }
  return real;
}

/** The renderer-facing form of a path inside `root`. */
export function toRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
