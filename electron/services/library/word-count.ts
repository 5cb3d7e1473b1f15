/**
 * Word count of a post's body, on its UTF-8 bytes, for the library index, by the one rule
 * (shared/word-count.ts: CJK characters one each, runs of word characters, `don't` one word).
 *
 * The fast part counts runs of "word bytes" (ASCII letters and digits, and every byte of a
 * non-ASCII character) plus one per CJK character. Counting a byte at a time cost 3-4x the
 * time to read the files (10,000 posts, about 118 MB); the JavaScript loop below looks at
 * four bytes per step with bit tricks (SWAR) and costs about a fifth of the read; with
 * WebAssembly SIMD (word-count-simd.ts), sixteen bytes per step, it is a few percent. The
 * byte-at-a-time version is kept as the reference the tests compare both to.
 *
 * That count differs from the rule only around a few characters: the joiners (`'`, `-`,
 * `_`, `’`), punctuation outside ASCII (which the fast part takes for word bytes) and CJK
 * characters (whose bytes it also takes into runs). The SIMD loop finds them as it counts
 * (without it, `indexOf` does: native, vectorized, but a pass per byte value, which cost
 * more than the count itself); each stretch around them is counted again by the rule, char
 * by char, and the difference corrects the fast count (see ruleCorrection).
 */
import { isAscii } from 'node:buffer';
import { isCjkCode, isJoinerCode, isWordCode } from '../../../shared/word-count.ts';
import { MARKS, readBuffer, simd } from './word-count-simd.ts';

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

/** Words in `bytes[from, to)` by the one rule (shared/word-count.ts), as fast as this runtime can. */
export function countWords(bytes: Uint8Array, from = 0, to = bytes.length): number {
  const counted = simdCount(bytes, from, to);
  if (!counted) return countWordsSwar(bytes, from, to) + ruleCorrection(bytes, from, to);
  const { count, marks, joinable } = counted;
  if (marks === null) return count + ruleCorrection(bytes, from, to);
  // The loop left the last bytes (see simdCount): their joiners and special bytes here.
  let correction = -joinable;
  for (let i = to - counted.tail; i < to; i++) {
    const c = bytes[i]!;
    if (isAsciiJoiner(c)) correction += plainJoiner(bytes, i, from, to, marks);
    else if (SPECIAL_LEADS.includes(c)) marks.push(i);
  }
  return count + correction + stretches(bytes, from, to, marks);
}

/** The fast count (runs of word bytes, plus CJK characters): countWordsSlow's answer. */
export function runCount(bytes: Uint8Array, from = 0, to = bytes.length): number {
  return simdCount(bytes, from, to)?.count ?? countWordsSwar(bytes, from, to);
}

/**
 * The fast count of `bytes[from, to)` by the SIMD loop, with what it found for the rule's
 * correction: `joinable` ASCII joiners, and the `marks` (offsets into `bytes`, in order;
 * null when there were too many to keep) of the loop's part, all but the last `tail` bytes.
 * Null without WebAssembly SIMD, or for a range too short for it.
 */
function simdCount(
  bytes: Uint8Array,
  from: number,
  to: number,
): { count: number; joinable: number; marks: number[] | null; tail: number } | null {
  // The SIMD loop reads a byte past its last step: the last byte is always left to the tail.
  const steps = (to - from - 1) >> 4;
  if (!simd || steps < 2) return null;
  let at = bytes.byteOffset + from;
  // Marks go past the bytes (readBuffer keeps room there): a range inside a post must not
  // overwrite the rest of it.
  let end = bytes.byteOffset + bytes.length;
  if (bytes.buffer !== simd.memory.buffer) {
    // Not read into the counter's memory (a saved text, a test): copied there first.
    readBuffer(to - from)!.set(bytes.subarray(from, to));
    at = 0;
    end = to - from;
  }
  const out = (end + 16 + 3) & ~3;
  let count = simd.count(at, steps, 0, out, MARKS);
  const words = new Int32Array(simd.memory.buffer, out, 2 + MARKS);
  const found = words[0]!;
  let marks: number[] | null = null;
  if (found >= 0) {
    marks = new Array<number>(found);
    const shift = from - at;
    for (let k = 0; k < found; k++) marks[k] = words[2 + k]! + shift;
  }
  let i = from + steps * 16;
  let inWord = isWordByte(bytes[i - 1]!);
  for (; i < to; i++) {
    const word = isWordByte(bytes[i]!);
    if (word && !inWord) count++;
    if (isCjkLead(bytes, i)) count++;
    inWord = word;
  }
  return { count, joinable: words[1]!, marks, tail: to - from - steps * 16 };
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

/** ASCII joiners (`'`, `-`, `_`): the rule may join words across them, the fast count never. */
const ASCII_JOINERS = [0x27, 0x2d, 0x5f];
/** Lead bytes of the non-ASCII characters the two counts may disagree on (see ruleCorrection). */
const SPECIAL_LEADS = [0xc2, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9];

const isAsciiJoiner = (c: number) => c === 0x27 || c === 0x2d || c === 0x5f;

/** The length of the last character codeAt read (returned apart: no array per character). */
let codeLength = 1;

/** The code point at `i` (U+FFFD, one byte, for a broken sequence); its length in codeLength. */
function codeAt(bytes: Uint8Array, i: number, to: number): number {
  const c = bytes[i]!;
  codeLength = 1;
  if (c < 0x80) return c;
  const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  if (length === 1 || i + length > to) return 0xfffd;
  let code = c & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const next = bytes[i + k]!;
    if ((next & 0xc0) !== 0x80) return 0xfffd;
    code = (code << 6) | (next & 0x3f);
  }
  codeLength = length;
  return code;
}

