/**
 * `npm run bench [-- [--json] [filter...]]`
 *
 * Runs every benchmark in `tests/bench/benchmarks/*.ts` (each file default-exports one
 * `defineBenchmark({...})`), or only those whose name contains one of the filters, plus the
 * floors they are compared to. Prints a table, or with `--json` only
 * `{"results":[{"name","median_ms","p95_ms","floor_ms"?,"ratio"?,"runs"}]}` on stdout; progress and
 * errors go to stderr.
 */
import { readdirSync } from 'node:fs';
import { useBuiltWorkers } from './built-workers.ts';
import { type Benchmark, type Measurement, runBenchmark } from './measure.ts';
import { log } from './shared.ts';

interface Result {
  name: string;
  median_ms: number;
  /** The 95th percentile of the timed runs (the search budgets are on it). */
  p95_ms: number;
  floor_ms?: number;
  ratio?: number;
  runs: number;
  /** Set when the figures are not milliseconds (the `_ms` keys then hold this unit). */
  unit?: 'MB';
}

const BENCHMARKS = new URL('./benchmarks/', import.meta.url);

function isBenchmark(value: unknown): value is Benchmark {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Partial<Benchmark>;
  return typeof b.name === 'string' && typeof b.run === 'function' && typeof b.runs === 'number';
}

/** Every registered benchmark, ordered by file name. */
async function loadBenchmarks(): Promise<Benchmark[]> {
  const files = readdirSync(BENCHMARKS)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort();
  const benchmarks: Benchmark[] = [];
  for (const file of files) {
    const module: { default?: unknown } = await import(new URL(file, BENCHMARKS).href);
    if (!isBenchmark(module.default)) {
      throw new Error(`benchmarks/${file} does not default-export a defineBenchmark({...})`);
    }
    benchmarks.push(module.default);
  }
  const names = new Set<string>();
  for (const b of benchmarks) {
    if (names.has(b.name)) throw new Error(`two benchmarks are named ${b.name}`);
    names.add(b.name);
  }
  for (const b of benchmarks) {
    if (b.floor !== undefined && !names.has(b.floor)) {
      throw new Error(`${b.name}: its floor ${b.floor} is not a benchmark`);
    }
  }
  return benchmarks;
}

/** The benchmarks matching the filters, each preceded by its floors (once each). */
function plan(all: Benchmark[], filters: string[]): Benchmark[] {
  const byName = new Map(all.map((b) => [b.name, b]));
  const ordered: Benchmark[] = [];
  const visiting = new Set<string>();
  const visit = (b: Benchmark): void => {
    if (ordered.includes(b)) return;
    if (visiting.has(b.name)) throw new Error(`floor cycle through ${b.name}`);
    visiting.add(b.name);
    const floor = b.floor === undefined ? undefined : byName.get(b.floor);
    if (floor) visit(floor);
    ordered.push(b);
  };
  for (const b of all) {
    if (filters.length === 0 || filters.some((f) => b.name.includes(f))) visit(b);
  }
  return ordered;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function toResults(ordered: Benchmark[], measured: Map<string, Measurement>): Result[] {
  const results: Result[] = [];
  for (const b of ordered) {
    const m = measured.get(b.name);
    if (!m) continue;
    const floor = b.floor === undefined ? undefined : measured.get(b.floor);
    // Keys in the documented order: name, median_ms, p95_ms, floor_ms?, ratio?, runs.
    results.push({
      name: b.name,
      median_ms: round(m.median, 3),
      p95_ms: round(m.p95, 3),
      ...(floor && {
        floor_ms: round(floor.median, 3),
        ratio: round(m.median / floor.median, 3),
      }),
      runs: m.samples.length,
      ...(b.unit && { unit: b.unit }),
    });
  }
  return results;
}

function table(results: Result[]): string {
  const header = ['name', 'median ms', 'p95 ms', 'floor ms', 'ratio', 'runs'];
  const rows = results.map((r) => [
    r.name,
    `${r.median_ms.toFixed(2)}${r.unit ? ` ${r.unit}` : ''}`,
    `${r.p95_ms.toFixed(2)}${r.unit ? ` ${r.unit}` : ''}`,
    r.floor_ms === undefined ? '' : r.floor_ms.toFixed(2),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
    String(r.runs),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const USAGE = `usage: npm run bench -- [--json] [filter...]
  filter   run only benchmarks whose name contains it (their floors run too)
  --json   print only {"results":[...]} on stdout`;

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    log(USAGE);
    return 0;
  }
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  if (unknown.length > 0) {
    log(`bench: unknown option ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const filters = args.filter((a) => !a.startsWith('-'));
  useBuiltWorkers();
  const all = await loadBenchmarks();
  const ordered = plan(all, filters);
  if (ordered.length === 0) {
    log(`bench: nothing matches ${filters.join(' ')}; known: ${all.map((b) => b.name).join(', ')}`);
    return 2;
  }

  const measured = new Map<string, Measurement>();
  let failed = false;
  for (const b of ordered) {
    log(`bench: ${b.name} (${b.warmup ?? 1} warm-up + ${b.runs} runs)`);
    try {
      const m = await runBenchmark(b);
      measured.set(b.name, m);
      log(
        `bench: ${b.name}: median ${m.median.toFixed(2)} ${b.unit ?? 'ms'}, ` +
          `min ${m.min.toFixed(2)}, p95 ${m.p95.toFixed(2)}, max ${m.max.toFixed(2)}`,
      );
    } catch (error) {
      failed = true;
      log(
        `bench: ${b.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }

  const results = toResults(ordered, measured);
  if (json) process.stdout.write(`${JSON.stringify({ results })}\n`);
  else process.stdout.write(`${table(results)}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
