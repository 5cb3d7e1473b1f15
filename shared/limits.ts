/**
 * Size limits, free of the schema library so plain services (and the kill test's child
 * process) can use them without loading zod.
 */

/** Posts over this size are refused before they cross IPC; the editor handles 10 MB posts. */
export const MAX_POST_CHARS = 64 * 1024 * 1024;
