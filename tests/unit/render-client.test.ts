import { Text } from '@codemirror/state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diffBlocks, type BlockPatch } from '../../shared/markdown/diff.ts';
import { renderMarkdownBlocks } from '../../shared/markdown/index.ts';
import {
  BUILD_BUDGET_US,
  buildCost,
  createRenderClient,
} from '../../renderer/features/preview/render-client.ts';
import type { RenderMessage, RenderRequest } from '../../renderer/features/preview/render-core.ts';
import { applyTextEdit } from '../../renderer/features/preview/text-edit.ts';

/** A post with no front matter, as the preview is handed it. */
const post = (text: string) => ({ doc: Text.of(text.split('\n')), bodyStart: 0, lineOffset: 0 });

/** A stand-in for the render worker: it answers only when told to, like a slow render. */
class SlowWorker {
  static made: SlowWorker[] = [];
  received: RenderRequest[] = [];
  /** The post as this worker holds it after each request (whole, or changed by an edit). */
  texts: string[] = [];
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
    const held = this.texts.at(-1);
    if (request.text !== undefined) this.texts.push(request.text);
    else if (request.edit && held !== undefined) this.texts.push(applyTextEdit(held, request.edit));
    else throw new Error('an edit to a post this worker never had');
  }
  terminate() {
    this.terminated = true;
  }
  answer(generation = this.received.at(-1)!.generation, patch = patchOf(this.texts.at(-1)!)) {
    this.listener?.({ data: { kind: 'blocks', generation, reply: true, patch } } as MessageEvent);
  }
}

/** The patch of a whole post rendered into an empty preview, as the worker sends it. */
function patchOf(body: string): BlockPatch {
  return diffBlocks([], renderMarkdownBlocks(body));
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
    made.render(post('quick'));
    SlowWorker.made[0]!.answer();
    expect(events).toEqual(['patch']);
    made.render(post('runaway'));
    made.render(post('typed meanwhile'));
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['patch', 'paused (time)']);
    expect(SlowWorker.made[0]!.terminated).toBe(true);
    expect(SlowWorker.made).toHaveLength(2);
    // Paused: typing sends nothing until the writer resumes.
    made.render(post('typed while paused'));
    expect(SlowWorker.made[1]!.received).toEqual([]);
  });

  it('Render anyway sends the latest text with no limit, until another post opens', () => {
    const { made, events } = client();
    made.render(post('runaway'));
    vi.advanceTimersByTime(1000);
    made.render(post('latest text'));
    made.resume();
    const fresh = SlowWorker.made[1]!;
    expect(fresh.texts).toEqual(['latest text']);
    vi.advanceTimersByTime(60_000);
    expect(events).toEqual(['paused (time)']);
    fresh.answer();
    expect(events).toEqual(['paused (time)', 'patch']);
    // Another post: the limit holds again.
    made.reset();
    made.render(post('next post'));
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['paused (time)', 'patch', 'paused (time)']);
  });
});

describe('the preview’s build budget: no patch holds the window', () => {
  const storm = '$x^2$ '.repeat(20_000);

  it('a paragraph of 20,000 formulas is too heavy; a math-heavy post, a long post and a big code block are not', () => {
    expect(buildCost(patchOf(storm))).toBeGreaterThan(BUILD_BUDGET_US);
    const lecture = Array.from(
      { length: 100 },
      (_, i) =>
        `Step ${i}: with $a_${i} = \\frac{1}{${i + 1}}$ and $b^2$, we get $$\\sum_{k=0}^{${i}} a_k b^k$$`,
    ).join('\n\n');
    expect(buildCost(patchOf(lecture))).toBeLessThan(BUILD_BUDGET_US);
    const prose = Array.from(
      { length: 2000 },
      (_, i) => `Paragraph ${i} with *some* **words** and \`code\`.`,
    );
    expect(buildCost(patchOf(prose.join('\n\n')))).toBeLessThan(BUILD_BUDGET_US);
    const code = '```js\n' + 'const a = foo(1, "x") + bar[2];\n'.repeat(3000) + '```\n';
    expect(buildCost(patchOf(code))).toBeLessThan(BUILD_BUDGET_US);
  });

  it('a patch past the budget is not shown: the preview pauses, and Render anyway shows it', () => {
    const { made, events } = client();
    made.render(post(storm));
    SlowWorker.made[0]!.answer();
    expect(events).toEqual(['paused (size)']);
    // Its worker holds blocks the page does not: a fresh one starts.
    expect(SlowWorker.made[0]!.terminated).toBe(true);
    made.resume();
    SlowWorker.made[1]!.answer();
    expect(events).toEqual(['paused (size)', 'patch']);
    made.reset();
    made.render(post(storm));
    SlowWorker.made[1]!.answer();
    expect(events).toEqual(['paused (size)', 'patch', 'paused (size)']);
  });
});

describe('the preview’s worker holds its own copy of the post', () => {
  it('a keystroke sends the one range it changed; a fresh worker and another post get the whole text', () => {
    const { made } = client();
    const long = Array.from({ length: 500 }, (_, i) => `Paragraph ${i} of a long post.`).join(
      '\n\n',
    );
    let doc = Text.of(long.split('\n'));
    made.render({ doc, bodyStart: 0, lineOffset: 0 });
    const worker = SlowWorker.made[0]!;
    worker.answer();
    doc = doc.replace(40, 40, Text.of(['typed', '']));
    made.render({ doc, bodyStart: 0, lineOffset: 0 });
    expect(worker.received[1]!.text).toBeUndefined();
    expect(worker.received[1]!.edit).toEqual({ from: 40, to: 40, insert: 'typed\n' });
    expect(worker.texts[1]).toBe(doc.toString());
    worker.answer();
    // A render runs away: the worker is replaced and the next one is sent the whole post.
    doc = doc.replace(0, 0, Text.of(['x']));
    made.render({ doc, bodyStart: 0, lineOffset: 0 });
    vi.advanceTimersByTime(1000);
    made.resume();
    expect(SlowWorker.made[1]!.received[0]!.text).toBe(doc.toString());
    SlowWorker.made[1]!.answer();
    made.reset();
    made.render(post('another post, all new'));
    expect(SlowWorker.made[1]!.received[1]!.text).toBe('another post, all new');
  });
});
