/**
 * What a word is, for search: the one definition the plain scan, the full-text index, the
 * snippets and the highlights all use, so they always agree on what matches.
 *
 * Text is lowercased (`toLowerCase`). A term is a run of letters and digits (any script
 * that separates words with spaces) of 2 to MAX_TERM characters; each kana or CJK
 * ideograph is a term of its own (those scripts put no spaces between words). A query word
 * matches every term it is a prefix of, `gard` finds `garden`; a term equal to the query
 * word is an exact match and weighs more.
 */

/** Longer runs (hashes, base64, URLs' long segments) are not terms. */
export const MAX_TERM = 40;

export const SEPARATOR = 0;
export const WORD = 1;
export const CJK = 2;

const KIND = new Uint8Array(65536);
(function fillKinds() {
  const set = (from: number, to: number, kind: number) => KIND.fill(kind, from, to + 1);
  set(0x30, 0x39, WORD);
  set(0x41, 0x5a, WORD);
  set(0x61, 0x7a, WORD);
  set(0xaa, 0xaa, WORD);
  set(0xb5, 0xb5, WORD);
  set(0xba, 0xba, WORD);
  set(0xc0, 0x1fff, WORD); // Latin, Greek, Cyrillic, ... Indic, combining marks
  KIND[0xd7] = SEPARATOR; // ×
  KIND[0xf7] = SEPARATOR; // ÷
  set(0x2c00, 0x2dff, WORD);
  set(0x2e80, 0x2fff, CJK); // radicals
  set(0x3040, 0x30ff, CJK); // kana
  KIND[0x30fb] = SEPARATOR; // katakana middle dot
  set(0x3100, 0x312f, CJK); // bopomofo
  set(0x3130, 0x318f, WORD); // hangul jamo
  set(0x3190, 0x9fff, CJK); // CJK extension A, unified ideographs
  set(0xa000, 0xabff, WORD);
  set(0xac00, 0xd7af, WORD); // hangul syllables: Korean separates words with spaces
  set(0xf900, 0xfaff, CJK);
  set(0xfb00, 0xfdff, WORD);
  set(0xfe70, 0xfefe, WORD);
  set(0xff10, 0xff19, WORD); // fullwidth digits and letters
  set(0xff21, 0xff3a, WORD);
  set(0xff41, 0xff5a, WORD);
  set(0xff66, 0xff9f, CJK); // halfwidth katakana
})();

export function kindOf(code: number): number {
  return KIND[code]!;
}

/** A query word, lowercased. */
export interface QueryTerm {
  text: string;
  /** A single kana or ideograph: matches wherever it appears. */
  cjk: boolean;
}

/** The query's terms, lowercased, each once, in order; one-letter words are dropped. */
export function parseQuery(query: string): QueryTerm[] {
  const text = query.toLowerCase();
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (term: string, cjk: boolean) => {
    if (seen.has(term)) return;
    seen.add(term);
    terms.push({ text: term, cjk });
  };
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const kind = i < text.length ? KIND[text.charCodeAt(i)]! : SEPARATOR;
    if (kind === WORD) {
      if (start === -1) start = i;
      continue;
    }
    if (start !== -1 && i - start >= 2) add(text.slice(start, i), false);
    start = -1;
    if (kind === CJK) add(text[i]!, true);
  }
  return terms;
}

/**
 * The next match of `term` in lowercased `text` at or after `from`, encoded as
 * `position * 2 + (exact ? 1 : 0)`, or -1. A word matches at the start of a term (the
 * character before is not a letter or digit) of at most MAX_TERM characters.
 */
export function nextMatch(text: string, term: QueryTerm, from: number): number {
  const needle = term.text;
  if (term.cjk) {
    const at = text.indexOf(needle, from);
    return at === -1 ? -1 : at * 2 + 1;
  }
  // V8 searches patterns of 7+ characters with Boyer-Moore-Horspool, which measured 3-4x
  // slower here than its linear search; look for the first 6 and compare the rest.
  const probe = needle.length > 6 ? needle.slice(0, 6) : needle;
  let at = text.indexOf(probe, from);
  while (at !== -1) {
    if (probe !== needle && !text.startsWith(needle, at)) {
      at = text.indexOf(probe, at + 1);
      continue;
    }
    if (at === 0 || KIND[text.charCodeAt(at - 1)] !== WORD) {
      let end = at + needle.length;
      while (end < text.length && KIND[text.charCodeAt(end)] === WORD) end++;
      const length = end - at;
      if (length <= MAX_TERM) return at * 2 + (length === needle.length ? 1 : 0);
      at = text.indexOf(probe, end);
      continue;
    }
    at = text.indexOf(probe, at + 1);
  }
  return -1;
}

/** The end of the term that starts at `at` (for highlights). */
export function termEnd(text: string, at: number, term: QueryTerm): number {
  if (term.cjk) return at + term.text.length;
  let end = at + term.text.length;
  while (end < text.length && KIND[text.charCodeAt(end)] === WORD) end++;
  return end;
}

/**
 * `text.toLowerCase()` when that keeps every character where it was (almost always);
 * otherwise lowercases character by character, keeping those whose lowercase is longer
 * (`İ`), so offsets into the result are offsets into `text`.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}
