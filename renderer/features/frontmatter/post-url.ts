import { profileOf } from '../../../shared/generators/index.ts';
import type { WorkspaceInfo } from '../../../shared/models.ts';

/**
 * The open post's URL on the built site, from its front matter as it stands (not as last
 * saved): the form shows it under the title, and it follows a slug or date edit at once.
 */
export function livePostUrl(
  workspace: WorkspaceInfo,
  path: string,
  data: Readonly<Record<string, unknown>>,
  fileNameDate: string | null,
  /** The file's time as last indexed: Hexo dates a post without `date:` by it. */
  fileTime?: number,
): string | null {
  const date =
    typeof data.date === 'string'
      ? data.date
      : data.date instanceof Date
        ? data.date.toISOString()
        : fileNameDate;
  const profile = profileOf(workspace.generator);
  if (profile.isHeadless?.(data)) return null;
  try {
    const url = profile.permalink?.({ path, data, date, fileTime }, workspace.urlConfig);
    return url ? workspace.basePath + url : null;
  } catch {
    return null; // a front matter too odd for the pattern: no URL shown
  }
}
