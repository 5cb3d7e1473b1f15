/**
 * Dates are kept as the text the writer wrote. Every instant here is an explicit Date.UTC;
 * results that depend on the local zone are computed with the local getters, and the
 * zone-sensitive cases are also run in child processes started with another TZ (setting
 * process.env.TZ after start is not reliable).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  dateFormatProblem,
  dateSortValue,
  formatDate,
  formatDateLike,
  readDateParts,
  replaceDateParts,
  type DateParts,
} from '../../shared/dates.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

describe('formatDateLike', () => {
  const instant = new Date(Date.UTC(2024, 2, 4, 23, 30, 15)); // 2024-03-04T23:30:15Z

  it('writes a date-only value as a date only (local calendar day)', () => {
    expect(formatDateLike('2023-01-02', instant)).toBe(localDate(instant));
  });

  it('keeps `YYYY-MM-DD HH:mm:ss` in local time', () => {
    expect(formatDateLike('2023-01-02 10:00:00', instant)).toBe(
      `${localDate(instant)} ${localTime(instant)}`,
    );
  });

  it('keeps a value without seconds without seconds', () => {
    expect(formatDateLike('2023-01-02 10:00', instant)).toBe(
      `${localDate(instant)} ${localTime(instant).slice(0, 5)}`,
    );
  });

  it('writes the instant in the value’s own +0800 offset, keeping the offset', () => {
    // 23:30:15 UTC on the 4th is 07:30:15 on the 5th at +08:00.
    expect(formatDateLike('2024-01-02 10:00:00 +0800', instant)).toBe('2024-03-05 07:30:15 +0800');
  });

  it('keeps the `+08:00` spelling and the T separator', () => {
    expect(formatDateLike('2024-01-02T10:00:00+08:00', instant)).toBe('2024-03-05T07:30:15+08:00');
  });

  it('handles negative and half-hour offsets', () => {
    expect(formatDateLike('2024-01-02T10:00:00-05:30', instant)).toBe('2024-03-04T18:00:15-05:30');
    expect(formatDateLike('2024-01-02 10:00:00 -0330', instant)).toBe('2024-03-04 20:00:15 -0330');
  });

  it('keeps an ISO `T…Z` value in UTC', () => {
    expect(formatDateLike('2020-05-06T07:08:09Z', instant)).toBe('2024-03-04T23:30:15Z');
  });

  it('keeps the fraction width of an ISO value', () => {
    expect(formatDateLike('2020-05-06T07:08:09.000Z', instant)).toBe('2024-03-04T23:30:15.000Z');
  });

  it('keeps Hexo’s `2013/7/13 20:46:25` shape: slashes, no zero padding of month and day', () => {
    const d = new Date(Date.UTC(2024, 0, 5, 12, 5, 9));
    expect(formatDateLike('2013/7/13 20:46:25', d)).toBe(
      `${d.getFullYear()}/${d.getMonth() + 1}/${d.getDate()} ${localTime(d)}`,
    );
    expect(formatDateLike('2013/7/13 20:46:25', d)).toMatch(/^2024\/1\/\d{1,2} \d{2}:05:09$/);
  });

  it('falls back to `YYYY-MM-DD HH:mm:ss` local time for an unrecognised value', () => {
    for (const existing of ['', 'someday', 'March 3rd']) {
      expect(formatDateLike(existing, instant)).toBe(`${localDate(instant)} ${localTime(instant)}`);
    }
  });
});

describe('formatDate (the writer’s format for new dates)', () => {
  const instant = new Date(2024, 2, 4, 9, 5, 7); // local 2024-03-04 09:05:07

  it('writes each token in local time and copies everything else', () => {
    expect(formatDate('YYYY-MM-DD HH:mm:ss', instant)).toBe('2024-03-04 09:05:07');
    expect(formatDate('YYYY/M/D H:mm:ss', instant)).toBe('2024/3/4 9:05:07');
    expect(formatDate('YYYY-MM-DD', instant)).toBe('2024-03-04');
    expect(formatDate('YYYY-MM-DDTHH:mm', instant)).toBe('2024-03-04T09:05');
  });

  it('accepts formats whose dates read back, and says why the others cannot date a post', () => {
    for (const ok of [
      'YYYY-MM-DD',
      'YYYY/M/D HH:mm:ss',
      'YYYY-MM-DDTHH:mm:ssZ',
      'YYYY-MM-DD HH:mm ZZ',
    ]) {
      expect(dateFormatProblem(ok)).toBeNull();
    }
    expect(dateFormatProblem('DD.MM.YYYY')).toBe(
      '“DD.MM.YYYY” writes 23.11.2001, which blogs do not read as a date; try YYYY-MM-DD HH:mm:ss',
    );
    // Reads as a date, but the wrong one: day and month swapped, minutes for hours.
    expect(dateFormatProblem('YYYY-DD-MM')).toMatch(/writes 2001-23-11/);
    expect(dateFormatProblem('YYYY-MM-DD mm:HH')).toMatch(/writes 2001-11-23 05:14/);
    expect(dateFormatProblem('today')).toMatch(/blogs do not read as a date/);
  });
});

describe('replaceDateParts', () => {
  const parts: DateParts = {
    year: 2025,
    month: 6,
    day: 7,
    hour: 8,
    minute: 9,
    second: 10,
    hasTime: true,
  };

  it.each([
    ['2024-01-02 10:00:00 +0800', '2025-06-07 08:09:10 +0800'],
    ['2024-01-02T10:00:00Z', '2025-06-07T08:09:10Z'],
    ['2024-01-02T10:00:00-05:30', '2025-06-07T08:09:10-05:30'],
    ['2024-01-02 10:00:00', '2025-06-07 08:09:10'],
    ['2024-01-02 10:00', '2025-06-07 08:09'],
    ['2013/7/13 20:46:25', '2025/6/7 08:09:10'],
    ['2013/7/13 8:46:25', '2025/6/7 8:09:10'],
  ])('writes the wall-clock parts into %s with no zone shift', (existing, expected) => {
    expect(replaceDateParts(existing, parts)).toBe(expected);
  });

  it('keeps a date-only value date-only', () => {
    expect(replaceDateParts('2024-01-02', { ...parts, hasTime: false })).toBe('2025-06-07');
  });

  it('writes a new value with or without time as the parts say', () => {
    expect(replaceDateParts('', parts)).toBe('2025-06-07 08:09:10');
    expect(replaceDateParts('', { ...parts, hasTime: false })).toBe('2025-06-07');
  });

  it('reads back the parts it wrote', () => {
    const written = replaceDateParts('2024-01-02 10:00:00 +0800', parts);
    expect(readDateParts(written)).toEqual(parts);
  });
});

describe('readDateParts', () => {
  it('reads the wall clock as written, ignoring the offset', () => {
    expect(readDateParts('2024-01-02 10:20:30 +0800')).toEqual({
      year: 2024,
      month: 1,
      day: 2,
      hour: 10,
      minute: 20,
      second: 30,
      hasTime: true,
    });
  });

  it('reads Hexo’s unpadded shape and date-only values', () => {
    expect(readDateParts('2013/7/13 20:46:25')).toMatchObject({ month: 7, day: 13, hour: 20 });
    expect(readDateParts('2024-01-02')).toMatchObject({ hasTime: false, hour: 0 });
  });

  it('answers null for text that is not a date', () => {
    expect(readDateParts('next tuesday')).toBeNull();
  });
});

describe('dateSortValue', () => {
  it.each([
    ['2024-01-02 10:00:00 +0800', Date.UTC(2024, 0, 2, 2, 0, 0)],
    ['2024-01-02T10:00:00+08:00', Date.UTC(2024, 0, 2, 2, 0, 0)],
    ['2024-01-02T10:00:00Z', Date.UTC(2024, 0, 2, 10, 0, 0)],
    ['2024-01-02T10:00:00-05:30', Date.UTC(2024, 0, 2, 15, 30, 0)],
    ['2024-01-02', Date.UTC(2024, 0, 2)],
    ['2013/7/13 20:46:25', Date.UTC(2013, 6, 13, 20, 46, 25)],
  ])('reads %s as %d', (text, expected) => {
    expect(dateSortValue(text)).toBe(expected);
  });

  it('orders dates written in different offsets by the instant they name', () => {
    const written = [
      '2024-01-01T20:00:00Z', // 20:00 UTC
      '2024-01-02 01:00:00 +0800', // 17:00 UTC
      '2024-01-01 18:00:00 -0100', // 19:00 UTC
    ];
    const newestFirst = [...written].sort((a, b) => dateSortValue(b)! - dateSortValue(a)!);
    expect(newestFirst).toEqual([
      '2024-01-01T20:00:00Z',
      '2024-01-01 18:00:00 -0100',
      '2024-01-02 01:00:00 +0800',
    ]);
  });

  it('accepts Date values and refuses anything unusable with null', () => {
    expect(dateSortValue(new Date(Date.UTC(2024, 0, 2)))).toBe(Date.UTC(2024, 0, 2));
    for (const value of [new Date(Number.NaN), 'yesterday', '', null, undefined, 20240102, {}]) {
      expect(dateSortValue(value)).toBeNull();
    }
  });
});

describe('in other local time zones', () => {
  /** Runs the date functions in a fresh Node process whose local zone is `tz`. */
  function inZone(tz: string): Record<string, unknown> {
    const script = `
      import { formatDate, formatDateLike, replaceDateParts, dateSortValue } from './shared/dates.ts';
      const instant = new Date(Date.UTC(2024, 2, 4, 23, 30, 15));
      const parts = { year: 2025, month: 6, day: 7, hour: 8, minute: 9, second: 10, hasTime: true };
      console.log(JSON.stringify({
        offsetMinutes: -instant.getTimezoneOffset(),
        plusEight: formatDateLike('2024-01-02 10:00:00 +0800', instant),
        utc: formatDateLike('2020-05-06T07:08:09Z', instant),
        local: formatDateLike('2023-01-02 10:00:00', instant),
        dateOnly: formatDateLike('2023-01-02', instant),
        replaced: replaceDateParts('2024-01-02 10:00:00 +0800', parts),
        replacedLocal: replaceDateParts('2024-01-02 10:00:00', parts),
        sort: dateSortValue('2024-01-02T10:00:00-05:30'),
        formatted: formatDate('YYYY-MM-DDTHH:mm:ssZ|ZZ', instant),
      }));
    `;
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: repoRoot, env: { ...process.env, TZ: tz }, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  it.each([
    // Tokyo is +09:00: 23:30:15 UTC on the 4th is 08:30:15 on the 5th there.
    ['Asia/Tokyo', 540, '2024-03-05 08:30:15', '2024-03-05', '2024-03-05T08:30:15+09:00|+0900'],
    // St. John's is -03:30 in March (before DST on the 10th): 20:00:15 on the 4th.
    [
      'America/St_Johns',
      -210,
      '2024-03-04 20:00:15',
      '2024-03-04',
      '2024-03-04T20:00:15-03:30|-0330',
    ],
  ])(
    'in %s, offset values keep their offset and local values use local time',
    (tz, offset, local, day, formatted) => {
      const r = inZone(tz);
      expect(r.offsetMinutes).toBe(offset);
      expect(r).toMatchObject({
        plusEight: '2024-03-05 07:30:15 +0800',
        utc: '2024-03-04T23:30:15Z',
        local,
        dateOnly: day,
        replaced: '2025-06-07 08:09:10 +0800',
        replacedLocal: '2025-06-07 08:09:10',
        sort: Date.UTC(2024, 0, 2, 15, 30, 0),
        formatted,
      });
    },
  );
});
