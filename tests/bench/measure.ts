/** The pieces every benchmark shares: its shape and the timing loop. */

export interface Benchmark<State = unknown> {
  /** Unique, kebab-case; the CLI filter matches substrings of it. */
  name: string;
  /** Timed runs; the median of these is reported. */
  runs: number;
  /** Untimed runs first, to warm caches and the JIT. Default 1. */
  warmup?: number;
  /**
   * Name of the benchmark whose median is this one's floor (reported as `floor_ms`, and
   * `ratio` = median / floor). The runner measures the floor in the same run, even when the
   * filter leaves it out, since budgets are ratios within one run.
   */
  floor?: string;
  /** Once, untimed, before any run: build the corpus, list files, make temp folders. */
  setup?: () => State | Promise<State>;
  /** Untimed, before every run (warm-up runs included). */
  beforeEach?: (state: State) => void | Promise<void>;
  /**
   * The timed work. A run may return `{ measuredMs }` when it timed itself somewhere the
   * runner cannot see (inside a browser page); that figure is used instead of wall time.
   */
  run: (state: State) => unknown;
  /** What `measuredMs` holds when it is not a time (memory-10k: megabytes). */
  unit?: 'MB';
  /** Once, untimed, after the last run, even when a run threw. */
  teardown?: (state: State) => void | Promise<void>;
}

/**
 * Declares a benchmark. The state type flows from `setup` into the other hooks, and the
 * result is widened so that benchmarks with different states fit in one registry.
 */
export function defineBenchmark<State>(benchmark: Benchmark<State>): Benchmark {
  return benchmark as unknown as Benchmark;
}

export interface Measurement {
  /** Timed runs, in order, in milliseconds. */
  samples: number[];
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** The q-quantile (0..1) of sorted values, interpolated between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (at - lo);
}

export function summarize(samples: number[]): Measurement {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/**
 * Times `run` `runs` times after `warmup` untimed runs; `beforeEach` runs untimed before
 * every run. Sync and async work are both timed to completion.
 */
export async function measure(
  run: () => unknown,
  options: { runs: number; warmup?: number; beforeEach?: () => void | Promise<void> },
): Promise<Measurement> {
  const warmup = options.warmup ?? 1;
  const samples: number[] = [];
  for (let i = 0; i < warmup + options.runs; i++) {
    if (options.beforeEach) await options.beforeEach();
    const started = performance.now();
    let result = run();
    if (result instanceof Promise) result = await result;
    const measured = (result as { measuredMs?: unknown } | undefined)?.measuredMs;
    const elapsed = typeof measured === 'number' ? measured : performance.now() - started;
    if (i >= warmup) samples.push(elapsed);
  }
  return summarize(samples);
}

/** Runs one benchmark through its hooks. */
export async function runBenchmark(benchmark: Benchmark): Promise<Measurement> {
  const state = benchmark.setup ? await benchmark.setup() : undefined;
  try {
    const { beforeEach } = benchmark;
    return await measure(() => benchmark.run(state), {
      runs: benchmark.runs,
      warmup: benchmark.warmup,
      beforeEach: beforeEach && (() => beforeEach(state)),
    });
  } finally {
    if (benchmark.teardown) await benchmark.teardown(state);
  }
}
