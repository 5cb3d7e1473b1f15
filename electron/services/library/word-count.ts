/**
 * Word count of a post's body, on its UTF-8 bytes, for the library index.
 *
 * A word is a run of ASCII letters and digits and non-ASCII characters, so Markdown syntax
 * (`#`, `-`, `>`, `|`, `**`) never counts, `don't` is two words as in most blog word-count
 * plugins, and each kana or CJK ideograph counts one (those languages put no spaces
 * between words). It is an estimate for a list column, not a linguistic count.
 *
 * Counting runs a byte at a time cost 3-4x the time to read the files (10,000 posts, about
 * 118 MB); the JavaScript loop below looks at four bytes per step with bit tricks (SWAR) and
 * costs about a fifth of the read; with WebAssembly SIMD (word-count-simd.ts), sixteen bytes
 * per step, it is a few percent. The byte-at-a-time version is kept as the reference the
 * tests compare both to.
 */
import { readBuffer, simd } from './word-count-simd.ts';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function isWordByte(c: number): boolean {
  const l = c | 0x20;
  return c >= 0x80 || (c >= 0x30 && c <= 0x39) || (l >= 0x61 && l <= 0x7a);
}

/**
 * Lead bytes of U+3040..U+9FFF (kana, CJK ideographs): E3 81..E9 BF. U+3000..U+303F (CJK
 * punctuation, `E3 80 xx`) is left out.
 */
function isCjkLead(bytes: Uint8Array, i: number): boolean {
  const c = bytes[i]!;
  if (c < 0xe3 || c > 0xe9) return false;
  return c !== 0xe3 || (bytes[i + 1] ?? 0) >= 0x81;
}

/** The reference implementation: one byte at a time. */
export function countWordsSlow(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let count = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const word = isWordByte(bytes[i]!);
    if (word && !inWord) count++;
    if (isCjkLead(bytes, i)) count++;
    inWord = word;
  }
  return count;
}

/** Kana and CJK ideographs in `bytes[from, to)`: each is a word (see isCjkLead). */
function countCjk(bytes: Uint8Array, from: number, to: number): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let first = -1;
  for (let lead = 0xe3; lead <= 0xe9; lead++) {
    const at = view.indexOf(lead, from);
    if (at !== -1 && at < to && (first === -1 || at < first)) first = at;
  }
  let count = 0;
  if (first !== -1) for (let i = first; i < to; i++) if (isCjkLead(bytes, i)) count++;
  return count;
}

/** Words in `bytes[from, to)`: the same answer as countWordsSlow, as fast as this runtime can. */
export function countWords(bytes: Uint8Array, from = 0, to = bytes.length): number {
  // The SIMD loop reads a byte past its last step: the last byte is always left to the tail.
  const steps = (to - from - 1) >> 4;
  if (!simd || steps < 2) return countWordsSwar(bytes, from, to);
  let at = bytes.byteOffset + from;
  if (bytes.buffer !== simd.memory.buffer) {
    // Not read into the counter's memory (a saved text, a test): copied there first.
    readBuffer(to - from)!.set(bytes.subarray(from, to));
    at = 0;
  }
  let count = simd.count(at, steps, 0);
  let i = from + steps * 16;
  let inWord = isWordByte(bytes[i - 1]!);
  for (; i < to; i++) {
    const word = isWordByte(bytes[i]!);
    if (word && !inWord) count++;
    if (isCjkLead(bytes, i)) count++;
    inWord = word;
  }
  return count;
}

/** Words in `bytes[from, to)`: the same answer as countWordsSlow, four bytes per step. */
export function countWordsSwar(bytes: Uint8Array, from = 0, to = bytes.length): number {
  if (!LITTLE_ENDIAN || to - from < 16) return countWordsSlow(bytes, from, to);
  let count = 0;
  let inWord = false;
  let i = from;
  let high = 0;
  // Bytes before the first 4-byte boundary.
  while (((bytes.byteOffset + i) & 3) !== 0) {
    const c = bytes[i]!;
    const word = isWordByte(c);
    if (word && !inWord) count++;
    high |= c;
    inWord = word;
    i++;
  }
  const steps = (to - i) >> 2;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset + i, steps);
  let carry = inWord ? 0x80 : 0;
  for (let k = 0; k < steps; k++) {
    const x = words[k]!;
    const y = x & 0x7f7f7f7f;
    const lower = y | 0x20202020;
    // Per byte: bit 7 set when the 7-bit value is > a bound, since adding (0x7f - bound)
    // carries into bit 7 exactly then (and never into the next byte). The `| 0`s keep V8
    // in 32-bit integer arithmetic (the sums pass 2^31): twice as fast as without.
    const digit = ((y + 0x50505050) | 0) & ~((y + 0x46464646) | 0); // > 0x2f, not > 0x39
    const letter = ((lower + 0x1f1f1f1f) | 0) & ~((lower + 0x05050505) | 0); // > 0x60, not > 0x7a
    const word = (x | digit | letter) & 0x80808080;
    const starts = (word & ~((word << 8) | carry)) >>> 7;
    count = (count + (Math.imul(starts, 0x01010101) >>> 24)) | 0;
    carry = word >>> 24;
    high |= x;
  }
  i += steps << 2;
  inWord = carry !== 0;
  for (; i < to; i++) {
    const c = bytes[i]!;
    const word = isWordByte(c);
    if (word && !inWord) count++;
    high |= c;
    inWord = word;
  }
  return (high & 0x80808080) === 0 ? count : count + countCjk(bytes, from, to);
}
