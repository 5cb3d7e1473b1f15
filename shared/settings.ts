/**
 * The writer's settings: one zod schema, shared by the store in the main process (which
 * validates the file and every update) and the renderer (which reads the types and defaults).
 * Every key has a default, so a missing or damaged key never blocks the app.
 */
import { z } from 'zod';
import { dateFormatProblem } from './dates.ts';

export const previewThemes = ['default', 'github', 'serif'] as const;
/** Images from the web in the preview: always, only for a post the writer allows, never. */
export const remoteImageChoices = ['load', 'ask', 'never'] as const;
/** Before a publish sends a post with a broken internal link or a missing image. */
export const publishCheckChoices = ['ask', 'warn', 'never'] as const;
export const autosaveModes = ['off', 'afterDelay', 'onFocusChange'] as const;
export const themeChoices = ['auto', 'light', 'dark'] as const;

const bounds = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20000),
  height: z.number().int().min(200).max(20000),
  maximized: z.boolean().default(false),
});

const layout = z.strictObject({
  sidebar: z.boolean().default(true),
  form: z.boolean().default(true),
  preview: z.boolean().default(true),
  /** Pixels. */
  sidebarWidth: z.number().int().min(160).max(640).default(260),
  /** Share of the space the editor and preview split, given to the preview (0.2 – 0.8). */
  previewShare: z.number().min(0.2).max(0.8).default(0.5),
});

/** '' or a format whose dates read back as dates (shared/dates.ts says why not). */
const dateFormat = z
  .string()
  .trim()
  .max(100, 'The date format is too long')
  .superRefine((format, ctx) => {
    const problem = format === '' ? null : dateFormatProblem(format);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** `auto`: where the generator expects images; anything else: a folder inside the blog. */
const imageFolder = z
  .string()
  .trim()
  .min(1, 'Name a folder inside the blog, or choose the usual place')
  .max(1024);

/**
 * Each field with its default; `.catch` keeps one bad value in the file from losing the rest,
 * and unknown keys (from a newer Folio) are dropped rather than failing the whole file.
 */
export const settingsSchema = z.object({
  editorFontFamily: z.string().max(200).default('').catch(''),
  editorFontSize: z.number().int().min(10).max(32).default(15).catch(15),
  /** The editor's text column, in characters. */
  lineWidth: z.number().int().min(40).max(200).default(80).catch(80),
  autosave: z.enum(autosaveModes).default('off').catch('off'),
  autosaveDelaySeconds: z.number().int().min(1).max(600).default(30).catch(30),
  theme: z.enum(themeChoices).default('auto').catch('auto'),
  previewTheme: z.enum(previewThemes).default('default').catch('default'),
  /** A remote image tells its server the post was opened (a tracking pixel). */
  remoteImages: z.enum(remoteImageChoices).default('load').catch('load'),
  /** A CSS file applied to the preview; '' for none. */
  previewCssPath: z.string().max(4096).default('').catch(''),
  /**
   * How the date of a new (or newly published) post is written: tokens YYYY MM DD HH mm ss,
   * Z for the offset. '': as the blog's newest post writes its date.
   */
  dateFormat: dateFormat.default('').catch(''),
  /** Where pasted images go: the generator's usual place, or a folder inside the blog. */
  imageFolder: imageFolder.default('auto').catch('auto'),
  /** BCP 47 codes (`en-US`, `fr`); empty: the system's language. */
  spellCheckLanguages: z.array(z.string().min(2).max(20)).max(8).default([]).catch([]),
  spellCheck: z.boolean().default(true).catch(true),
  /** `{title}` stands for the post's title. */
  commitMessage: z.string().min(1).max(500).default('Update {title}').catch('Update {title}'),
  publishCheck: z.enum(publishCheckChoices).default('ask').catch('ask'),
  vim: z.boolean().default(false).catch(false),
  typewriter: z.boolean().default(false).catch(false),
  focusMode: z.boolean().default(false).catch(false),
  /** Page zoom level (Chromium's: 0 is 100%, each step about 20%). */
  zoomLevel: z.number().min(-5).max(5).default(0).catch(0),
  layout: layout.default(layout.parse({})).catch(layout.parse({})),
  window: bounds.optional().catch(undefined),
  lastFolder: z.string().optional().catch(undefined),
  recentFolders: z.array(z.string()).max(20).default([]).catch([]),
  /** Per repository (its git folder): the answer about the programs it names, and for which. */
  repositoryTrust: z
    .record(z.string(), z.object({ fingerprint: z.string(), trusted: z.boolean() }))
    .default({})
    .catch({}),
  /**
   * Per blog folder: the dev server command the writer let the Site preview run (its
   * fingerprint); a changed command is asked about again.
   */
  siteServerTrust: z.record(z.string(), z.string()).default({}).catch({}),
});

export type Settings = z.output<typeof settingsSchema>;
export type Layout = Settings['layout'];
export type WindowBounds = NonNullable<Settings['window']>;

/** What the renderer may change (the main process keeps the window and folder keys). */
export const settingsPatchSchema = z
  .strictObject({
    // Validated as given (no silent `.catch` fallback): bad input is an error that says where.
    editorFontFamily: z.string().max(200, 'The font name is too long'),
    editorFontSize: z.number().int().min(10, 'Font size: 10 to 32').max(32, 'Font size: 10 to 32'),
    lineWidth: z.number().int().min(40, 'Line width: 40 to 200').max(200, 'Line width: 40 to 200'),
    autosave: z.enum(autosaveModes),
    autosaveDelaySeconds: z.number().int().min(1).max(600, 'Autosave delay: 1 to 600 seconds'),
    theme: z.enum(themeChoices),
    previewTheme: z.enum(previewThemes),
    remoteImages: z.enum(remoteImageChoices),
    previewCssPath: z.string().max(4096),
    dateFormat,
    imageFolder,
    spellCheckLanguages: z.array(z.string().min(2).max(20)).max(8),
    spellCheck: z.boolean(),
    commitMessage: z.string().min(1, 'A commit message is required').max(500),
    publishCheck: z.enum(publishCheckChoices),
    vim: z.boolean(),
    typewriter: z.boolean(),
    focusMode: z.boolean(),
    zoomLevel: z.number().min(-5).max(5),
    layout: layout.partial(),
  })
  .partial();

export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

/** How many folders File › Open Recent lists. */
export const RECENT_FOLDERS = 10;

/** `folder` first, without duplicates, at most RECENT_FOLDERS. */
export function withRecentFolder(recent: readonly string[], folder: string): string[] {
  return [folder, ...recent.filter((f) => f !== folder)].slice(0, RECENT_FOLDERS);
}
