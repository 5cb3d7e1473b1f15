import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GitChangedFile, GitFileDiff } from '../../../shared/models.ts';
import { git } from './core.ts';

/** Posts are small; a diff of anything larger than this is not worth showing in the panel. */
const MAX_DIFF_BYTES = 2 * 1024 * 1024;

/** The file as last committed and as it is now, for the panel's diff view. */
export async function fileDiff(dir: string, file: GitChangedFile): Promise<GitFileDiff> {
  const fromPath = file.from ?? file.path;
  const before =
    file.change === 'untracked' || file.change === 'added'
      ? ''
      : // `HEAD:./x` is x relative to the blog folder, wherever the repository's top is.
        ((await git(dir, ['cat-file', 'blob', `HEAD:./${fromPath}`]).catch(() => null))?.stdout ??
        '');
  const after =
    file.change === 'deleted'
      ? ''
      : await readFile(path.join(dir, file.path)).then(
          (bytes) => bytes.toString('utf8'),
          () => '',
        );
  const tooLarge = before.length + after.length > MAX_DIFF_BYTES;
  const binary = before.includes('\0') || after.includes('\0');
  return {
    path: file.path,
    before: tooLarge || binary ? '' : before,
    after: tooLarge || binary ? '' : after,
    binary,
    tooLarge,
  };
}
