/**
 * The text of a new post: the site's own scaffold (Hexo `scaffolds/post.md`, `draft.md`) or
 * archetype (Hugo `archetypes/<section>.md`, `default.md`) with its placeholders filled, else
 * a built-in template. Values are written so the front matter still parses whatever the
 * title holds (quotes, colons, `#`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Generator } from '../detect-blog.ts';

/** Hugo writes `.Date` as RFC 3339 with the local offset: `2024-03-04T10:00:00+01:00`. */
export function rfc3339Local(date: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone =
    offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`
  );
}

/** A YAML plain scalar that reads back as the same string, else a double-quoted one. */
export function yamlScalar(value: string): string {
  const plain =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`0-9][^\n]*$/u.test(value) &&
    !/: |\s#|:$|\s$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * Replaces each match of `pattern` with `value`, escaped for where it stands: inside `"…"`,
 * inside `'…'` (re-quoted with `"` when the value holds a `'`: TOML literal strings cannot
 * escape one), or bare (a YAML scalar).
 */
function fill(text: string, pattern: RegExp, value: string): string {
  const quoted = JSON.stringify(value);
  const around = new RegExp(`(['"]?)(?:${pattern.source})(['"]?)`, 'g');
  return text.replace(around, (_match, open: string, close: string) => {
    if (open && open === close) {
      return open === "'" && !value.includes("'") ? `'${value}'` : quoted;
    }
    return open + yamlScalar(value) + close;
  });
}

export interface TemplateValues {
  title: string;
  slug: string;
  date: Date;
  /** `date` as the front matter writes it (operations.ts `newDateText`). */
  dateText: string;
  draft: boolean;
}

/** Hexo scaffold placeholders: `{{ title }}`, `{{ date }}`, `{{ layout }}`. */
export function fillHexoScaffold(text: string, values: TemplateValues, layout: string): string {
  let out = fill(text, /\{\{\s*title\s*\}\}/g, values.title);
  out = out.replace(/\{\{\s*date\s*\}\}/g, values.dateText);
  return out.replace(/\{\{\s*layout\s*\}\}/g, layout);
}

/** Hugo archetype placeholders Folio fills (the ones `hugo new` archetypes use most). */
export function fillHugoArchetype(text: string, values: TemplateValues): string {
  let out = fill(
    text,
    /\{\{-?\s*replace\s+\.(?:File\.ContentBaseName|Name|File\.BaseFileName)\s+"-"\s+" "\s*\|\s*title\s*-?\}\}/g,
    values.title,
  );
  out = fill(out, /\{\{-?\s*\.Title\s*-?\}\}/g, values.title);
  out = out.replace(/\{\{-?\s*\.Date\s*-?\}\}/g, rfc3339Local(values.date));
  return out.replace(
    /\{\{-?\s*\.(?:Name|File\.ContentBaseName|File\.BaseFileName)\s*-?\}\}/g,
    values.slug,
  );
}

/** Generators whose drafts are marked by a field (the others use a folder). */
const DRAFT_FIELD: ReadonlySet<Generator> = new Set<Generator>([
  'hugo',
  'astro',
  'eleventy',
  'gatsby',
  'next',
  'vuepress',
  'vitepress',
  'plain',
]);

export function builtInTemplate(generator: Generator, values: TemplateValues): string {
  const lines = [
    '---',
    `title: ${yamlScalar(values.title)}`,
    `date: ${values.dateText}`,
    'tags: []',
    'categories: []',
  ];
  if (values.draft && DRAFT_FIELD.has(generator)) lines.push('draft: true');
  lines.push('---', '', '');
  return lines.join('\n');
}

/** The scaffold or archetype file to use, if the site has one. */
export function findTemplate(
  root: string,
  generator: Generator,
  draft: boolean,
  section: string | undefined,
): { kind: 'hexo' | 'hugo'; text: string } | null {
  const read = (rel: string) => {
    const file = path.join(root, rel);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  };
  if (generator === 'hexo') {
    const text = (draft ? read('scaffolds/draft.md') : null) ?? read('scaffolds/post.md');
    return text === null ? null : { kind: 'hexo', text };
  }
  if (generator === 'hugo') {
    const text =
      (section ? read(`archetypes/${section}.md`) : null) ?? read('archetypes/default.md');
    return text === null ? null : { kind: 'hugo', text };
  }
  return null;
}

/** The whole text of a new post. */
export function newPostText(
  root: string,
  generator: Generator,
  values: TemplateValues,
  section?: string,
): string {
  const template = findTemplate(root, generator, values.draft, section);
  if (template?.kind === 'hexo') {
    return fillHexoScaffold(template.text, values, values.draft ? 'draft' : 'post');
  }
  if (template?.kind === 'hugo') return fillHugoArchetype(template.text, values);
  return builtInTemplate(generator, values);
}
