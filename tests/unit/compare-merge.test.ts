import { history, undo } from '@codemirror/commands';
import { Chunk } from '@codemirror/merge';
import { EditorState, Text, type Transaction } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { isDirty, type Buffer } from '../../renderer/common/buffers.ts';
import { joinFileText, splitFileText } from '../../renderer/editor/file-text.ts';
import { adoptDiskText, applyChanges } from '../../renderer/features/compare/buffer-choices.ts';
import {
  changesBetween,
  chunkAtOrAfter,
  diskDocument,
  takeChunk,
} from '../../renderer/features/compare/merge-text.ts';

const version = (hash: string) => ({ mtimeMs: 1, size: 1, hash });

/** An open post as the app holds it: loaded from `fileText`, then edited to `mine`. */
function bufferOf(fileText: string, mine: string): Buffer {
  const shape = splitFileText(fileText);
  const loaded = EditorState.create({
    doc: shape.doc,
    extensions: [EditorState.lineSeparator.of(shape.lineSeparator), history()],
  });
  const mineDoc = diskDocument(mine, shape).doc;
  const state = loaded.update({ changes: changesBetween(loaded.doc, mineDoc) }).state;
  return { path: 'post.md', state, saved: loaded.doc, version: version('old'), shape };
}

/** The bytes a save of the buffer would write. */
const bytesOf = (buffer: Buffer) => joinFileText(buffer.shape, buffer.state.sliceDoc());

describe('diskDocument', () => {
  it('splits on the post’s own separator, so joining gives the bytes back', () => {
    const text = '\uFEFF---\r\ntitle: A\r\n---\r\nLF inside\nlone CR\rend\r\n';
    const shape = splitFileText(text);
    const { doc, bom } = diskDocument(text, shape);
    expect(bom).toBe(true);
    expect(doc.lines).toBe(5);
    expect(doc.sliceString(0, doc.length, '\r\n')).toBe(text.slice(1));
  });
});

describe('changesBetween', () => {
  it('touches only what differs, and applies exactly on a CRLF document', () => {
    const sep = '\r\n';
    const from = Text.of(['# Title', '', 'First paragraph.', '', 'Last line.']);
    const to = Text.of(['# Title', '', 'First paragraph, edited.', '', 'Last line.', 'Added.']);
    const changes = changesBetween(from, to);
    const state = EditorState.create({ doc: from, extensions: EditorState.lineSeparator.of(sep) });
    const tr = state.update({ changes });
    expect(tr.state.sliceDoc()).toBe(to.sliceString(0, to.length, sep));
    // Both edits are insertions: every character of the old document is kept in place.
    let kept = 0;
    tr.changes.iterGaps((_from, _to, length) => (kept += length));
    expect(kept).toBe(from.length);
  });

  it('is empty when the documents are equal', () => {
    expect(changesBetween(Text.of(['a', 'b']), Text.of(['a', 'b']))).toEqual([]);
  });
});

describe('takeChunk', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['a changed line', ['a', 'b', 'c'], ['a', 'B', 'c']],
    ['a line only mine has, at the end', ['a', 'b', ''], ['a', 'b', '', 'mine']],
    ['a line only disk has, at the end', ['a', 'b', 'disk'], ['a', 'b']],
    ['lines only disk has, at the start', ['x', 'y', 'a'], ['a']],
    ['several chunks', ['1', 'two', '3', '4', 'five', '6'], ['1', '2', '3', '4', '5', '6', '7']],
  ];
  for (const [name, diskLines, mineLines] of cases) {
    for (const sep of ['\n', '\r\n']) {
      it(`taking every chunk from disk gives the disk text: ${name} (${JSON.stringify(sep)})`, () => {
        const disk = Text.of(diskLines);
        let state = EditorState.create({
          doc: Text.of(mineLines),
          extensions: EditorState.lineSeparator.of(sep),
        });
        for (let i = 0; i < 10; i++) {
          const chunks = Chunk.build(disk, state.doc);
          if (!chunks.length) break;
          state = state.update({ changes: takeChunk(disk, state.doc, chunks[0]!, sep) }).state;
        }
        expect(state.sliceDoc()).toBe(disk.sliceString(0, disk.length, sep));
      });
    }
  }

  it('takes one chunk and leaves the writer’s other changes', () => {
    const disk = Text.of(['## Their Problem', '', 'Body.', '']);
    const mine = Text.of(['## The Problem', '', 'Body.', '', 'Typed.']);
    const chunks = Chunk.build(disk, mine);
    expect(chunks).toHaveLength(2);
    const state = EditorState.create({ doc: mine });
    const next = state.update({ changes: takeChunk(disk, mine, chunks[0]!, '\n') }).state;
    expect(next.doc.toString()).toBe('## Their Problem\n\nBody.\n\nTyped.');
  });
});

