import type { GitCommit } from '../../../shared/models.ts';
import { readGit } from './core.ts';

const FIELD = '\x1f';
const RECORD = '\x1e';

/** The last `limit` commits of the current branch; none on a branch with no commit yet. */
export async function getLog(dir: string, limit: number, unborn: boolean): Promise<GitCommit[]> {
  if (unborn) return [];
  const { stdout } = await readGit(dir, [
    'log',
    `-n${limit}`,
    `--format=%H${FIELD}%h${FIELD}%an${FIELD}%aI${FIELD}%s${RECORD}`,
  ]);
  return stdout
    .split(RECORD)
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [hash = '', shortHash = '', author = '', date = '', subject = ''] = record.split(FIELD);
      return { hash, shortHash, author, date, subject };
    });
}
