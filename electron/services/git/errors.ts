/**
 * Known git failures as typed errors. git's stderr (with LC_ALL=C, so the English wording)
 * is read once, here; everything above deals in kinds and readable messages.
 */
import type { GitFailure, GitFailureKind } from '../../../shared/models.ts';

export class GitError extends Error {
  readonly kind: GitFailureKind;
  /** What git (or a hook) printed, for the writer to read when the kind alone is not enough. */
  readonly detail: string;
  /** Files the failure is about (conflicted files, files that would be overwritten). */
  readonly files: string[];

  constructor(kind: GitFailureKind, message: string, detail = '', files: string[] = []) {
    super(message);
    this.name = 'GitError';
    this.kind = kind;
    this.detail = detail;
    this.files = files;
  }

  toFailure(): GitFailure {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.files.length ? { files: this.files } : {}),
    };
  }
}

interface Rule {
  kind: GitFailureKind;
  test: RegExp;
  message: (match: RegExpExecArray) => string;
}

const host = (m: RegExpExecArray) => m[1] ?? 'the remote';

/** Order matters: the first rule that matches wins (auth before unreachable, say). */
const rules: Rule[] = [
  {
    kind: 'NOT_A_REPO',
    test: /not a git repository/i,
    message: () => 'This blog folder is not a git repository yet.',
  },
  {
    kind: 'AUTH_FAILED',
    test: /Authentication failed for '([^']*)'|could not read (?:Username|Password) for '([^']*)'|Permission denied \((?:publickey|password|keyboard-interactive)[^)]*\)|Invalid username or password|HTTP Basic: Access denied|The requested URL returned error: 40[13]/,
    message: (m) =>
      `The remote${m[1] || m[2] ? ` (${m[1] ?? m[2]})` : ''} refused the credentials. ` +
      'Check your user name and password or token, or set up a git credential helper or an SSH key in your agent; Folio stores no password.',
  },
  {
    kind: 'NO_REMOTE',
    test: /No configured push destination|does not appear to be a git repository|No remote repository specified/,
    message: () =>
      'This repository has no remote to publish to (or its address is wrong): add one with the URL your host shows for cloning.',
  },
  {
    kind: 'UNREACHABLE',
    test: /unable to access '([^']*)'|Could not resolve host|Failed to connect to|Connection refused|Connection timed out|Network is unreachable|ssh: connect to host|Could not read from remote repository/,
    message: (m) =>
      `Could not reach ${host(m)}. Check your connection (and the remote's address), then try again.`,
  },
  {
    kind: 'REJECTED',
    test: /\[rejected\][^\n]*\((?:fetch first|non-fast-forward)\)|Updates were rejected because/,
    message: () =>
      'The remote has commits you do not have yet, so the push was refused. Sync first (fetch and pull), then publish again. Your commit is kept.',
  },
  {
    kind: 'NO_UPSTREAM',
    test: /has no upstream branch|no tracking information for the current branch/,
    message: () => 'This branch is not on the remote yet: push it and set it to track the remote.',
  },
  {
    kind: 'DETACHED_HEAD',
    test: /You are not currently on a branch/,
    message: () =>
      'The repository is not on a branch (detached HEAD). Check out a branch in your git client, then publish.',
  },
  {
    kind: 'IDENTITY_UNKNOWN',
    test: /Please tell me who you are|unable to auto-detect email address|empty ident name/,
    message: () =>
      'git does not know your name and email yet. Set them once with `git config --global user.name "Your Name"` and `git config --global user.email you@example.org`.',
  },
  {
    kind: 'LOCAL_CHANGES',
    test: /Your local changes to the following files would be overwritten|cannot pull with rebase: You have unstaged changes|untracked working tree files would be overwritten/,
    message: () =>
      'Pulling would overwrite changes you have not published. Publish (or set aside) those changes, then sync again.',
  },
  {
    kind: 'BUSY',
    test: /Unable to create '[^']*index\.lock': File exists/,
    message: () =>
      'Another git program is working in this repository (it holds .git/index.lock). Wait for it to finish, or close it, then try again.',
  },
  {
    kind: 'NOTHING_TO_COMMIT',
    test: /nothing to commit|nothing added to commit|no changes added to commit/,
    message: () => 'There is nothing to commit: the selected files have no changes.',
  },
];

/** The typed error for a failed git run; unknown failures keep git's own words. */
export function classifyGitFailure(args: readonly string[], output: string): GitError {
  for (const rule of rules) {
    const match = rule.test.exec(output);
    if (match) return new GitError(rule.kind, rule.message(match), tidy(output));
  }
  const last = tidy(output).split('\n').filter(Boolean).pop() ?? '';
  return new GitError(
    'UNKNOWN',
    `git ${args.find((a) => !a.startsWith('-')) ?? ''} failed${last ? `: ${last.replace(/^(fatal|error): /, '')}` : ''}`,
    tidy(output),
  );
}

/** Progress lines are rewritten in place with \r; keep only their final state. */
export function tidy(output: string): string {
  return output
    .split('\n')
    .map((line) => line.split('\r').filter(Boolean).pop() ?? '')
    .join('\n')
    .trim();
}
