import type { ParsedFrontMatter } from '../../../shared/frontmatter.ts';
import { ChipsField, DateField, TextField } from './fields.tsx';

interface Props {
  parsed: ParsedFrontMatter;
  onChange(key: string, value: unknown): void;
  onJumpToLine(line: number): void;
}

const KNOWN = ['title', 'date', 'tags', 'categories', 'cover', 'draft'] as const;

const asText = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);

/** A list field accepts a list, a single value, or nothing (`tags:`). */
const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(asText)
    : value === null || value === undefined || value === ''
      ? []
      : [asText(value)];

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number');
}

export function FrontMatterForm({ parsed, onChange, onJumpToLine }: Props) {
  const { data, error, format } = parsed;
  const readOnly = Boolean(error) || (format !== null && format !== 'yaml');
  const others = Object.keys(data).filter((k) => !(KNOWN as readonly string[]).includes(k));
  const field = (key: string, label: string, input: React.ReactNode) => (
    <div className="field" key={key}>
      <label htmlFor={`fm-${key}`}>{label}</label>
      {input}
    </div>
  );

  return (
    <section className="front-matter" aria-label="Front matter">
      {error ? (
        <button
          type="button"
          className="fm-error"
          onClick={() => onJumpToLine(error.line)}
          data-testid="fm-error"
        >
          Front matter error on line {error.line}: {error.message}. The form is read-only until the
          text parses; saving writes the text exactly as it is.
        </button>
      ) : null}
      {!error && readOnly ? (
        <p className="fm-note">{format?.toUpperCase()} front matter: edit it in the text below.</p>
      ) : null}
      <fieldset disabled={readOnly}>
        <div className="fm-grid">
          {field(
            'title',
            'Title',
            <TextField
              id="fm-title"
              value={asText(data.title)}
              onChange={(v) => onChange('title', v)}
            />,
          )}
          {field(
            'date',
            'Date',
            <DateField
              id="fm-date"
              value={asText(data.date)}
              onChange={(v) => onChange('date', v)}
            />,
          )}
          {field(
            'tags',
            'Tags',
            <ChipsField
              id="fm-tags"
              label="tag"
              values={asList(data.tags)}
              onChange={(v) => onChange('tags', v)}
            />,
          )}
          {field(
            'categories',
            'Categories',
            <ChipsField
              id="fm-categories"
              label="category"
              values={asList(data.categories)}
              onChange={(v) => onChange('categories', v)}
            />,
          )}
          {field(
            'cover',
            'Cover',
            <TextField
              id="fm-cover"
              value={asText(data.cover)}
              onChange={(v) => onChange('cover', v)}
            />,
          )}
          {field(
            'draft',
            'Draft',
            <label className="toggle">
              <input
                id="fm-draft"
                type="checkbox"
                checked={data.draft === true}
                onChange={(e) =>
                  onChange('draft', e.target.checked ? true : 'draft' in data ? false : undefined)
                }
              />
              <span>{data.draft === true ? 'Not published' : 'Published when pushed'}</span>
            </label>,
          )}
          {others.map((key) => {
            const value = data[key];
            const id = `fm-${key}`;
            if (typeof value === 'boolean') {
              return field(
                key,
                key,
                <input
                  id={id}
                  type="checkbox"
                  checked={value}
                  onChange={(e) => onChange(key, e.target.checked)}
                />,
              );
            }
            if (typeof value === 'number') {
              return field(
                key,
                key,
                <input
                  id={id}
                  type="number"
                  value={value}
                  onChange={(e) => e.target.value !== '' && onChange(key, Number(e.target.value))}
                />,
              );
            }
            if (isStringList(value)) {
              return field(
                key,
                key,
                <ChipsField
                  id={id}
                  label={key}
                  values={asList(value)}
                  onChange={(v) => onChange(key, v)}
                />,
              );
            }
            if (value !== null && typeof value === 'object') {
              return field(key, key, <code className="fm-complex">{JSON.stringify(value)}</code>);
            }
            const text = asText(value);
            return field(
              key,
              key,
              <TextField
                id={id}
                value={text}
                multiline={text.includes('\n')}
                onChange={(v) => onChange(key, v)}
              />,
            );
          })}
        </div>
      </fieldset>
    </section>
  );
}
