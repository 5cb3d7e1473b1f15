/**
 * Where a worker's code comes from: beside the bundle when running from it; from source
 * through tsx in tests; from the build when the benchmarks ask (they measure what ships).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerSource } from '../../electron/services/processes/worker-source.ts';

afterEach(() => vi.unstubAllEnvs());

describe('a worker’s source', () => {
  it('is the bundle beside a bundled caller, and the TypeScript entry through tsx beside a source one', () => {
    const bundled = workerSource(
      'file:///app/dist/electron/main.cjs',
      'index-worker.cjs',
      'index-worker.ts',
    );
    expect(bundled).toEqual({
      source: new URL('file:///app/dist/electron/index-worker.cjs'),
      eval: false,
    });
    const source = workerSource(import.meta.url, 'index-worker.cjs', 'index-worker.ts');
    expect(source.eval).toBe(true);
    expect(source.source).toContain(new URL('index-worker.ts', import.meta.url).href);
  });

  it('is the build’s bundle when FOLIO_BUILT_WORKERS names the build’s folder, even for a source caller', () => {
    vi.stubEnv('FOLIO_BUILT_WORKERS', '/work/folio/dist/electron');
    expect(workerSource(import.meta.url, 'index-worker.cjs', 'index-worker.ts')).toEqual({
      source: new URL('file:///work/folio/dist/electron/index-worker.cjs'),
      eval: false,
    });
  });
});
