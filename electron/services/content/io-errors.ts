import { FolioError } from '../../../shared/errors.ts';

const reasons: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk is read-only',
  EBUSY: 'the file is in use by another program',
};

/** A file-system failure as a message a writer can act on; FolioErrors pass through. */
export function toIoError(error: unknown, action: string, relativePath: string): FolioError {
  if (error instanceof FolioError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = reasons[code] ?? (error instanceof Error ? error.message : String(error));
  return new FolioError(
    'IO',
    `Could not ${action} “${relativePath}”: ${reason}. The file on disk was not changed.`,
  );
}
