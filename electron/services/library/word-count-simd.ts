/**
 * The word count's inner loop as a WebAssembly SIMD function: sixteen bytes per step, where
 * the JavaScript loop (word-count.ts) takes four. Counting was the largest single cost of a
 * cold index (about a fifth of the workers' time on the 10,000-post corpus); here it is a
 * few percent. Its source is word-count.wat, in the WebAssembly text format, compiled by the
 * build with wabt (`npm run build:wasm`); its answers are held to the byte-at-a-time
 * reference by tests/unit/index-library.test.ts.
 *
 * Its memory doubles as the buffer post files are read into (readBuffer), so the bytes are
 * counted where they were read, without a copy. Where WebAssembly SIMD is missing, `simd`
 * is null and word-count.ts counts in JavaScript.
 */
import { WORD_COUNT_WASM } from './word-count-wasm.ts';

/** The module, compiled from word-count.wat at build time (electron/build-wasm.mjs). */
const MODULE = new Uint8Array(Buffer.from(WORD_COUNT_WASM, 'base64'));

interface Memory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export interface SimdCounter {
  /**
   * See word-count.wat: positions are byte offsets into `memory`; `out` is where the
   * marks go (8 bytes of counts, then `cap` offsets), after the bytes counted.
   */
  count: (at: number, steps: number, before: number, out: number, cap: number) => number;
  memory: Memory;
}

/** Marks (see word-count.wat) kept per count: enough for every post but a long CJK one. */
export const MARKS = 16384;
/** The bytes readBuffer keeps free past what is read, for a count's marks (and alignment). */
export const MARK_ROOM = 32 + 4 * MARKS;

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
 * A buffer of at least `size` bytes in the counter's memory (grown when needed, with room
 * past them for a count's marks), so what is read into it is counted in place. Valid until
 * the next call: growing moves the memory. Null without WebAssembly SIMD.
 */
export function readBuffer(size: number): Buffer | null {
  if (!simd) return null;
  const memory = simd.memory;
  if (memory.buffer.byteLength < size + MARK_ROOM) {
    memory.grow(Math.ceil((size + MARK_ROOM - memory.buffer.byteLength) / 65536));
  }
  if (!view || view.buffer !== memory.buffer) view = Buffer.from(memory.buffer);
  return view;
}