describe('chunkAtOrAfter', () => {
  const disk = Text.of(['a', 'X', 'c', 'd', 'e', 'Y', 'g']);
  const mine = Text.of(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  const chunks = Chunk.build(disk, mine);
  it('finds the chunk the cursor is in, else the next, else none', () => {
    expect(chunks).toHaveLength(2);
    expect(chunkAtOrAfter(chunks, 0)).toBe(chunks[0]);
    expect(chunkAtOrAfter(chunks, mine.line(2).from + 1)).toBe(chunks[0]);
    expect(chunkAtOrAfter(chunks, mine.line(4).from)).toBe(chunks[1]);
    expect(chunkAtOrAfter(chunks, mine.length)).toBe(null);
  });
});

describe('adoptDiskText (Load theirs)', () => {
  it('makes the buffer the file, clean at its version, with the writer’s text one Undo away', () => {
    const original = '---\ntitle: A\n---\nBody.\n';
    const buffer = bufferOf(original, `${original}Mine.\n`);
    const theirs = '\uFEFF---\ntitle: Theirs\n---\nBody.\n';
    expect(isDirty(buffer)).toBe(true);
    const mineDoc = buffer.state.doc;
    const file = { path: 'post.md', text: theirs, version: version('theirs') };
    expect(adoptDiskText(buffer, null, file)).toBe(true);
    expect(bytesOf(buffer)).toBe(theirs);
    expect(isDirty(buffer)).toBe(false);
    expect(buffer.version.hash).toBe('theirs');
    let undone: EditorState | null = null;
    undo({ state: buffer.state, dispatch: (tr: Transaction) => (undone = tr.state) });
    expect(undone!.doc.eq(mineDoc)).toBe(true);
  });

  it('keeps CRLF bytes exact', () => {
    const original = '---\r\ntitle: A\r\n---\r\nBody.\r\n';
    const buffer = bufferOf(original, `${original}Mine.\r\n`);
    const theirs = '---\r\ntitle: A\r\n---\r\nTheir body.\r\nlone LF\nend\r\n';
    const file = { path: 'post.md', text: theirs, version: version('theirs') };
    expect(adoptDiskText(buffer, null, file)).toBe(true);
    expect(bytesOf(buffer)).toBe(theirs);
  });

  it('declines when the file now breaks lines differently or is read-only (the post reopens)', () => {
    const original = 'a\nb\n';
    const crlf = bufferOf(original, 'a\nb\nmine\n');
    expect(
      adoptDiskText(crlf, null, { path: 'p.md', text: 'a\r\nb\r\n', version: version('x') }),
    ).toBe(false);
    expect(bytesOf(crlf)).toBe('a\nb\nmine\n');
    const latin = bufferOf(original, 'a\nb\nmine\n');
    const file = { path: 'p.md', text: 'a\nb\n', version: version('x'), readOnly: 'not UTF-8' };
    expect(adoptDiskText(latin, null, file)).toBe(false);
  });
});

describe('applyChanges (Keep mine as merged)', () => {
  it('turns the buffer into the merged text as one undoable step', () => {
    const buffer = bufferOf('a\nb\n', 'a\nb\nmine\n');
    const merged = diskDocument('A\nb\nmine\n', buffer.shape).doc;
    applyChanges(buffer, null, changesBetween(buffer.state.doc, merged), 'input.compare');
    expect(bytesOf(buffer)).toBe('A\nb\nmine\n');
  });
});
