import type { FileVersion } from '../../../shared/models.ts';
import { saveFile, type WriteOptions } from './post-file.ts';

export {
  decodePost,
  editPost,
  EditSkipped,
  readPost,
  type DecodedPost,
  type WriteOptions,
} from './post-file.ts';

/**
 * Saves the writer's text (saveFile: version-checked, UTF-8 only, atomic). The list entry is
 * the library's: it indexes the text written (Library.reindexOne), once.
 */
export async function savePost(
  root: string,
  relativePath: string,
  text: string,
  expected: FileVersion,
  options: WriteOptions = {},
): Promise<{ path: string; version: FileVersion }> {
  return {
    path: relativePath,
    version: await saveFile(root, relativePath, text, expected, options),
  };
}
