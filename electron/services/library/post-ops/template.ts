/**
 * The text of a new post: the site's own scaffold (Hexo `scaffolds/post.md`, `draft.md`) or
 * archetype (Hugo's, found and rendered as `hugo new` does), else a built-in template.
 * Values are written so the front matter still parses whatever the title holds (quotes,
 * colons, `#`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontMatter, updateFrontMatter } from '../../../../shared/frontmatter.ts';
import type { GeneratorProfile } from '../../../../shared/generators/index.ts';
import {
  renderArchetype,
  type ActionPlace,
  type ArchetypeContext,
  type RenderedTemplate,
} from './go-template.ts';

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

/** Hugo writes dates bare: `date: 2024-03-04T10:00:00+01:00` (YAML) or a TOML datetime. */
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * A Hugo archetype rendered the way `hugo new` would (go-template.ts), each value escaped
 * for where it stands in YAML or TOML. An action Folio cannot evaluate stays as written,
 * as a string (never a YAML `{…}` map by accident), and is listed in `unsupported`.
 */
export function renderHugoArchetype(text: string, context: ArchetypeContext): RenderedTemplate {
  const toml = text.trimStart().startsWith('+++');
  const inQuotes = (value: string, place: ActionPlace) =>
    place === 'double-quoted'
      ? JSON.stringify(value).slice(1, -1)
      : toml
        ? value.replace(/'/g, '’') // a TOML literal string cannot hold its own quote
        : value.replace(/'/g, "''");
  return renderArchetype(
    text,
    context,
    (value, place) =>
      place === 'bare'
        ? RFC3339.test(value)
          ? value
          : toml
            ? JSON.stringify(value)
            : yamlScalar(value)
        : place === 'text'
          ? value
          : inQuotes(value, place),
    (action, place) =>
      place === 'bare'
        ? JSON.stringify(action)
        : place === 'text'
          ? action
          : inQuotes(action, place),
  );
}

/** Folio's own template; `draftField`: drafts are marked by `draft: true` (not by a folder). */
export function builtInTemplate(values: TemplateValues, draftField: boolean): string {
  const lines = [
    '---',
    `title: ${yamlScalar(values.title)}`,
    `date: ${values.dateText}`,
    'tags: []',
    'categories: []',
  ];
  if (values.draft && draftField) lines.push('draft: true');
  lines.push('---', '', '');
  return lines.join('\n');
}

/** A Hugo archetype: a file, or a folder whose `index.md` makes the new content a bundle. */
export interface HugoArchetype {
  text: string;
  /** Where it was found, relative to the blog. */
  path: string;
  bundle: boolean;
}

/**
 * The archetype Hugo would use for a section: the site's `archetypes/<section>.md` (or the
 * `archetypes/<section>/` bundle), its `default`, then each theme's in the same order.
 */
export function findHugoArchetype(
  root: string,
  section: string,
  themes: string[],
): HugoArchetype | null {
  const read = (rel: string) => {
    try {
      return readFileSync(path.join(root, rel), 'utf8');
    } catch {
      return null;
    }
  };
  const bases = ['archetypes', ...themes.map((theme) => `themes/${theme}/archetypes`)];
  for (const base of bases) {
    for (const kind of section ? [section, 'default'] : ['default']) {
      for (const [rel, bundle] of [
        [`${base}/${kind}.md`, false],
        [`${base}/${kind}/index.md`, true],
      ] as const) {
        const text = read(rel);
        if (text !== null) return { text, path: rel, bundle };
      }
    }
  }
  return null;
}

/** Hexo's scaffold for a post, a draft (else the post's) or a page, if the site has one. */
export function findHexoScaffold(root: string, layout: 'post' | 'draft' | 'page'): string | null {
  const read = (rel: string) => {
    const file = path.join(root, rel);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  };
  return read(`scaffolds/${layout}.md`) ?? (layout === 'draft' ? read('scaffolds/post.md') : null);
}

export interface NewPostText {
  text: string;
  /** What the writer should know: archetype actions left as written. */
  notice?: string;
}

/** The whole text of a new post; the title typed in the dialog is its title. */
export function newPostText(
  root: string,
  { templates, draftFolder }: Pick<GeneratorProfile, 'templates' | 'draftFolder'>,
  values: TemplateValues,
  hugo?: { archetype: HugoArchetype | null; context: ArchetypeContext },
): NewPostText {
  if (templates === 'hexo-scaffolds') {
    const scaffold = findHexoScaffold(root, values.draft ? 'draft' : 'post');
    if (scaffold !== null)
      return { text: fillHexoScaffold(scaffold, values, values.draft ? 'draft' : 'post') };
  }
  if (templates === 'hugo-archetypes' && hugo?.archetype) {
    const rendered = renderHugoArchetype(hugo.archetype.text, hugo.context);
    let text = rendered.text;
    const parsed = parseFrontMatter(text);
    if (!parsed.error && parsed.data.title !== values.title)
      text = updateFrontMatter(text, { title: values.title });
    const kept = [...new Set(rendered.unsupported)];
    return {
      text,
      ...(kept.length
        ? {
            notice: `${hugo.archetype.path}: Folio wrote ${kept.map((a) => `“${a}”`).join(', ')} as text, as it does not run ${kept.length === 1 ? 'that template action' : 'those template actions'}; edit ${kept.length === 1 ? 'it' : 'them'} by hand.`,
          }
        : {}),
    };
  }
  return { text: builtInTemplate(values, draftFolder === null) };
}
