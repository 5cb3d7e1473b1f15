/**
 * The word count's inner loop as a WebAssembly SIMD function: sixteen bytes per step, where
 * the JavaScript loop (word-count.ts) takes four. Counting was the largest single cost of a
 * cold index (about a fifth of the workers' time on the 10,000-post corpus); here it is a
 * few percent. The module is small enough to write out by hand (below, one instruction per
 * line, with the WebAssembly text format in the comments), so the build needs no WebAssembly
 * toolchain, and its answers are held to the byte-at-a-time reference by
 * tests/unit/index-library.test.ts.
 *
 * Its memory doubles as the buffer post files are read into (readBuffer), so the bytes are
 * counted where they were read, without a copy. Where WebAssembly SIMD is missing, `simd`
 * is null and word-count.ts counts in JavaScript.
 */

/** Unsigned LEB128, as WebAssembly encodes sizes and indices. */
function leb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

const vector = (bytes: number[]): number[] => [...leb(bytes.length), ...bytes];
const section = (id: number, bytes: number[]): number[] => [id, ...vector(bytes)];
const name = (text: string): number[] => vector([...Buffer.from(text, 'latin1')]);

const I32 = 0x7f;
const V128 = 0x7b;
/** A v128 constant with every byte lane set to `byte`. */
const splat = (byte: number): number[] => [0xfd, 0x0c, ...new Array<number>(16).fill(byte)];
const simdOp = (code: number): number[] => [0xfd, code];
const LOAD = (offset: number) => [0xfd, 0x00, 0, offset]; // v128.load align=1 offset
const I8X16_EQ = simdOp(0x23);
const I8X16_LT_S = simdOp(0x25);
const I8X16_LT_U = simdOp(0x26);
const V128_AND = simdOp(0x4e);
const V128_ANDNOT = simdOp(0x4f);
const V128_OR = simdOp(0x50);
const V128_ANY_TRUE = simdOp(0x53);
const I8X16_BITMASK = simdOp(0x64);
const I8X16_SUB = simdOp(0x71);
const I8X16_SPLAT = simdOp(0x0f);
/** Lane 15 of the first operand, then lanes 0-14 of the second: the bytes one place back. */
const SHIFT_IN = [0xfd, 0x0d, 15, ...Array.from({ length: 15 }, (_, i) => 16 + i)];
const get = (local: number) => [0x20, local];
const set = (local: number) => [0x21, local];
const tee = (local: number) => [0x22, local];

// Locals: the parameters, then the count and four vectors.
const [AT, STEPS, BEFORE, COUNT, PREVIOUS, BYTES, WORD, LEAD] = [0, 1, 2, 3, 4, 5, 6, 7];

/** Adds the number of set lanes of the mask on the stack to COUNT. */
const addLanes = [...I8X16_BITMASK, 0x69, ...get(COUNT), 0x6a, ...set(COUNT)]; // i32.popcnt, i32.add

/**
 * (func (param $at i32) (param $steps i32) (param $before i32) (result i32))
 * Words in the `16 * steps` bytes at `at`, and one more for each kana or CJK lead byte, as
 * word-count.ts counts them. `before` is -1 when the byte before `at` is a word byte (a
 * word that started there is not counted again), else 0. Reads one byte past the end (the
 * lead byte rule looks at the next byte).
 */
// prettier-ignore
const body = [
  ...get(BEFORE), ...I8X16_SPLAT, ...set(PREVIOUS),
  0x02, 0x40, // block
  ...get(STEPS), 0x45, 0x0d, 0, // br_if 0 when steps == 0
  0x03, 0x40, // loop
  ...get(AT), ...LOAD(0), ...set(BYTES),
  // word = bytes >= 0x80 | bytes - '0' < 10 | (bytes | 0x20) - 'a' < 26
  ...get(BYTES), ...splat(0), ...I8X16_LT_S,
  ...get(BYTES), ...splat(0x30), ...I8X16_SUB, ...splat(10), ...I8X16_LT_U,
  ...V128_OR,
  ...get(BYTES), ...splat(0x20), ...V128_OR, ...splat(0x61), ...I8X16_SUB, ...splat(26), ...I8X16_LT_U,
  ...V128_OR,
  ...tee(WORD),
  // word starts: word & ~(the same lanes one byte back)
  ...get(PREVIOUS), ...get(WORD), ...SHIFT_IN,
  ...V128_ANDNOT,
  ...addLanes,
  ...get(WORD), ...set(PREVIOUS),
  // lead = bytes - 0xe3 < 7 (E3..E9), except E3 followed by less than 0x81
  ...get(BYTES), ...splat(0xe3), ...I8X16_SUB, ...splat(7), ...I8X16_LT_U,
  ...tee(LEAD), ...V128_ANY_TRUE,
  0x04, 0x40, // if
  ...get(LEAD),
  ...get(BYTES), ...splat(0xe3), ...I8X16_EQ,
  ...get(AT), ...LOAD(1), ...splat(0x81), ...I8X16_LT_U,
  ...V128_AND,
  ...V128_ANDNOT,
  ...addLanes,
  0x0b, // end if
  ...get(AT), 0x41, 16, 0x6a, ...set(AT), // at += 16
  ...get(STEPS), 0x41, 1, 0x6b, ...tee(STEPS), // steps -= 1
  0x0d, 0, // br_if 0: loop while steps != 0
  0x0b, // end loop
  0x0b, // end block
  ...get(COUNT),
  0x0b, // end func
];

/** Two runs of locals: one i32 (the count), four v128. */
const locals = [2, 1, I32, 4, V128];

// Each section holds a list: its first byte is the number of items (one or two here).
const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
  ...section(1, [1, 0x60, ...vector([I32, I32, I32]), ...vector([I32])]), // the function's type
  ...section(3, [1, 0]), // one function, of type 0
  ...section(5, [1, 0x00, ...leb(2)]), // one memory: two pages to start, no maximum
  ...section(7, [2, ...name('count'), 0x00, 0, ...name('memory'), 0x02, 0]), // exports
  ...section(10, [1, ...vector([...locals, ...body])]), // the function's code
]);

interface Memory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export interface SimdCounter {
  /** See `body`: positions are byte offsets into `memory`. */
  count: (at: number, steps: number, before: number) => number;
  memory: Memory;
}

/** The part of the WebAssembly API used here (the main process's TypeScript libs have no DOM). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

function instantiate(): SimdCounter | null {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    if (!wasm?.validate(MODULE)) return null;
    return new wasm.Instance(new wasm.Module(MODULE)).exports as SimdCounter;
  } catch {
    return null;
  }
}

export const simd = instantiate();

let view: Buffer | null = null;

/**
 * A buffer of at least `size` bytes in the counter's memory (grown when needed), so what
 * is read into it is counted in place. Valid until the next call: growing moves the memory.
 * Null without WebAssembly SIMD.
 */
export function readBuffer(size: number): Buffer | null {
  if (!simd) return null;
  const memory = simd.memory;
  if (memory.buffer.byteLength < size + 16) {
    memory.grow(Math.ceil((size + 16 - memory.buffer.byteLength) / 65536));
  }
  if (!view || view.buffer !== memory.buffer) view = Buffer.from(memory.buffer);
  return view;
}
