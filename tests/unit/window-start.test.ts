import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { windowStart } from '../../electron/services/window-start.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function settledBy(start: ReturnType<typeof windowStart>, ms: number): Promise<boolean> {
  let settled = false;
  void start.settled.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe('a new folder’s background work waits for the window to start', () => {
  it('begins a beat after the window has its post list', async () => {
    const start = windowStart(400, 3000);
    expect(await settledBy(start, 1000)).toBe(false);
    start.listed();
    expect(await settledBy(start, 399)).toBe(false);
    expect(await settledBy(start, 1)).toBe(true);
  });

  it('begins after the longest wait when no window asks, and at once when a search does', async () => {
    expect(await settledBy(windowStart(400, 3000), 3000)).toBe(true);
    const asked = windowStart(400, 3000);
    asked.now();
    expect(await settledBy(asked, 0)).toBe(true);
  });
});
