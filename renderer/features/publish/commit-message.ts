/** The commit message Folio suggests for the files the writer selected. */
import type { GitChangedFile, PostSummary } from '../../../shared/models.ts';

export interface ChangeGroups {
  /** Changed posts, with their titles from the library. */
  posts: Array<{ file: GitChangedFile; title: string }>;
  others: GitChangedFile[];
}

/** Posts (known to the library, by title) apart from every other changed file. */
export function groupChanges(files: GitChangedFile[], posts: PostSummary[]): ChangeGroups {
  const titles = new Map(posts.map((p) => [p.path, p.title]));
  const groups: ChangeGroups = { posts: [], others: [] };
  for (const file of files) {
    const title = titles.get(file.path);
    if (title !== undefined) groups.posts.push({ file, title: title || file.path });
    else groups.others.push(file);
  }
  groups.posts.sort((a, b) => a.title.localeCompare(b.title));
  return groups;
}

/** "Publish: <title>" for one post, "Update 3 posts" for several, else the files. */
export function suggestMessage(groups: ChangeGroups, selected: ReadonlySet<string>): string {
  const posts = groups.posts.filter((p) => selected.has(p.file.path));
  const others = groups.others.filter((f) => selected.has(f.path));
  if (posts.length === 1) return `Publish: ${posts[0]!.title}`;
  if (posts.length > 1) return `Update ${posts.length} posts`;
  if (others.length === 1) return `Update ${others[0]!.path.split('/').pop()}`;
  if (others.length > 1) return `Update ${others.length} files`;
  return '';
}
