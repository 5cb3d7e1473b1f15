import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BlockPatch } from '../../shared/markdown-diff.ts';
import { createRenderClient } from '../../renderer/features/preview/render-client.ts';
import type { RenderMessage, RenderRequest } from '../../renderer/features/preview/render-core.ts';

/** A stand-in for the render worker: it answers only when told to, like a slow render. */
class SlowWorker {
  static made: SlowWorker[] = [];
  received: RenderRequest[] = [];
  terminated = false;
  private listener: ((event: MessageEvent<RenderMessage>) => void) | null = null;
  constructor() {
    SlowWorker.made.push(this);
  }
  addEventListener(_type: string, listener: (event: MessageEvent<RenderMessage>) => void) {
    this.listener = listener;
  }
  postMessage(request: RenderRequest) {
    this.received.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(generation = this.received.at(-1)!.generation) {
    const patch = { keep: 0, remove: 0, insert: [] } as unknown as BlockPatch;
    this.listener?.({ data: { kind: 'blocks', generation, reply: true, patch } } as MessageEvent);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  SlowWorker.made = [];
});
afterEach(() => vi.useRealTimers());

function client() {
  const events: string[] = [];
  const made = createRenderClient({
    onPatch: () => events.push('patch'),
    onStats: () => undefined,
    onPaused: () => events.push('paused'),
    createWorker: () => new SlowWorker() as unknown as Worker,
    timeLimitMs: 1000,
  });
  return { made, events };
}

describe('the preview’s render worker, held to a time limit', () => {
  it('a render that answers in time is shown; one that does not is stopped and the preview paused', () => {
    const { made, events } = client();
    made.render('quick', 0);
    SlowWorker.made[0]!.answer();
    expect(events).toEqual(['patch']);
    made.render('runaway', 0);
    made.render('typed meanwhile', 0);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['patch', 'paused']);
    expect(SlowWorker.made[0]!.terminated).toBe(true);
    expect(SlowWorker.made).toHaveLength(2);
    // Paused: typing sends nothing until the writer resumes.
    made.render('typed while paused', 0);
    expect(SlowWorker.made[1]!.received).toEqual([]);
  });

  it('Render anyway sends the latest text with no limit, until another post opens', () => {
    const { made, events } = client();
    made.render('runaway', 0);
    vi.advanceTimersByTime(1000);
    made.render('latest text', 0);
    made.resume();
    const fresh = SlowWorker.made[1]!;
    expect(fresh.received.map((r) => r.body)).toEqual(['latest text']);
    vi.advanceTimersByTime(60_000);
    expect(events).toEqual(['paused']);
    fresh.answer();
    expect(events).toEqual(['paused', 'patch']);
    // Another post: the limit holds again.
    made.reset();
    made.render('next post', 0);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['paused', 'patch', 'paused']);
  });
});
