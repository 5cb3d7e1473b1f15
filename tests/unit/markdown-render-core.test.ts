import { Text } from '@codemirror/state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFrontMatter } from '../../shared/frontmatter.ts';
import { applyBlockPatch, diffBlocks } from '../../shared/markdown/diff.ts';
import { renderMarkdownBlocks } from '../../shared/markdown/index.ts';
import { outline } from '../../shared/outline.ts';
import { countWords } from '../../shared/word-count.ts';
import {
  RenderCore,
  type PostStats,
  type RenderMessage,
} from '../../renderer/features/preview/render-core.ts';
import { textEdit } from '../../renderer/features/preview/text-edit.ts';
import { corpusPosts } from '../bench/corpus.ts';

/** What the page holds after applying every message, as the preview does. */
function page() {
  const state = { blocks: [] as string[], lines: [] as number[], stats: null as PostStats | null };
  const receive = (message: RenderMessage) => {
    if (message.kind === 'stats') state.stats = message.stats;
    else {
      state.blocks = applyBlockPatch(state.blocks, message.patch, (content) => content);
      state.lines = message.patch.lines;
    }
  };
  return { state, receive };
}

const long = [...corpusPosts({ posts: 40 })]
  .map((p) => parseFrontMatter(p.text).body)
  .join('\n\n## Next post\n\n');

describe('block patches', () => {
  it('send only what changed, and rebuild the list exactly', () => {
    const before = renderMarkdownBlocks('# A\n\none\n\ntwo\n\nthree\n');
    const after = renderMarkdownBlocks('# A\n\none\n\ntwo, edited\n\nthree\n');
    const patch = diffBlocks(
      before.map((b) => b.content),
      after,
    );
    expect(patch.head).toBe(2);
    expect(patch.tail).toBe(1);
    expect(patch.content).toEqual([after[2]!.content]);
    expect(
      applyBlockPatch(
        before.map((b) => b.content),
        patch,
        (h) => h,
      ),
    ).toEqual(after.map((b) => b.content));
  });
});

describe('the render worker core', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('leaves the page with the full render and exact stats, in a short post and a long one', () => {
    for (const body of ['# Hi\n\nSome *text*.\n\n## Two\n\nMore.\n', long]) {
      expect(body.length > 20_000).toBe(body === long);
      const { state, receive } = page();
      const core = new RenderCore(receive);
      const head = '---\ntitle: A post\n---\n';
      core.request({ text: head + body, bodyStart: head.length, lineOffset: 4, generation: 0 });
      const edited = body.replace('\n\n', ' typed here\n\nNew paragraph.\n\n## New heading\n\n');
      // The page sends the change, not the post (text-edit.ts).
      const edit = textEdit(
        Text.of((head + body).split('\n')),
        Text.of((head + edited).split('\n')),
      );
      expect(edit.insert).toBe(' typed here\n\nNew paragraph.\n\n## New heading');
      core.request({ edit, bodyStart: head.length, lineOffset: 4, generation: 0 });
      // A long post gets the edited chunk at once and the exact full render when typing pauses.
      vi.advanceTimersByTime(1000);
      const full = renderMarkdownBlocks(edited, { lineOffset: 4 });
      expect(state.blocks).toEqual(full.map((b) => b.content));
      expect(state.lines).toEqual(full.map((b) => b.line));
      expect(state.stats).toEqual({
        words: countWords(edited),
        headings: outline(edited, 1, 4),
      });
    }
  });

  it('starts from nothing when the page empties its preview (a new generation)', () => {
    const { state, receive } = page();
    const core = new RenderCore(receive);
    core.request({ text: 'one\n\ntwo\n', bodyStart: 0, lineOffset: 0, generation: 0 });
    state.blocks = [];
    core.request({ text: 'one\n\ntwo\n', bodyStart: 0, lineOffset: 0, generation: 1 });
    expect(state.blocks).toEqual(renderMarkdownBlocks('one\n\ntwo\n').map((b) => b.content));
  });
});
