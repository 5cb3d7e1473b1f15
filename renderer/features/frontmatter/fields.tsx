import { useId, useState, type KeyboardEvent } from 'react';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { resolveAssetUrl, type AssetContext } from '../../../shared/asset-url.ts';
import { readDateParts, replaceDateParts } from '../../../shared/dates.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export function TextField({
  id,
  value,
  onChange,
  multiline,
  placeholder,
}: {
  id: string;
  value: string;
  onChange(v: string): void;
  multiline?: boolean;
  /** The schema's default for the field: what the site uses when the post says nothing. */
  placeholder?: string;
}) {
  return multiline ? (
    <textarea
      id={id}
      value={value}
      rows={2}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
    />
  ) : (
    <input
      id={id}
      type="text"
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      spellCheck
    />
  );
}

/**
 * Edits the wall-clock parts and writes them back in the field's own layout and offset; an
 * empty field takes the layout of `newExample` (the blog's date format).
 */
export function DateField({
  id,
  value,
  withTime,
  newExample,
  onChange,
}: {
  id: string;
  value: string;
  withTime: boolean;
  newExample: string;
  onChange(v: string): void;
}) {
  const parts = readDateParts(value);
  if (value && !parts) return <TextField id={id} value={value} onChange={onChange} />;
  const hasTime = parts ? parts.hasTime : withTime;
  const layout = value || (hasTime ? newExample : newExample.slice(0, 10));
  const inputValue = parts
    ? `${parts.year}-${pad(parts.month)}-${pad(parts.day)}` +
      (hasTime ? `T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}` : '')
    : '';
  return (
    <input
      id={id}
      type={hasTime ? 'datetime-local' : 'date'}
      step={hasTime ? 1 : undefined}
      value={inputValue}
      onChange={(e) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(
          e.target.value,
        );
        if (!m) return;
        onChange(
          replaceDateParts(layout, {
            year: Number(m[1]),
            month: Number(m[2]),
            day: Number(m[3]),
            hour: Number(m[4] ?? 0),
            minute: Number(m[5] ?? 0),
            second: Number(m[6] ?? 0),
            hasTime,
          }),
        );
      }}
    />
  );
}

export function BooleanField({
  id,
  checked,
  label,
  onChange,
}: {
  id: string;
  checked: boolean;
  label: string;
  onChange(v: boolean): void;
}) {
  return (
    <span className="toggle">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </span>
  );
}

export function NumberField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: number | null;
  onChange(v: number): void;
}) {
  const shown = value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  // The text changed underneath (an edit in the editor): show it, React's "adjust on change" way.
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    setDraft(shown);
  }
  return (
    <input
      id={id}
      type="number"
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.target.value !== '' && Number.isFinite(Number(e.target.value)))
          onChange(Number(e.target.value));
      }}
    />
  );
}

export function SelectField({
  id,
  value,
  options,
  onChange,
  placeholder,
}: {
  id: string;
  value: string;
  options: string[];
  onChange(v: string): void;
  placeholder?: string;
}) {
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {value ? null : <option value="">{placeholder ?? 'Choose…'}</option>}
      {all.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

/** A list of strings as chips; the input suggests the values used across the blog. */
export function ChipsField({
  id,
  values,
  suggestions,
  onChange,
  label,
}: {
  id: string;
  values: string[];
  suggestions: string[];
  onChange(v: string[]): void;
  label: string;
}) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const add = (raw: string) => {
    const value = raw.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(draft);
    } else if (e.key === 'Backspace' && !draft && values.length) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="chips">
      {values.map((value, i) => (
        <span className="chip" key={`${i}:${value}`}>
          {value}
          <button
            type="button"
            aria-label={`Remove ${label} ${value}`}
            onClick={() => onChange(values.filter((v) => v !== value))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        type="text"
        value={draft}
        list={listId}
        placeholder={values.length ? '' : `Add ${label}…`}
        aria-label={`Add ${label}`}
        onChange={(e) => {
          // Picking a suggestion from the list adds it at once.
          const native = e.nativeEvent as InputEvent;
          if (
            native.inputType === 'insertReplacementText' ||
            (!native.inputType && suggestions.includes(e.target.value))
          ) {
            add(e.target.value);
          } else {
            setDraft(e.target.value);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => add(draft)}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !values.includes(s))
          .slice(0, 200)
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}

/** A path with a thumbnail resolved the way the preview resolves it, and a picker in the blog. */
export function ImageField({
  id,
  value,
  assets,
  onChange,
  onPick,
}: {
  id: string;
  value: string;
  assets: AssetContext | null;
  onChange(v: string): void;
  onPick(): void;
}) {
  const src = value && assets ? resolveAssetUrl(value, assets) : null;
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const broken = src !== null && brokenSrc === src;
  return (
    <div className="image-field">
      {src && !broken ? (
        <img className="thumb" src={src} alt="" onError={() => setBrokenSrc(src)} />
      ) : (
        <span
          className={`thumb thumb-empty${value ? ' thumb-broken' : ''}`}
          title={value ? `Not found: ${value}` : undefined}
        >
          {value ? '!' : ''}
        </span>
      )}
      <input
        id={id}
        type="text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="/images/cover.png"
      />
      <button type="button" onClick={onPick}>
        Choose…
      </button>
    </div>
  );
}

/** Nested maps and lists of maps: edited as YAML, applied when it parses. */
export function YamlField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange(v: unknown): void;
}) {
  const text =
    value === undefined || value === null ? '' : stringifyYaml(value, { lineWidth: 0 }).trimEnd();
  const [draft, setDraft] = useState(text);
  const [problem, setProblem] = useState<string | null>(null);
  const [seen, setSeen] = useState(text);
  if (seen !== text) {
    setSeen(text);
    setDraft(text);
  }
  const apply = () => {
    if (draft === text) return;
    try {
      onChange(parseYaml(draft) ?? undefined);
      setProblem(null);
    } catch (error) {
      setProblem((error as Error).message.split('\n')[0] ?? 'Invalid YAML');
    }
  };
  return (
    <div className="yaml-field">
      <textarea
        id={id}
        className="mono"
        value={draft}
        rows={Math.min(8, draft.split('\n').length + 1)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
      />
      {problem ? <span className="field-warning">{problem}</span> : null}
    </div>
  );
}
