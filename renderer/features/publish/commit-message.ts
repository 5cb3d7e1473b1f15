/** The commit message Folio suggests for the files the writer selected. */
import type { GitChangedFile, ListedPost } from '../../../shared/models.ts';

export interface ChangeGroups {
  /** Changed posts, with their titles from the library. */
  posts: Array<{ file: GitChangedFile; title: string }>;
  others: GitChangedFile[];
}

/** Posts (known to the library, by title) apart from every other changed file. */
export function groupChanges(files: GitChangedFile[], posts: ListedPost[]): ChangeGroups {
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

/** What the selection is about: the post's title, "3 posts", a file's name or "2 files". */
function subjectOf(groups: ChangeGroups, selected: ReadonlySet<string>): string {
  const posts = groups.posts.filter((p) => selected.has(p.file.path));
  const others = groups.others.filter((f) => selected.has(f.path));
  if (posts.length === 1) return posts[0]!.title;
  if (posts.length > 1) return `${posts.length} posts`;
  if (others.length === 1) return others[0]!.path.split('/').pop()!;
  if (others.length > 1) return `${others.length} files`;
  return '';
}

/**
 * The writer's default message (the `commitMessage` setting) with `{title}` standing for what
 * the selection is about; nothing when nothing is selected.
 */
export function suggestMessage(
  groups: ChangeGroups,
  selected: ReadonlySet<string>,
  template: string,
): string {
  const subject = subjectOf(groups, selected);
  return subject ? template.replaceAll('{title}', subject) : '';
}
