import type { FileVersion, SaveResult } from '../../../shared/models.ts';
import { summarize } from '../library/list-posts.ts';
import type { SaveFileSystem } from './file-system.ts';
import { saveFile } from './post-file.ts';

export { decodePost, readPost, type DecodedPost } from './post-file.ts';

/** saveFile (atomic, version-checked), then the post's new list entry. */
export async function savePost(
  root: string,
  relativePath: string,
  text: string,
  expected: FileVersion,
  inDraftFolder: (relativePath: string) => boolean,
  fs?: SaveFileSystem,
): Promise<SaveResult> {
  const version = await saveFile(root, relativePath, text, expected, fs);
  return {
    path: relativePath,
    version,
    summary: summarize(relativePath, text, inDraftFolder(relativePath)),
  };
}
