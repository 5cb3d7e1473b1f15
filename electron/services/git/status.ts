import type { GitChangedFile, GitStatus } from '../../../shared/models.ts';
import { TEMP_FILE } from '../files/atomic-write.ts';
import { git, passiveSettings } from './core.ts';
import { listRemotes } from './remote.ts';
import { fromRepoPath, operationInProgress, repoLayout, type RepoLayout } from './repository.ts';

/**
 * The blog folder's branch, upstream, ahead/behind, the merge or rebase in progress and the
 * changed files under the folder, from one `git status --porcelain=v2 -z --branch`.
 */
export async function getStatus(dir: string): Promise<GitStatus> {
  const layout = await repoLayout(dir);
  const passive = await passiveSettings(dir);
  const { stdout } = await git(dir, [
    ...passive,
    // status refreshes the index when it can; that lock would race a commit in another window.
    '--no-optional-locks',
    'status',
    '--porcelain=v2',
    '-z',
    '--branch',
    '--untracked-files=all',
    '--',
    '.',
  ]);
  const status = parseStatus(stdout, layout);
  const remotes = await listRemotes(dir);
  const unpushed =
    status.branch && !status.unborn && remotes.length
      ? await unpushedCommits(dir, layout, passive)
      : { commits: 0, files: [] };
  return {
    ...status,
    remotes,
    unpushed,
    // Filled in by the git service, which knows the writer's answers (git-service.ts).
    programs: [],
    trust: 'none-needed',
    operation: operationInProgress(layout),
  };
}

/** Files listed for the unpushed commits are read from the newest this many. */
const UNPUSHED_LOG_LIMIT = 100;

/**
 * The commits of HEAD that no remote-tracking branch has. Counted against every remote, not the
 * upstream: a branch whose first push was cut short has no upstream but has commits to push.
 */
async function unpushedCommits(
  dir: string,
  layout: RepoLayout,
  passive: string[],
): Promise<GitStatus['unpushed']> {
  const count = await git(dir, [...passive, 'rev-list', '--count', 'HEAD', '--not', '--remotes']);
  const commits = Number(count.stdout.trim()) || 0;
  if (!commits) return { commits, files: [] };
  const { stdout } = await git(dir, [
    ...passive,
    'log',
    `-n${UNPUSHED_LOG_LIMIT}`,
    '--format=',
    '--name-only',
    '-z',
    '--no-renames',
    'HEAD',
    '--not',
    '--remotes',
    '--',
    '.',
  ]);
  const files = new Set<string>();
  for (const entry of stdout.split('\0')) {
    const file = entry.trim() ? fromRepoPath(layout, entry.trim()) : null;
    if (file) files.add(file);
  }
  return { commits, files: [...files].sort() };
}

type Parsed = Omit<GitStatus, 'remotes' | 'operation' | 'unpushed' | 'programs' | 'trust'>;

/** Exported for tests: porcelain v2 with -z, entries separated by NUL. */
export function parseStatus(stdout: string, layout: RepoLayout): Parsed {
  const status: Parsed = {
    branch: null,
    unborn: false,
    upstream: null,
    upstreamGone: false,
    ahead: 0,
    behind: 0,
    conflicted: [],
    files: [],
  };
  const entries = stdout.split('\0');
  const add = (file: GitChangedFile | null) => {
    // A save killed before its rename leaves a temp file: Folio's, never the writer's to commit.
    if (!file || TEMP_FILE.test(file.path.slice(file.path.lastIndexOf('/') + 1))) return;
    status.files.push(file);
    if (file.change === 'conflicted') status.conflicted.push(file.path);
  };
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.startsWith('# ')) {
      const [, key, ...rest] = entry.split(' ');
      const value = rest.join(' ');
      if (key === 'branch.oid') status.unborn = value === '(initial)';
      else if (key === 'branch.head') status.branch = value === '(detached)' ? null : value;
      else if (key === 'branch.upstream') {
        status.upstream = value;
        // git prints branch.ab only when the upstream's branch exists.
        status.upstreamGone = !entries.some((e) => e.startsWith('# branch.ab '));
      } else if (key === 'branch.ab') {
        const match = /^\+(\d+) -(\d+)$/.exec(value);
        if (match) [status.ahead, status.behind] = [Number(match[1]), Number(match[2])];
      }
    } else if (entry.startsWith('1 ')) {
      const fields = entry.split(' ');
      const path = fields.slice(8).join(' ');
      add(file(layout, path, changeOf(fields[1]!)));
    } else if (entry.startsWith('2 ')) {
      const fields = entry.split(' ');
      const path = fields.slice(9).join(' ');
      const from = entries[++i] ?? '';
      const changed = file(layout, path, 'renamed');
      const origin = fromRepoPath(layout, from);
      add(changed && origin !== null ? { ...changed, from: origin } : changed);
    } else if (entry.startsWith('u ')) {
      add(file(layout, entry.split(' ').slice(10).join(' '), 'conflicted'));
    } else if (entry.startsWith('? ')) {
      add(file(layout, entry.slice(2), 'untracked'));
    }
  }
  return status;
}

function file(
  layout: RepoLayout,
  repoPath: string,
  change: GitChangedFile['change'],
): GitChangedFile | null {
  const path = fromRepoPath(layout, repoPath);
  return path ? { path, change } : null;
}

/** XY: index and work-tree states; the work tree's wins, as that is what a commit will take. */
function changeOf(xy: string): GitChangedFile['change'] {
  if (xy.includes('D')) return 'deleted';
  if (xy.includes('T')) return 'typechange';
  if (xy[0] === 'A') return 'added';
  return 'modified';
}
