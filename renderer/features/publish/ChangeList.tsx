import type { GitChange, GitChangedFile } from '../../../shared/models.ts';
import type { ChangeGroups } from './commit-message.ts';

const badge: Record<GitChange, [letter: string, label: string]> = {
  modified: ['M', 'Modified'],
  added: ['A', 'Added'],
  untracked: ['N', 'New'],
  deleted: ['D', 'Deleted'],
  renamed: ['R', 'Renamed'],
  conflicted: ['!', 'Conflicted'],
  typechange: ['T', 'Type changed'],
};

interface Props {
  groups: ChangeGroups;
  selected: ReadonlySet<string>;
  shown: string | null;
  disabled: boolean;
  onToggle(path: string, on: boolean): void;
  onShow(path: string): void;
}

function Row({
  file,
  name,
  detail,
  ...props
}: Omit<Props, 'groups'> & { file: GitChangedFile; name: string; detail: string }) {
  const [letter, label] = badge[file.change];
  return (
    <li className={props.shown === file.path ? 'shown' : ''}>
      <input
        type="checkbox"
        aria-label={`Include ${name}`}
        checked={props.selected.has(file.path)}
        disabled={props.disabled}
        onChange={(e) => props.onToggle(file.path, e.target.checked)}
      />
      <button
        type="button"
        className="change-name"
        aria-pressed={props.shown === file.path}
        onClick={() => props.onShow(file.path)}
      >
        <span className="change-title">{name}</span>
        {detail ? <span className="change-path">{detail}</span> : null}
      </button>
      <span className={`change-badge ${file.change}`} title={label} aria-label={label}>
        {letter}
      </span>
    </li>
  );
}

/** Changed files, posts (by title) first, each with a checkbox and a button to see its diff. */
export function ChangeList({ groups, ...props }: Props) {
  return (
    <div className="change-groups">
      {groups.posts.length ? (
        <section aria-label="Changed posts">
          <h4>Posts</h4>
          <ul className="change-list">
            {groups.posts.map(({ file, title }) => (
              <Row key={file.path} file={file} name={title} detail={file.path} {...props} />
            ))}
          </ul>
        </section>
      ) : null}
      {groups.others.length ? (
        <section aria-label="Other changed files">
          <h4>Other files</h4>
          <ul className="change-list">
            {groups.others.map((file) => (
              <Row
                key={file.path}
                file={file}
                name={file.path.split('/').pop() ?? file.path}
                detail={file.from ? `${file.from} → ${file.path}` : file.path}
                {...props}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
