import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../../../shared/errors.ts';

/**
 * How a post should refer to an image file the writer picked: a site path (`/images/a.png`)
 * when the file is under the generator's static folder, else a path relative to the post.
 * Files outside the blog folder are refused: the site could not serve them.
 */
export async function imageReference(
  root: string,
  staticRoot: string,
  postPath: string,
  picked: string,
): Promise<string> {
  const real = await realpath(picked).catch(() => {
    throw new FolioError('NOT_FOUND', `“${picked}” does not exist`);
  });
  const rel = path.relative(root, real);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new FolioError(
      'OUTSIDE_FOLDER',
      'Pick an image inside the blog folder: the site cannot serve files outside it',
    );
  }
  const posix = rel.split(path.sep).join('/');
  if (staticRoot && posix.startsWith(`${staticRoot}/`)) return posix.slice(staticRoot.length);
  if (!staticRoot) return `/${posix}`;
  return path.posix.relative(path.posix.dirname(postPath), posix);
}
