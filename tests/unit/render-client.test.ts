import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diffBlocks, type BlockPatch } from '../../shared/markdown/diff.ts';
import { renderMarkdownBlocks } from '../../shared/markdown/index.ts';
import {
  BUILD_BUDGET_US,
  buildCost,
  createRenderClient,
} from '../../renderer/features/preview/render-client.ts';
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
  answer(generation = this.received.at(-1)!.generation, patch = patchOf(this.received.at(-1)!)) {
    this.listener?.({ data: { kind: 'blocks', generation, reply: true, patch } } as MessageEvent);
  }
}

/** The patch of a whole post rendered into an empty preview, as the worker sends it. */
function patchOf(request: Pick<RenderRequest, 'body'>): BlockPatch {
  return diffBlocks([], renderMarkdownBlocks(request.body));
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
    onPaused: (reason) => events.push(`paused (${reason})`),
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
    expect(events).toEqual(['patch', 'paused (time)']);
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
    expect(events).toEqual(['paused (time)']);
    fresh.answer();
    expect(events).toEqual(['paused (time)', 'patch']);
    // Another post: the limit holds again.
    made.reset();
    made.render('next post', 0);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['paused (time)', 'patch', 'paused (time)']);
  });
});

describe('the preview’s build budget: no patch holds the window', () => {
  const storm = '$x^2$ '.repeat(20_000);

  it('a paragraph of 20,000 formulas is too heavy; a math-heavy post, a long post and a big code block are not', () => {
    expect(buildCost(patchOf({ body: storm }))).toBeGreaterThan(BUILD_BUDGET_US);
    const lecture = Array.from(
      { length: 100 },
      (_, i) =>
        `Step ${i}: with $a_${i} = \\frac{1}{${i + 1}}$ and $b^2$, we get $$\\sum_{k=0}^{${i}} a_k b^k$$`,
    ).join('\n\n');
    expect(buildCost(patchOf({ body: lecture }))).toBeLessThan(BUILD_BUDGET_US);
    const prose = Array.from(
      { length: 2000 },
      (_, i) => `Paragraph ${i} with *some* **words** and \`code\`.`,
    );
    expect(buildCost(patchOf({ body: prose.join('\n\n') }))).toBeLessThan(BUILD_BUDGET_US);
    const code = '```js\n' + 'const a = foo(1, "x") + bar[2];\n'.repeat(3000) + '```\n';
    expect(buildCost(patchOf({ body: code }))).toBeLessThan(BUILD_BUDGET_US);
  });

  it('a patch past the budget is not shown: the preview pauses, and Render anyway shows it', () => {
    const { made, events } = client();
    made.render(storm, 0);
    SlowWorker.made[0]!.answer();
    expect(events).toEqual(['paused (size)']);
    // Its worker holds blocks the page does not: a fresh one starts.
    expect(SlowWorker.made[0]!.terminated).toBe(true);
    made.resume();
    SlowWorker.made[1]!.answer();
    expect(events).toEqual(['paused (size)', 'patch']);
    made.reset();
    made.render(storm, 0);
    SlowWorker.made[1]!.answer();
    expect(events).toEqual(['paused (size)', 'patch', 'paused (size)']);
  });
});
