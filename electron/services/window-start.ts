/**
 * A newly opened folder's heavy background work (loading every post's text for search, the
 * site health check) waits for the window to start: on a 10,000-post blog it is over a
 * second of the main process's time, and every request of a starting window queued behind
 * it (boot-10k: 2.2 s with it, 1.1 s without, in the Chromium host). It begins once the
 * window has its post list and a beat has passed, or after LATEST_MS whatever the window does.
 */
const QUIET_MS = 400;
const LATEST_MS = 3_000;

export interface WindowStart {
  /** The window was handed its post list. */
  listed(): void;
  /** Settles when background work may begin. */
  readonly settled: Promise<void>;
  /** Settles it now (a search asked; the folder closes). */
  now(): void;
}

export function windowStart(quietMs = QUIET_MS, latestMs = LATEST_MS): WindowStart {
  let resolve!: () => void;
  const settled = new Promise<void>((r) => (resolve = r));
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const now = () => {
    for (const timer of timers) clearTimeout(timer);
    resolve();
  };
  const after = (ms: number) => {
    const timer = setTimeout(now, ms);
    timer.unref?.();
    timers.push(timer);
  };
  after(latestMs);
  return { listed: () => after(quietMs), settled, now };
}
