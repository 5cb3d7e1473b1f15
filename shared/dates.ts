/**
 * Front-matter dates are kept as the text the writer wrote. This module reads that text for
 * sorting and writes a new date back in the same layout (and offset), so editing a date
 * never turns `2024-01-02 10:00:00 +0800` into a UTC `…Z` string.
 */

const DATE_RE =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:([ T]+)(\d{1,2}):(\d{2})(?::(\d{2}))?(\.\d+)?)?(\s*)(Z|[+-]\d{2}(?::?\d{2})?)?$/;

interface DateLayout {
  sep: string;
  padMonth: boolean;
  padDay: boolean;
  timeSep: string | null;
  padHour: boolean;
  seconds: boolean;
  fraction: string | null;
  zoneSpace: string;
  zone: string | null;
}

function zoneMinutes(zone: string | null): number | null {
  if (zone === null) return null;
  if (zone === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function layoutOf(text: string): DateLayout | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  // A leading zero says "padded"; a lone digit says "not"; 10-31 says nothing, so it follows
  // the other part (Hexo's `2013/7/13 20:46:25` is unpadded throughout).
  const padded = (part: string | undefined) =>
    part === undefined
      ? null
      : part.length === 2 && Number(part) < 10
        ? true
        : part.length === 1
          ? false
          : null;
  const month = padded(m[3]);
  const day = padded(m[4]);
  const hour = padded(m[6]);
  const dateStyle = month ?? day ?? true;
  return {
    sep: m[2]!,
    padMonth: month ?? dateStyle,
    padDay: day ?? dateStyle,
    timeSep: m[5] ?? null,
    padHour: hour ?? true,
    seconds: m[8] !== undefined,
    fraction: m[9] ?? null,
    zoneSpace: m[10] ?? '',
    zone: m[11] ?? null,
  };
}

const DEFAULT_LAYOUT: DateLayout = {
  sep: '-',
  padMonth: true,
  padDay: true,
  timeSep: ' ',
  padHour: true,
  seconds: true,
  fraction: null,
  zoneSpace: '',
  zone: null,
};

const pad2 = (n: number, pad = true) => (pad ? String(n).padStart(2, '0') : String(n));

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  hasTime: boolean;
}

/** Wall-clock parts of `date`, in the zone the layout names, else in local time. */
function partsOf(date: Date, zone: string | null): DateParts {
  const offset = zoneMinutes(zone);
  const d = offset === null ? date : new Date(date.getTime() + offset * 60_000);
  const utc = offset !== null;
  return {
    year: utc ? d.getUTCFullYear() : d.getFullYear(),
    month: (utc ? d.getUTCMonth() : d.getMonth()) + 1,
    day: utc ? d.getUTCDate() : d.getDate(),
    hour: utc ? d.getUTCHours() : d.getHours(),
    minute: utc ? d.getUTCMinutes() : d.getMinutes(),
    second: utc ? d.getUTCSeconds() : d.getSeconds(),
    hasTime: true,
  };
}

function writeParts(layout: DateLayout, p: DateParts): string {
  let out = `${p.year}${layout.sep}${pad2(p.month, layout.padMonth)}${layout.sep}${pad2(p.day, layout.padDay)}`;
  if (layout.timeSep === null) return out;
  out += `${layout.timeSep}${pad2(p.hour, layout.padHour)}:${pad2(p.minute)}`;
  if (layout.seconds) out += `:${pad2(p.second)}`;
  if (layout.fraction) out += layout.fraction.replace(/\d/g, '0');
  if (layout.zone) out += layout.zoneSpace + layout.zone;
  return out;
}

/**
 * Writes `date` in the layout of `existing` (the field's current text). Date-only stays
 * date-only, an offset stays that offset, Hexo's `2013/7/13 20:46:25` keeps its shape.
 * Without a recognisable existing layout: `YYYY-MM-DD HH:mm:ss` in local time.
 */
export function formatDateLike(existing: string, date: Date): string {
  const layout = layoutOf(existing) ?? DEFAULT_LAYOUT;
  return writeParts(layout, partsOf(date, layout.zone));
}

/**
 * Like formatDateLike, but an offset in `existing` is replaced by the one `timeZone` (an IANA
 * name, or 'local' for the machine's) has at `date`, written in the same style (`+0100`,
 * `+01:00`). Jekyll reads a post's offset as the site's: a new post takes the site's
 * `timezone:`, not whatever offset the newest post happened to be written with.
 */
