/**
 * What fields a post has: declared per blog in `.folio/config.yaml`, or inferred from the
 * posts themselves. The form draws one widget per field; list fields suggest the values
 * already used across the blog.
 */
import { z } from 'zod';
import { dateFormatProblem, readDateParts } from './dates.ts';
import { GENERATORS } from './models.ts';

export const fieldTypes = [
  'text',
  'textarea',
  'date',
  'datetime',
  'boolean',
  'number',
  'list',
  'image',
  'select',
  'object',
] as const;
export type FieldType = (typeof fieldTypes)[number];

const fieldSchema = z.strictObject({
  name: z.string().min(1),
  type: z.enum(fieldTypes),
  label: z.string().optional(),
  required: z.boolean().optional(),
  default: z.unknown().optional(),
  options: z.array(z.string()).optional(),
});

const contentTypeSchema = z.strictObject({
  name: z.string().min(1),
  /** Folders (relative to the blog, `/`-separated) whose posts use this type; none = all. */
  folders: z.array(z.string()).default([]),
  /** Kinds whose entries use this type: `posts`, `pages`, or a collection's name (`docs`). */
  kinds: z.array(z.string().min(1)).default([]),
  fields: z.array(fieldSchema).min(1),
});

const configSchema = z.strictObject({
  /** Layout for brand-new dates, moment-style (`YYYY-MM-DD HH:mm:ss`); wins over the app's. */
  dateFormat: z
    .string()
    .superRefine((format, ctx) => {
      const problem = dateFormatProblem(format);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** Overrides generator detection (read by electron/services/library/detect-blog.ts). */
  generator: z.enum(GENERATORS).optional(),
  /** None: the fields are inferred from the posts (a config may only set the generator). */
  types: z.array(contentTypeSchema).min(1).optional(),
  /**
   * The Site preview's server, when not the generator's own (read by
   * electron/services/site-server/): a command line with `{port}` for the port Folio picks,
   * and the URL it serves at.
   */
  preview: z
    .strictObject({
      command: z.string().min(1).max(2000).optional(),
      url: z.string().min(1).max(2000).optional(),
    })
    .optional(),
});

/** `.folio/config.yaml`'s `preview:`, or an error that says what is wrong. */
export function previewFromConfig(config: unknown): { command?: string; url?: string } {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`.folio/config.yaml: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  return parsed.data.preview ?? {};
}

export type FieldSpec = z.infer<typeof fieldSchema> & { suggestions?: string[] };
export type ContentType = {
  name: string;
  folders: string[];
  /** Empty: every kind (PostSummary.collection, or `posts`) not claimed by another type. */
  kinds?: string[];
  fields: FieldSpec[];
};

/** The kind of entries outside any collection. */
export const POSTS_KIND = 'posts';

export interface BlogSchema {
  source: 'config' | 'inferred';
  /** Declared in the config; null: Folio's setting (else the newest post's layout) decides. */
  dateFormat: string | null;
  types: ContentType[];
  /** A config file that could not be read: the message says what and where. */
  error?: string;
}

export const DEFAULT_DATE_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** Validates a parsed `.folio/config.yaml`; throws with a message naming the bad field. */
export function schemaFromConfig(config: unknown): BlogSchema {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`.folio/config.yaml: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const { dateFormat, types } = parsed.data;
  return {
    source: types ? 'config' : 'inferred',
    dateFormat: dateFormat ?? null,
    types: types ?? [],
  };
}

/** Turns a moment-style format into an example date that shared/dates.ts can copy the layout of. */
export function exampleForFormat(format: string): string {
  return format
    .replace(/YYYY/g, '2000')
    .replace(/MM/g, '01')
    .replace(/M/g, '1')
    .replace(/DD/g, '01')
    .replace(/D/g, '1')
    .replace(/HH/g, '00')
    .replace(/H/g, '0')
    .replace(/mm/g, '00')
    .replace(/ss/g, '00')
    .replace(/ZZ/g, '+0000')
    .replace(/Z/g, '+00:00');
}

// ---------------------------------------------------------------------------------------
// Inference

type Kind = 'string' | 'multiline' | 'date' | 'datetime' | 'boolean' | 'number' | 'list' | 'object';

/** What the posts of a blog hold, key by key, gathered while indexing. */
export interface FieldObservations {
  posts: number;
  keys: Record<
    string,
    { count: number; kinds: Partial<Record<Kind, number>>; values: Record<string, number> }
  >;
  /**
   * The same, for each kind of entry other than posts (pages, each collection): a page's
   * `layout` is not a post's field, nor does a docs collection have tags.
   */
  others?: Record<string, FieldObservations>;
}

export function emptyObservations(): FieldObservations {
  return { posts: 0, keys: {} };
}

function kindOf(value: unknown): Kind {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (value !== null && typeof value === 'object') return 'object';
  const text = typeof value === 'string' ? value : '';
  const date = readDateParts(text);
  if (date) return date.hasTime ? 'datetime' : 'date';
  return text.includes('\n') ? 'multiline' : 'string';
}

/**
 * Records one entry's front matter, under its kind (`collection`; none: a post). Values are
 * kept for lists and short strings (suggestions).
 */
export function observe(
  all: FieldObservations,
  data: Record<string, unknown>,
  collection?: string,
): void {
  const observations = collection ? ((all.others ??= {})[collection] ??= emptyObservations()) : all;
  observations.posts++;
  for (const [key, value] of Object.entries(data)) {
    const entry = (observations.keys[key] ??= { count: 0, kinds: {}, values: {} });
    entry.count++;
    const kind = kindOf(value);
    entry.kinds[kind] = (entry.kinds[kind] ?? 0) + 1;
    const values = Array.isArray(value) ? value : kind === 'string' ? [value] : [];
    for (const v of values) {
      if ((typeof v === 'string' || typeof v === 'number') && String(v).length <= 80) {
        entry.values[String(v)] = (entry.values[String(v)] ?? 0) + 1;
      }
    }
  }
}

const IMAGE_KEY = /(^|_)(cover|image|img|thumbnail|thumb|banner|hero|photo|og_?image)$/i;
const PREFERRED = ['title', 'date', 'tags', 'categories', 'cover', 'draft'];

const topValues = (values: Record<string, number>) =>
  Object.entries(values)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([v]) => v);

function typeFor(key: string, kinds: Partial<Record<Kind, number>>): FieldType {
  const [kind] = Object.entries(kinds).sort((a, b) => b[1] - a[1])[0] ?? ['string'];
  switch (kind as Kind) {
    case 'list':
      return 'list';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'object':
      return 'object';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'multiline':
      return 'textarea';
    default:
      return IMAGE_KEY.test(key) ? 'image' : 'text';
  }
}

/**
 * A schema from what the entries hold: one type for the posts, one for each other kind
 * (pages, each collection). Nothing is required, so nothing warns, until the writer says so.
 */
export function inferSchema(observations: FieldObservations): BlogSchema {
  const others = Object.entries(observations.others ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return {
    source: 'inferred',
    dateFormat: null,
    types: [
      { name: 'post', folders: [], fields: inferFields(observations, PREFERRED) },
      ...others.map(([kind, seen]) => ({
        name: kind,
        folders: [],
        kinds: [kind],
        // A page or a docs entry has a title; the rest is what its own kind uses.
        fields: inferFields(seen, ['title']),
      })),
    ],
  };
}

/**
 * The usual fields first (`preferred`), then every key used by at least a fifth of the
 * entries (and more than one).
 */
function inferFields(observations: FieldObservations, preferred: readonly string[]): FieldSpec[] {
  const min = Math.max(2, Math.ceil(observations.posts * 0.2));
  const keys = Object.entries(observations.keys)
    .filter(([key, entry]) => preferred.includes(key) || entry.count >= min)
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([key]) => key);
  const ordered = [...preferred, ...keys.filter((k) => !preferred.includes(k))];
  return ordered.map((name) => {
    const entry = observations.keys[name];
    const fallback: Record<string, FieldType> = {
      title: 'text',
      date: 'datetime',
      tags: 'list',
      categories: 'list',
      cover: 'image',
      draft: 'boolean',
    };
    const type = entry ? typeFor(name, entry.kinds) : (fallback[name] ?? 'text');
    const field: FieldSpec = { name, type };
    if (entry && (type === 'list' || name === 'author' || name === 'authors'))
      field.suggestions = topValues(entry.values);
    return field;
  });
}

/**
 * The fields of the content type for an entry: the type naming its kind (`collection`, else
 * `posts`), else the one whose folders hold it, else the first that names neither.
 */
export function fieldsFor(schema: BlogSchema, postPath: string, collection?: string): FieldSpec[] {
  return contentTypeFor(schema, postPath, collection)?.fields ?? [];
}

export function contentTypeFor(
  schema: BlogSchema,
  postPath: string,
  collection?: string,
): ContentType | undefined {
  const kind = collection ?? POSTS_KIND;
  const general = (t: ContentType) => !t.folders.length && !t.kinds?.length;
  return (
    schema.types.find((t) => t.kinds?.includes(kind)) ??
    schema.types.find((t) =>
      t.folders.some((f) => postPath.startsWith(`${f.replace(/\/$/, '')}/`)),
    ) ??
    schema.types.find(general) ??
    schema.types[0]
  );
}

/** Adds suggestions gathered from the posts to a declared schema's list fields. */
export function withSuggestions(schema: BlogSchema, observations: FieldObservations): BlogSchema {
  return {
    ...schema,
    types: schema.types.map((type) => ({
      ...type,
      fields: type.fields.map((field) => {
        // A type for one kind suggests what that kind's entries use.
        const own = type.kinds?.length === 1 ? observations.others?.[type.kinds[0]!] : undefined;
        const entry = (own ?? observations).keys[field.name];
        return entry && field.type === 'list'
          ? { ...field, suggestions: topValues(entry.values) }
          : field;
      }),
    })),
  };
}
