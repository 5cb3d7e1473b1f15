/** A post's bytes on disk: read (text or read-only), and saved atomically over a known version. */
import { isUtf8 } from 'node:buffer';
import { MAX_POST_CHARS } from '../../../shared/limits.ts';
import { FolioError } from '../../../shared/errors.ts';
import type { FileVersion, PostFile } from '../../../shared/models.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { nodeFileSystem, type SaveFileSystem } from '../files/file-system.ts';
import { toIoError } from '../files/io-errors.ts';
import { resolveInside } from '../files/paths.ts';
import { sameVersion, versionOf } from '../files/version.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** How much of a file is looked at to tell text from binary. */
const SNIFF_BYTES = 8192;
/** Text has tabs and line breaks, not control characters; past this share it is binary. */
const MAX_CONTROL_SHARE = 0.1;

function controlShare(bytes: Uint8Array): number {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (!head.length) return 0;
  let control = 0;
  for (const byte of head) {
    // TAB, LF, FF, CR and ESC (ANSI colours in pasted terminal output) are text.
    if (
      (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) ||
      byte === 0x7f
    )
      control++;
  }
  return control / head.length;
}

/** A post's bytes as text, and whether they must stay read-only to survive unchanged. */
export interface DecodedPost {
  text: string;
  /** Set when the bytes are not UTF-8: the text shown is lossy, so a save would change them. */
  readOnly?: string;
}

/**
 * Decodes a post's bytes. Binary files and files too large to edit are refused; bytes that
 * are not valid UTF-8 are shown with U+FFFD in place of what does not decode, read-only,
 * because writing that text back would re-encode (and so destroy) the writer's bytes.
 */
export function decodePost(bytes: Uint8Array, relativePath: string): DecodedPost {
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
  if (controlShare(bytes) > MAX_CONTROL_SHARE) {
    throw new FolioError(
      'NOT_TEXT',
      `“${relativePath}” is mostly control characters: it looks like a binary file, not Markdown`,
    );
  }
  try {
    return { text: strict.decode(bytes) };
  } catch {
    return {
      text: lossy.decode(bytes),
      readOnly: `“${relativePath}” is not UTF-8 text, so Folio opened it read-only: saving would re-encode it. Convert it to UTF-8 in another editor to edit it here.`,
    };
  }
}

export async function readPost(root: string, relativePath: string): Promise<PostFile> {
  const file = await resolveInside(root, relativePath);
  try {
    // Checked before reading: reading a folder throws a bare EISDIR.
    if (!(await nodeFileSystem.stat(file)).isFile()) {
      throw new FolioError('NOT_FOUND', `“${relativePath}” is not a file`);
    }
    const bytes = await nodeFileSystem.readFile(file);
    const stats = await nodeFileSystem.stat(file);
    const decoded = decodePost(bytes, relativePath);
    return {
      path: relativePath,
      text: decoded.text,
      version: versionOf(bytes, stats),
      ...(decoded.readOnly ? { readOnly: decoded.readOnly } : {}),
    };
  } catch (error) {
    throw toIoError(error, 'open', relativePath, false);
  }
}

export interface WriteOptions {
  fs?: SaveFileSystem;
  /**
   * Told what the file will hold just before it is written, so the folder watcher knows the
   * echo of Folio's own write from a change made elsewhere.
   */
  expect?: (relativePath: string, text: string) => void;
}

/** Why an edit of a post's text leaves the post as it is (the caller reports it). */
export class EditSkipped extends Error {}

/**
 * The one way Folio changes a post that exists (a save, a tag rename, a post operation):
 * only over the version that was read (else CONFLICT, and nothing is written), never over
 * bytes that are not UTF-8 (NOT_TEXT: the text would be re-encoded), the watcher told
 * first, then written atomically. `edit` gets the text on disk and returns the new text, or
 * throws EditSkipped. Returns the new text and version. Kept free of the library (Markdown,
 * YAML) so the kill test's child starts fast.
 */
export async function editPost(
  root: string,
  relativePath: string,
  expected: FileVersion,
  edit: (text: string) => string,
  { fs = nodeFileSystem, expect }: WriteOptions = {},
): Promise<{ text: string; version: FileVersion }> {
  const file = await resolveInside(root, relativePath);
  let text: string;
  let bytes: Uint8Array;
  try {
    const current = await fs.readFile(file);
    if (!sameVersion(versionOf(current, await fs.stat(file)), expected)) {
      throw new FolioError(
        'CONFLICT',
        `“${relativePath}” changed on disk since it was read. Nothing was written.`,
      );
    }
    if (!isUtf8(current)) {
      throw new FolioError(
        'NOT_TEXT',
        `“${relativePath}” is not UTF-8 text; Folio will not re-encode it. Nothing was saved.`,
      );
    }
    text = edit(strict.decode(current));
    bytes = new TextEncoder().encode(text);
    expect?.(relativePath, text);
    await writeFileAtomic(file, bytes, fs);
  } catch (error) {
    if (error instanceof EditSkipped) throw error;
    throw toIoError(error, 'save', relativePath);
  }
  return { text, version: versionOf(bytes, await fs.stat(file)) };
}

/**
 * Saves the writer's `text` over the post if the file on disk is still the version the
 * writer opened; otherwise nothing is written and a CONFLICT error says so (the editor
 * keeps the text). Returns the new version.
 */
export async function saveFile(
  root: string,
  relativePath: string,
  text: string,
  expected: FileVersion,
  options: WriteOptions = {},
): Promise<FileVersion> {
  try {
    return (await editPost(root, relativePath, expected, () => text, options)).version;
  } catch (error) {
    if (error instanceof FolioError && error.code === 'CONFLICT') {
      throw new FolioError(
        'CONFLICT',
        `“${relativePath}” changed on disk since you opened it. Nothing was saved; your text is still in the editor.`,
      );
    }
    throw error;
  }
}
