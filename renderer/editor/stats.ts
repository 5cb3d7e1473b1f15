/** The status bar's counts: the one word-count rule (shared/word-count.ts). */
export { countWords, readingMinutes } from '../../shared/word-count.ts';
