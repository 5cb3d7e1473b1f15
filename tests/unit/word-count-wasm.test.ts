/**
 * The word counter's WebAssembly is built from its readable source: compiling
 * electron/services/library/word-count.wat again gives exactly the bytes the app loads.
 */
import { describe, expect, it } from 'vitest';
import { compileWordCount } from '../../electron/build-wasm.mjs';
import { WORD_COUNT_WASM } from '../../electron/services/library/word-count-wasm.ts';
import { simd } from '../../electron/services/library/word-count-simd.ts';

describe('the word counter’s WebAssembly', () => {
  it('is the compiled word-count.wat, byte for byte, and loads', async () => {
    const compiled = await compileWordCount();
    expect(Buffer.from(WORD_COUNT_WASM, 'base64').equals(compiled)).toBe(true);
    expect(simd).not.toBeNull();
  });
});
