import { useState, type KeyboardEvent } from 'react';
import { readDateParts, replaceDateParts } from '../../../shared/dates.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export function TextField({
  id,
  value,
  onChange,
  multiline,
}: {
  id: string;
  value: string;
  onChange(v: string): void;
  multiline?: boolean;
}) {
  return multiline ? (
    <textarea id={id} value={value} rows={2} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <input
      id={id}
      type="text"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      spellCheck
    />
  );
}

/** Edits the wall-clock parts and writes them back in the field's own layout and offset. */
export function DateField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange(v: string): void;
}) {
  const parts = readDateParts(value);
  if (value && !parts) return <TextField id={id} value={value} onChange={onChange} />;
  const hasTime = parts ? parts.hasTime : true;
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
          replaceDateParts(value, {
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

export function ChipsField({
  id,
  values,
  onChange,
  label,
}: {
  id: string;
  values: string[];
  onChange(v: string[]): void;
  label: string;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const value = draft.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
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
        placeholder={values.length ? '' : `Add ${label}…`}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
    </div>
  );
}
