/**
 * A tiny least-recently-used memo for the expensive, deterministic parts of a render (KaTeX
 * and highlight.js). The preview re-renders the whole post on every edit, and most formulas
 * and code blocks have not changed since the last render. Output is the same with or without
 * the cache: it only saves time.
 */
const caches = new Set<Map<string, unknown>>();

/** A cache for `memo`, registered so `clearMemos` can empty it. */
export function memoCache<T>(): Map<string, T> {
  const cache = new Map<string, T>();
  caches.add(cache as Map<string, unknown>);
  return cache;
}

/** Empties every memo: the benchmark measures renders that start cold. */
export function clearMemos(): void {
  for (const cache of caches) cache.clear();
}

export function memo<T>(cache: Map<string, T>, key: string, limit: number, make: () => T): T {
  if (key.length > 100_000) return make(); // a huge block: not worth keeping
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key); // re-insert: Map keeps insertion order, so the oldest is first
    cache.set(key, hit);
    return hit;
  }
  const value = make();
  cache.set(key, value);
  if (cache.size > limit) cache.delete(cache.keys().next().value as string);
  return value;
}
