/** The word counter's WebAssembly, compiled from electron/services/library/word-count.wat. */
export function compileWordCount(): Promise<Buffer>;
