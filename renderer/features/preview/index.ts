/** What other features use of the preview: its sanitizer (the exported HTML goes through it too). */
export { sanitizePreview } from './sanitize.ts';
