/**
 * File names from titles. Letters of every script are kept (a Japanese title keeps its
 * characters, as Hexo's own slugize does); accents are folded on Latin letters; everything
 * else becomes one `-`. Nothing that could leave a folder survives (`/`, `\`, `..`).
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

/** A date-prefixed name (`2024-03-04-hello`) split into its prefix and the slug. */
export function splitDatePrefix(base: string): { prefix: string; slug: string } {
  const m = /^(\d{4}-\d{1,2}-\d{1,2}-)(.+)$/.exec(base);
  return m ? { prefix: m[1]!, slug: m[2]! } : { prefix: '', slug: base };
}
