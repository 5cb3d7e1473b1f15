/**
 * The page's main-thread tasks from a Chromium trace. The Long Tasks API reports only tasks
 * over 50 ms; a 16 ms budget needs every task, so the benchmarks read a trace instead.
 */
import type { Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface MainThreadTask {
  durationMs: number;
  /** What ran inside it, longest first: `Layout 3.1`, `FunctionCall onKey (app.js:12) 9.4`. */
  cause: string;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
];

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const GC_NAMES = new Set(['MinorGC', 'MajorGC']);

function label(event: TraceEvent): string {
  const data = event.args?.data ?? {};
  if (event.name === 'FunctionCall') {
    const fn =
      typeof data.functionName === 'string' && data.functionName
        ? data.functionName
        : '(anonymous)';
    const url = typeof data.url === 'string' ? data.url.replace(/^.*\//, '') : '';
    return `FunctionCall ${fn}${url ? ` (${url}:${String(data.lineNumber ?? '?')})` : ''}`;
  }
  if (event.name === 'EventDispatch' && typeof data.type === 'string')
    return `EventDispatch ${data.type}`;
  if (event.name === 'TimerFire' || event.name === 'FireAnimationFrame') return event.name;
  return event.name;
}

/** The renderer main threads in a trace, by `pid:tid`. */
function rendererMainThreads(events: TraceEvent[]): Set<string> {
  const threads = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') {
      threads.add(`${e.pid}:${e.tid}`);
    }
  }
  return threads;
}

/** Every task of the busiest renderer main thread (the page's), with what ran inside it. */
export function mainThreadTasks(events: TraceEvent[]): MainThreadTask[] {
  const mains = rendererMainThreads(events);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(key) || e.dur === undefined) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  let busiest: TraceEvent[] = [];
  let busiestTime = -1;
  for (const list of byThread.values()) {
    const time = list.filter((e) => TASK_NAMES.has(e.name)).reduce((sum, e) => sum + e.dur!, 0);
    if (time > busiestTime) [busiest, busiestTime] = [list, time];
  }
  busiest.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: MainThreadTask[] = [];
  let taskEnd = -1;
  for (let i = 0; i < busiest.length; i++) {
    const task = busiest[i]!;
    // A task inside a task (the scheduler's own wrapper) is part of it.
    if (!TASK_NAMES.has(task.name) || task.ts < taskEnd) continue;
    const end = task.ts + task.dur!;
    taskEnd = end;
    // Its direct children: the events inside it not inside an earlier child.
    const parts: Array<[string, number]> = [];
    let childEnd = -1;
    let named = true;
    let collected = 0;
    for (let j = i + 1; j < busiest.length && busiest[j]!.ts < end; j++) {
      const child = busiest[j]!;
      if (TASK_NAMES.has(child.name)) continue;
      if (child.ts >= childEnd) {
        childEnd = child.ts + child.dur!;
        parts.push([label(child), child.dur! / 1000]);
        named = child.name === 'FunctionCall';
      } else if (!named && child.name === 'FunctionCall') {
        // The script a wrapper (an idle callback, a timer, an event) ran, named once.
        parts[parts.length - 1]![0] += ` > ${label(child)}`;
        named = true;
      } else if (GC_NAMES.has(child.name)) {
        collected += child.dur! / 1000;
      }
    }
    if (collected > 0) parts.push([`garbage collection inside`, collected]);
    parts.sort((a, b) => b[1] - a[1]);
    tasks.push({
      durationMs: task.dur! / 1000,
      cause: parts
        .slice(0, 4)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
        .join(', '),
    });
  }
  return tasks;
}

/** Runs `action` with the page's main thread traced; returns its tasks. */
export async function traceMainThread(
  page: Page,
  action: () => Promise<void>,
): Promise<MainThreadTask[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to trace');
  await browser.startTracing(page, { categories: CATEGORIES });
  try {
    await action();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  return mainThreadTasks(parsed.traceEvents);
}

/** The longest of the tasks. */
export function longestTask(tasks: MainThreadTask[]): MainThreadTask {
  return tasks.reduce((a, b) => (b.durationMs > a.durationMs ? b : a), {
    durationMs: 0,
    cause: 'none',
  });
}
