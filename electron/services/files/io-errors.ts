import { FolioError } from '../../../shared/errors.ts';

const reasons: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk is read-only',
  EBUSY: 'the file is in use by another program',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
};

/**
 * A file-system failure as a message a writer can act on, naming the file; FolioErrors pass
 * through. `unchanged` says the file on disk is as it was (true for every failed save: see
 * writeFileAtomic).
 */
export function toIoError(
  error: unknown,
  action: string,
  relativePath: string,
  unchanged = true,
): FolioError {
  if (error instanceof FolioError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = reasons[code] ?? (error instanceof Error ? error.message : String(error));
  return new FolioError(
    'IO',
    `Could not ${action} “${relativePath}”: ${reason}.${unchanged ? ' The file on disk was not changed; your text is still in the editor.' : ''}`,
  );
}
