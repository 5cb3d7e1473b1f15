/**
 * What other features use of the preview: its sanitizer (the exported HTML goes through it
 * too), and the site's templates it renders with (so does the export).
 */
export { sanitizePreview } from './sanitize.ts';
export type { PreviewTemplates } from './useSiteTemplates.ts';
