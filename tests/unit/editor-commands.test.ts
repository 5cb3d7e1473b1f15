import { EditorSelection, EditorState, type StateCommand } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import {
  formatTable,
  formatTableAtCursor,
  insertLink,
  pasteAsLink,
  toggleBold,
  toggleItalic,
} from '../../renderer/editor/commands.ts';

function run(
  command: StateCommand,
  doc: string,
  from: number,
  to = from,
): { doc: string; selection: [number, number] } {
  let state = EditorState.create({ doc, selection: EditorSelection.single(from, to) });
  command({ state, dispatch: (tr) => (state = tr.state) });
  const main = state.selection.main;
  return { doc: state.doc.toString(), selection: [main.from, main.to] };
}

describe('bold and italic', () => {
  it('wrap the selection and keep it selected', () => {
    expect(run(toggleBold, 'say hello now', 4, 9)).toEqual({
      doc: 'say **hello** now',
      selection: [6, 11],
    });
    expect(run(toggleItalic, 'say hello now', 4, 9)).toEqual({
      doc: 'say *hello* now',
      selection: [5, 10],
    });
  });

  it('unwrap when the selection is already wrapped, inside or out', () => {
    expect(run(toggleBold, 'say **hello** now', 6, 11).doc).toBe('say hello now');
    expect(run(toggleBold, 'say **hello** now', 4, 13).doc).toBe('say hello now');
  });

  it('put the cursor between the markers on an empty selection', () => {
    expect(run(toggleBold, 'ab', 1)).toEqual({ doc: 'a****b', selection: [3, 3] });
  });

  it('handle several selections in one undoable change', () => {
    let state = EditorState.create({
      doc: 'one two three',
      selection: EditorSelection.create([
        EditorSelection.range(0, 3),
        EditorSelection.range(8, 13),
      ]),
      extensions: EditorState.allowMultipleSelections.of(true),
    });
    let transactions = 0;
    toggleBold({ state, dispatch: (tr) => ((state = tr.state), transactions++) });
    expect(state.doc.toString()).toBe('**one** two **three**');
    expect(transactions).toBe(1);
  });
});

describe('links', () => {
  it('wraps the selection and selects the URL to type over', () => {
    expect(run(insertLink, 'see the docs', 8, 12)).toEqual({
      doc: 'see the [docs](https://)',
      selection: [15, 23],
    });
  });

  it('pasting a URL onto selected text makes a link', () => {
    const state = EditorState.create({
      doc: 'read the guide',
      selection: EditorSelection.single(9, 14),
    });
    const spec = pasteAsLink(state, 'https://example.org/guide\n');
    expect(state.update(spec!).state.doc.toString()).toBe(
      'read the [guide](https://example.org/guide)',
    );
  });

  it('pasting a URL with nothing selected, or pasting plain text, is an ordinary paste', () => {
    expect(pasteAsLink(EditorState.create({ doc: 'x' }), 'https://example.org')).toBeNull();
    const selected = EditorState.create({ doc: 'abc', selection: EditorSelection.single(0, 3) });
    expect(pasteAsLink(selected, 'not a url')).toBeNull();
    expect(pasteAsLink(selected, 'javascript:alert(1)')).toBeNull();
  });
});

describe('tables', () => {
  it('aligns pipes and keeps alignment markers', () => {
    expect(formatTable(['|a|long header|', '|:-|-:|', '|wide cell|b|'])).toEqual([
      '| a         | long header |',
      '| :-------- | ----------: |',
      '| wide cell | b           |',
    ]);
  });

  it('formats the table under the cursor and nothing else', () => {
    const doc = 'Intro\n\n|a|b|\n|-|-|\n|1|22|\n\nOutro';
    const result = run(formatTableAtCursor, doc, doc.indexOf('|1|'));
    expect(result.doc).toBe('Intro\n\n| a   | b   |\n| --- | --- |\n| 1   | 22  |\n\nOutro');
  });

  it('does nothing outside a table', () => {
    let called = false;
    const state = EditorState.create({ doc: 'plain' });
    expect(formatTableAtCursor({ state, dispatch: () => (called = true) })).toBe(false);
    expect(called).toBe(false);
  });
});

describe('word count', () => {
  it('counts words, contractions and CJK characters the way readers do', async () => {
    const { countWords, readingMinutes } = await import('../../shared/word-count.ts');
    expect(countWords('Hello, world — it’s 2024!')).toBe(4);
    expect(countWords('日本語の文章')).toBe(6);
    expect(countWords('')).toBe(0);
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(100)).toBe(1);
    expect(readingMinutes(2300)).toBe(10);
  });
});

describe('outline', () => {
  it('lists ATX and setext headings with their lines, not code or front matter', async () => {
    const { outline } = await import('../../shared/outline.ts');
    const text = [
      '---',
      'title: x',
      '---',
      '# One',
      '',
      '```md',
      '# not a heading',
      '```',
      'Two',
      '---',
      '### Three ###',
    ].join('\n');
    expect(outline(text, 4)).toEqual([
      { level: 1, text: 'One', line: 4 },
      { level: 2, text: 'Two', line: 9 },
      { level: 3, text: 'Three', line: 11 },
    ]);
  });
});