export function formatDateInZone(existing: string, date: Date, timeZone: string): string {
  const layout = layoutOf(existing) ?? DEFAULT_LAYOUT;
  if (!layout.zone) return formatDateLike(existing, date);
  const minutes = zoneOffsetAt(timeZone, date);
  if (minutes === null) return formatDateLike(existing, date);
  const sign = minutes < 0 ? '-' : '+';
  const hours = pad2(Math.trunc(Math.abs(minutes) / 60));
  const rest = pad2(Math.abs(minutes) % 60);
  const zone =
    layout.zone === 'Z' && minutes === 0
      ? 'Z'
      : `${sign}${hours}${layout.zone.includes(':') || layout.zone === 'Z' ? ':' : ''}${rest}`;
  return writeParts({ ...layout, zone }, partsOf(date, zone));
}

/** The offset in minutes east of UTC that `timeZone` has at `date`; null for an unknown zone. */
export function zoneOffsetAt(timeZone: string, date: Date): number | null {
  if (timeZone === 'local') return -date.getTimezoneOffset();
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value;
    const m = /^GMT(?:([+-])(\d{1,2}):?(\d{2})?)?$/.exec(name ?? '');
    if (!m) return null;
    const minutes = Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
    return m[1] === '-' ? -minutes : minutes;
  } catch {
    return null;
  }
}

/** The wall-clock parts as written, for a date or datetime input. */
export function readDateParts(text: string): DateParts | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[3]),
    day: Number(m[4]),
    hour: Number(m[6] ?? 0),
    minute: Number(m[7] ?? 0),
    second: Number(m[8] ?? 0),
    hasTime: m[5] !== undefined,
  };
}

/**
 * Replaces the wall-clock parts of `existing` and keeps everything else about it (layout,
 * offset). This is what the form's date input writes: no time-zone conversion at all.
 */
export function replaceDateParts(existing: string, parts: DateParts): string {
  const layout = layoutOf(existing) ?? { ...DEFAULT_LAYOUT, timeSep: parts.hasTime ? ' ' : null };
  return writeParts(layout, parts);
}

/** Milliseconds since the epoch for sorting; local-time dates are read as UTC, which keeps order. */
export function dateSortValue(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== 'string') return null;
  const m = DATE_RE.exec(value.trim());
  if (!m) return null;
  const base = Date.UTC(
    Number(m[1]),
    Number(m[3]) - 1,
    Number(m[4]),
    Number(m[6] ?? 0),
    Number(m[7] ?? 0),
    Number(m[8] ?? 0),
  );
  const offset = zoneMinutes(m[11] ?? null) ?? 0;
  return base - offset * 60_000;
}

const FORMAT_TOKENS = /YYYY|MM|M|DD|D|HH|H|mm|ss|ZZ|Z/g;

/** `+01:00` (or `+0100` without the colon) for the offset of local time at `date`. */
function localOffset(date: Date, colon: boolean): string {
  const minutes = -date.getTimezoneOffset();
  const abs = Math.abs(minutes);
  const sep = colon ? ':' : '';
  return `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}${sep}${pad2(abs % 60)}`;
}

/**
 * Writes `date` in local time by a moment-style format: YYYY, MM/M, DD/D, HH/H, mm, ss, and
 * Z (`+01:00`) or ZZ (`+0100`) for the offset; anything else is copied as it is.
 */
export function formatDate(format: string, date: Date): string {
  return format.replace(FORMAT_TOKENS, (token) => {
    switch (token) {
      case 'YYYY':
        return String(date.getFullYear());
      case 'MM':
      case 'M':
        return pad2(date.getMonth() + 1, token === 'MM');
      case 'DD':
      case 'D':
        return pad2(date.getDate(), token === 'DD');
      case 'HH':
      case 'H':
        return pad2(date.getHours(), token === 'HH');
      case 'mm':
        return pad2(date.getMinutes());
      case 'ss':
        return pad2(date.getSeconds());
      default:
        return localOffset(date, token === 'Z');
    }
  });
}

/**
 * Why `format` cannot date a post (null when it can): what it writes must read back as a
 * date (year first, `-` or `/` between the parts), as every generator and Folio's list expect.
 */
export function dateFormatProblem(format: string): string | null {
  const sample = formatDate(format, new Date(2001, 10, 23, 14, 5, 6));
  const parts = readDateParts(sample);
  const dayRight = parts?.year === 2001 && parts.month === 11 && parts.day === 23;
  const timeRight = !parts?.hasTime || (parts.hour === 14 && parts.minute === 5);
  if (dayRight && timeRight) return null;
  return `“${format}” writes ${sample}, which blogs do not read as a date; try YYYY-MM-DD HH:mm:ss`;
}
