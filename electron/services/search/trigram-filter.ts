/**
 * A per-post filter that lets the plain scan skip the posts a query word cannot be in.
 *
 * Every run of three word characters (text.ts's WORD) of a post's lowercased text sets one
 * bit of the post's FILTER_BITS-bit filter (a Bloom filter with one hash). A query word of
 * three or more characters can only match where all of its own triples occur, so a post
 * missing any of their bits is skipped without reading its text. It never hides a match
 * (only says "maybe"); it cuts an absent or rare word's scan of 10,000 posts to the few
 * percent that pass. Built in one pass over the text, while the texts load.
 */
import { WORD, kindOf } from './text.ts';

/** Bits per post: a 12 KB post has about 2,000 distinct triples, so about a fifth are set. */
export const FILTER_BITS = 8192;
export const FILTER_WORDS = FILTER_BITS / 32;
const SHIFT = 32 - Math.log2(FILTER_BITS);

function bit(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> SHIFT;
}

/** Sets the bits of `text`'s triples in `filter[offset, offset + FILTER_WORDS)`. */
export function addToFilter(filter: Uint32Array, offset: number, text: string): void {
  let a = -1;
  let b = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (kindOf(c) !== WORD) {
      a = b = -1;
      continue;
    }
    if (a !== -1) {
      const k = bit(a, b, c);
      filter[offset + (k >>> 5)]! |= 1 << (k & 31);
    }
    a = b;
    b = c;
  }
}

/** The bits a word's triples set (word index and mask pairs); empty for words under three characters. */
export function wordProbe(word: string): Int32Array {
  const probe: number[] = [];
  for (let i = 2; i < word.length; i++) {
    const k = bit(word.charCodeAt(i - 2), word.charCodeAt(i - 1), word.charCodeAt(i));
    probe.push(k >>> 5, 1 << (k & 31));
  }
  return Int32Array.from(probe);
}

/** Whether the post whose filter starts at `offset` may contain the probed word. */
export function mayContain(filter: Uint32Array, offset: number, probe: Int32Array): boolean {
  for (let i = 0; i < probe.length; i += 2) {
    if ((filter[offset + probe[i]!]! & probe[i + 1]!) === 0) return false;
  }
  return true;
}
