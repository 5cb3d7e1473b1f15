import { useState, type ReactNode } from 'react';
import type { AssetContext } from '../../../shared/asset-url.ts';
import type { ParsedFrontMatter } from '../../../shared/frontmatter.ts';
import type { FieldSpec, FieldType } from '../../../shared/schema.ts';
import {
  BooleanField,
  ChipsField,
  DateField,
  ImageField,
  NumberField,
  SelectField,
  TextField,
  YamlField,
} from './fields.tsx';

interface Props {
  parsed: ParsedFrontMatter;
  fields: FieldSpec[];
  /** Layout for a date field that is still empty (from the blog's schema). */
  newDateExample: string;
  assets: AssetContext | null;
  onChange(key: string, value: unknown): void;
  onJumpToLine(line: number): void;
  onPickImage(key: string): void;
  /** The date the generator takes from the file name, when the front matter has none. */
  fileNameDate?: string | null;
  /** The post's URL on the built site, by its permalink config (null: none known). */
  url?: string | null;
}

const asText = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);

/** A list field accepts a list, a single value, or nothing (`tags:`). */
const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(asText)
    : value === null || value === undefined || value === ''
      ? []
      : [asText(value)];

/** The widget for a key the schema does not name, from the value it holds. */
function typeOfValue(value: unknown): FieldType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value))
    return value.every((v) => typeof v !== 'object' || v === null) ? 'list' : 'object';
  if (value !== null && typeof value === 'object') return 'object';
  return asText(value).includes('\n') ? 'textarea' : 'text';
}

/** Keys a generator reads as the plural's one value (Jekyll's `category:`): one field each. */
const SINGULAR: Record<string, string> = { categories: 'category', tags: 'tag' };
const PLURAL: Record<string, string> = { category: 'categories', tag: 'tags' };

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

export function FrontMatterForm({
  parsed,
  fields,
  newDateExample,
  assets,
  onChange,
  onJumpToLine,
  onPickImage,
  fileNameDate = null,
  url = null,
}: Props) {
  const { data, error, format } = parsed;
  const readOnly = Boolean(error);
  const [open, setOpen] = useState(true);
  const named = new Set(fields.map((f) => f.name));
  const keyOf = (name: string) => {
    const single = SINGULAR[name];
    return single && !(name in data) && single in data ? single : name;
  };
  const extra: FieldSpec[] = [];
  for (const key of Object.keys(data)) {
    const plural = PLURAL[key];
    const shownAs = plural && keyOf(plural) === key ? plural : key;
    if (named.has(shownAs)) continue;
    named.add(shownAs);
    extra.push({ name: shownAs, type: shownAs === key ? typeOfValue(data[key]) : 'list' });
  }

  const widget = (field: FieldSpec): ReactNode => {
    const id = `fm-${field.name}`;
    const key = keyOf(field.name);
    const value = data[key];
    // A singular key keeps its shape: one value stays a plain value, none removes the key.
    const set = (v: unknown) =>
      onChange(
        key,
        key !== field.name && Array.isArray(v) ? (v.length > 1 ? v : (v[0] ?? undefined)) : v,
      );
    const defaultText =
      field.default === undefined ? undefined : `Default: ${String(field.default)}`;
    switch (field.type) {
      case 'textarea':
        return (
          <TextField
            id={id}
            value={asText(value)}
            multiline
            placeholder={defaultText}
            onChange={set}
          />
        );
      case 'date':
      case 'datetime':
        return (
          <DateField
            id={id}
            value={asText(value)}
            withTime={field.type === 'datetime'}
            newExample={newDateExample}
            onChange={set}
          />
        );
      case 'boolean':
        return (
          <BooleanField
            id={id}
            checked={value === true}
            label={
              field.name === 'draft'
                ? value === true
                  ? 'Not published'
                  : 'Published when pushed'
                : value === true
                  ? 'Yes'
                  : 'No'
            }
            // Unticking a key the post never had leaves the file as it was.
            onChange={(on) => set(on ? true : field.name in data ? false : undefined)}
          />
        );
      case 'number':
        return (
          <NumberField id={id} value={typeof value === 'number' ? value : null} onChange={set} />
        );
      case 'list':
        return (
          <ChipsField
            id={id}
            label={field.label ?? field.name}
            values={asList(value)}
            suggestions={field.suggestions ?? []}
            onChange={set}
          />
        );
      case 'image':
        return (
          <ImageField
            id={id}
            value={asText(value)}
            assets={assets}
            onChange={set}
            onPick={() => onPickImage(field.name)}
          />
        );
      case 'select':
        return (
          <SelectField
            id={id}
            value={asText(value)}
            options={field.options ?? []}
            placeholder={defaultText}
            onChange={set}
          />
        );
      case 'object':
        return <YamlField id={id} value={value} onChange={set} />;
      default:
        return <TextField id={id} value={asText(value)} placeholder={defaultText} onChange={set} />;
    }
  };

  return (
    <section className="front-matter" aria-label="Front matter">
      <button
        type="button"
        className="fm-header"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        <span>Front matter</span>
        {format ? (
          <span className="fm-format">{format}</span>
        ) : (
          <span className="fm-format">none yet</span>
        )}
      </button>
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
      <fieldset disabled={readOnly} hidden={!open} data-format={format ?? 'none'}>
        <div className="fm-grid">
          {[...fields, ...extra].map((field) => {
            const empty = isEmpty(data[keyOf(field.name)]);
            const fromFileName = field.name === 'date' && empty ? fileNameDate : null;
            const missing = !readOnly && field.required && empty && !fromFileName;
            return (
              <div
                className={`field field-${field.type}${missing ? ' field-missing' : ''}`}
                key={field.name}
                data-field={field.name}
              >
                <label htmlFor={`fm-${field.name}`}>{field.label ?? field.name}</label>
                {widget(field)}
                {missing ? (
                  <span className="field-warning">
                    Required: this post has no {field.label ?? field.name}
                  </span>
                ) : null}
                {field.name === 'title' && url ? (
                  <span
                    className="field-note post-url"
                    data-testid="post-url"
                    title="Its address on the built site, by the site’s permalink settings"
                  >
                    {url}
                  </span>
                ) : null}
                {fromFileName ? (
                  <span className="field-note" data-testid="date-from-file-name">
                    {fromFileName}, from the file name. A date set here is written as a field; the
                    file keeps its name.
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </section>
  );
}
