import { readFile, stat } from 'node:fs/promises';
import { MAX_POST_CHARS } from '../../../shared/api.ts';
import { FolioError } from '../../../shared/errors.ts';
import type { FileVersion, PostFile, SaveResult } from '../../../shared/models.ts';
import { summarize } from '../library/list-posts.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { toIoError } from './io-errors.ts';
import { resolveInside } from './paths.ts';
import { sameVersion, versionOf } from './version.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a post's bytes; anything that would not survive a save unchanged is refused. */
export function decodePost(bytes: Uint8Array, relativePath: string): string {
  if (bytes.length > MAX_POST_CHARS) {
    throw new FolioError(
      'TOO_LARGE',
      `“${relativePath}” is ${Math.round(bytes.length / 1048576)} MB, more than Folio opens`,
    );
  }
  if (bytes.includes(0)) {
    throw new FolioError(
      'NOT_TEXT',
      `“${relativePath}” contains NUL bytes: it looks like a binary file, not Markdown`,
    );
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FolioError(
      'NOT_TEXT',
      `“${relativePath}” is not valid UTF-8 text; Folio will not re-encode it`,
    );
  }
}

export async function readPost(root: string, relativePath: string): Promise<PostFile> {
  const file = await resolveInside(root, relativePath);
  // Checked before reading: reading a folder throws a bare EISDIR.
  if (!(await stat(file)).isFile()) {
    throw new FolioError('NOT_FOUND', `“${relativePath}” is not a file`);
  }
  const bytes = await readFile(file);
  const stats = await stat(file);
  return {
    path: relativePath,
    text: decodePost(bytes, relativePath),
    version: versionOf(bytes, stats),
  };
}

/**
 * Saves `text` over the post if the file on disk is still the version the writer opened.
 * Otherwise nothing is written and a CONFLICT error says so; the editor keeps the text.
 */
export async function savePost(
  root: string,
  relativePath: string,
  text: string,
  expected: FileVersion,
  inDraftFolder: (relativePath: string) => boolean,
): Promise<SaveResult> {
  const file = await resolveInside(root, relativePath);
  const bytes = Buffer.from(text, 'utf8');
  try {
    const current = await readFile(file);
    if (!sameVersion(versionOf(current, await stat(file)), expected)) {
      throw new FolioError(
        'CONFLICT',
        `“${relativePath}” changed on disk since you opened it. Nothing was saved; your text is still in the editor.`,
      );
    }
    await writeFileAtomic(file, bytes);
  } catch (error) {
    throw toIoError(error, 'save', relativePath);
  }
  return {
    path: relativePath,
    version: versionOf(bytes, await stat(file)),
    summary: summarize(relativePath, text, inDraftFolder(relativePath)),
  };
}
