/**
 * Values in front matter and site configs by key: as written, or (`anyCase`) without regard
 * to case when not found as written, as Hugo reads its keys.
 */

/** The record's `key`. */
export function field(
  record: Readonly<Record<string, unknown>>,
  key: string,
  anyCase = true,
): unknown {
  if (key in record) return record[key];
  if (!anyCase) return undefined;
  const lower = key.toLowerCase();
  const found = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : record[found];
}

/** A value at a dotted path (`a.b.c`). */
export function lookup(root: unknown, dotted: string, anyCase = false): unknown {
  let value: unknown = root;
  for (const key of dotted.split('.')) {
    if (!key) continue;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = field(value as Record<string, unknown>, key, anyCase);
  }
  return value;
}