/** The start of the character holding byte `i` (back over continuation bytes). */
function charStart(bytes: Uint8Array, i: number, from: number): number {
  while (i > from && (bytes[i]! & 0xc0) === 0x80) i--;
  return i;
}

/** Words starting in `[start, end)` by the rule, entering after a word character or not. */
function ruleStarts(bytes: Uint8Array, start: number, end: number, inWord: boolean): number {
  let words = 0;
  for (let i = start; i < end;) {
    const code = codeAt(bytes, i, end);
    i += codeLength;
    if (isCjkCode(code)) {
      words++;
      inWord = false;
    } else if (isWordCode(code)) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(inWord && isJoinerCode(code) && i < end && isWordCode(codeAt(bytes, i, end)))) {
      inWord = false;
    }
  }
  return words;
}

/** What the fast count adds for `[start, end)`, entering after a word byte or not. */
function runStarts(bytes: Uint8Array, start: number, end: number, inWord: boolean): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const word = isWordByte(bytes[i]!);
    if (word && !inWord) count++;
    if (isCjkLead(bytes, i)) count++;
    inWord = word;
  }
  return count;
}

/** Positions in `[from, to)` of each byte in `values`, appended to `out`. */
function positions(view: Buffer, values: number[], from: number, to: number, out: number[]): void {
  for (const value of values) {
    for (let i = view.indexOf(value, from); i !== -1 && i < to; i = view.indexOf(value, i + 1))
      out.push(i);
  }
}

/** Whether the byte at `i` (inside `[from, to)`) is ASCII and no joiner: an ordinary character. */
const plainAscii = (bytes: Uint8Array, i: number, from: number, to: number) =>
  i < from || i >= to || (bytes[i]! < 0x80 && !isAsciiJoiner(bytes[i]!));

/**
 * What the rule adds for a joiner at `i` whose neighbours are plain ASCII (nearly all of
 * them: `don't`, `well-known`, a list's `- `): -1 when both are letters or digits, which the
 * rule joins and the fast count splits. Any other joiner goes to `marks`.
 */
function plainJoiner(bytes: Uint8Array, i: number, from: number, to: number, marks: number[]) {
  if (!plainAscii(bytes, i - 1, from, to) || !plainAscii(bytes, i + 1, from, to)) {
    marks.push(i);
    return 0;
  }
  return i > from && i + 1 < to && isWordByte(bytes[i - 1]!) && isWordByte(bytes[i + 1]!) ? -1 : 0;
}

/**
 * The rule's count minus the fast count. Both agree on every character that is not special
 * (an ASCII joiner, or a character led by SPECIAL_LEADS), so they can only differ around
 * special ones: plain joiners (plainJoiner), and the rest, counted again (stretches). Found
 * here with `indexOf`, where the SIMD loop did not find them (countWords).
 */
function ruleCorrection(bytes: Uint8Array, from: number, to: number): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let correction = 0;
  const at: number[] = [];
  for (const joiner of ASCII_JOINERS) {
    for (let i = view.indexOf(joiner, from); i !== -1 && i < to; i = view.indexOf(joiner, i + 1))
      correction += plainJoiner(bytes, i, from, to, at);
  }
  if (!isAscii(view.subarray(from, to))) positions(view, SPECIAL_LEADS, from, to, at);
  at.sort((a, b) => a - b);
  return correction + stretches(bytes, from, to, at);
}

/**
 * What the rule adds around the special characters at `at` (sorted): each is counted again
 * with its neighbours, both ways, in stretches from the character before a cluster of them
 * to the character after it (both ordinary, so both counts enter and leave each stretch in
 * the same state); the differences add up.
 */
function stretches(bytes: Uint8Array, from: number, to: number, at: readonly number[]): number {
  let correction = 0;
  for (let k = 0; k < at.length;) {
    const start = at[k]! > from ? charStart(bytes, at[k]! - 1, from) : from;
    codeAt(bytes, at[k]!, to);
    let end = at[k]! + codeLength;
    // Take in every special character up to the ordinary one after the last.
    for (;;) {
      while (k < at.length && at[k]! < end) k++;
      let next = to;
      if (end < to) {
        codeAt(bytes, end, to);
        next = end + codeLength;
      }
      // A special character at `end`, or right after the ordinary one there (that one is its
      // context too): the stretch goes on.
      const goesOn = k < at.length && (at[k] === end || at[k] === next);
      end = next;
      if (!goesOn) break;
    }
    const entering = start > from && isWordByte(bytes[start - 1]!);
    correction += ruleStarts(bytes, start, end, entering) - runStarts(bytes, start, end, entering);
  }
  return correction;
}
