/**
 * The one word-count rule: the library index (on a post's UTF-8 bytes,
 * electron/services/library/word-count.ts), the status bar and the preview's stats all count
 * by it, so a post shows one count everywhere.
 *
 * - Each kana and CJK ideograph (U+3040 to U+9FFF) is a word: those languages put no spaces
 *   between words.
 * - Otherwise a word is a run of word characters: ASCII letters and digits, and every other
 *   character but spaces and punctuation (U+0080 to U+00BF, U+2000 to U+206F, U+3000 to
 *   U+303F). Hangul, Cyrillic, accented letters and emoji are word characters; Markdown's
 *   `#`, `-`, `>`, `|` and `**` never count.
 * - An apostrophe (`'` or `’`), a hyphen or an underscore between two word characters joins
 *   them: `don't`, `well-known` and `snake_case` are one word each.
 *
 * A generator's template syntax is not words: callers on a site with a dialect count the
 * text `withoutTemplates` leaves (shared/markdown/templates/index.ts).
 *
 * An estimate for a status bar and a reading time, not a linguistic count.
 */

export const isCjkCode = (code: number): boolean => code >= 0x3040 && code <= 0x9fff;

export function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  return !(
    code <= 0xbf ||
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x3000 && code <= 0x303f)
  );
}

/** `'`, `’`, `-` and `_`: one word across them when a word character is on each side. */
export const isJoinerCode = (code: number): boolean =>
  code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x5f;

/** Words in `text` (one pass over char codes: this runs on every preview update). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCjkCode(code)) {
      words++;
      inWord = false;
    } else if (isWordCode(code)) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(
      inWord &&
      isJoinerCode(code) &&
      i + 1 < text.length &&
      isWordCode(text.charCodeAt(i + 1))
    )) {
      inWord = false;
    }
  }
  return words;
}

/** Minutes at 230 words a minute, at least one for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}
