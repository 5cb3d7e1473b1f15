import { history, undo } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { frontMatterTransaction } from '../../renderer/features/frontmatter/edit-transaction.ts';
import { changedSpan, updateFrontMatter } from '../../shared/frontmatter.ts';

const source = '---\ntitle: Old\ntags:\n  - a\n---\nBody stays.\n';

function apply(state: EditorState, changes: Record<string, unknown>): EditorState {
  const spec = frontMatterTransaction(state, changes);
  return spec ? state.update(spec).state : state;
}

describe('a form edit as an editor transaction', () => {
  it('replaces only the changed bytes, in one undoable step', () => {
    const start = EditorState.create({ doc: source, extensions: [history()] });
    const spec = frontMatterTransaction(start, { title: 'New' });
    expect(spec?.changes).toEqual({ from: 11, to: 14, insert: 'New' });
    let state = start.update(spec!).state;
    expect(state.doc.toString()).toBe(source.replace('Old', 'New'));
    state = apply(state, { tags: ['a', 'b'] });
    expect(state.doc.toString()).toBe('---\ntitle: New\ntags:\n  - a\n  - b\n---\nBody stays.\n');
    // Each form edit is its own history event: one undo takes back only the last one.
    let undone = state;
    undo({ state: undone, dispatch: (tr) => (undone = tr.state) });
    expect(undone.doc.toString()).toBe(source.replace('Old', 'New'));
  });

  it('does nothing when the value is unchanged', () => {
    const state = EditorState.create({ doc: source });
    expect(frontMatterTransaction(state, { title: 'Old' })).toBeNull();
  });

  it('keeps CRLF documents CRLF', () => {
    const crlf = source.replace(/\n/g, '\r\n');
    const state = EditorState.create({
      doc: crlf,
      extensions: [EditorState.lineSeparator.of('\r\n')],
    });
    // The file's text is sliceDoc() (joined with the document's separator), not doc.toString().
    expect(apply(state, { title: 'New' }).sliceDoc()).toBe(crlf.replace('Old', 'New'));
    const withTag = apply(state, { tags: ['a', 'b'] });
    expect(withTag.sliceDoc()).toBe(crlf.replace('  - a\r\n', '  - a\r\n  - b\r\n'));
    expect(withTag.doc.lines).toBe(state.doc.lines + 1);
  });
});

describe('changedSpan', () => {
  it('finds the one differing span', () => {
    expect(changedSpan('abcdef', 'abXYef')).toEqual({ from: 2, to: 4, insert: 'XY' });
    expect(changedSpan('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
    expect(changedSpan('same', 'same')).toBeNull();
  });
});

describe('the saved bytes do not depend on the path of keystrokes', () => {
  /** Types `suffix` after the field's value one character at a time, as the form does. */
  function typeInto(doc: string, key: string, value: string, suffix: string, base?: string) {
    let state = EditorState.create({ doc });
    for (let i = 1; i <= suffix.length; i++) {
      const spec = frontMatterTransaction(state, { [key]: value + suffix.slice(0, i) }, base);
      if (spec) state = state.update(spec).state;
    }
    return state.doc.toString();
  }

  const cases = [
    ['plain stays plain', 'title: hexo 8.1.0 Released', 'title: hexo 8.1.0 Released (edited)'],
    ['double quotes stay', 'title: "hexo 8.1.0 Released"', 'title: "hexo 8.1.0 Released (edited)"'],
    ['single quotes stay', "title: 'hexo 8.1.0 Released'", "title: 'hexo 8.1.0 Released (edited)'"],
  ] as const;
  for (const [name, line, expected] of cases) {
    it(`${name}, typed character by character through a trailing space`, () => {
      const doc = `---\n${line}\ndate: 2024-05-01 10:00:00\n---\nBody.\n`;
      const typed = typeInto(doc, 'title', 'hexo 8.1.0 Released', ' (edited)', doc);
      expect(typed).toBe(doc.replace(line, expected));
    });
  }

  it('a value that cannot be plain gets quotes, and loses them once it can again', () => {
    const doc = '---\ntitle: Notes\n---\n';
    let state = EditorState.create({ doc });
    for (const value of ['Notes:', 'Notes: a', 'Notes']) {
      state = state.update(frontMatterTransaction(state, { title: value }, doc)!).state;
    }
    expect(state.doc.toString()).toBe(doc);
  });

  it('without the base, the quotes an intermediate value needed would stay', () => {
    const doc = '---\ntitle: hexo 8.1.0 Released\n---\n';
    expect(typeInto(doc, 'title', 'hexo 8.1.0 Released', ' (edited)')).toBe(
      '---\ntitle: "hexo 8.1.0 Released (edited)"\n---\n',
    );
  });
});

describe('a form edit in a long post', () => {
  it('is worked out on the head: the same edit as on the whole text, body untouched', () => {
    const body = 'A long body line, written once and never touched by the form.\n'.repeat(3000);
    for (const text of [
      `---\ntitle: Old\n---\n${body}`,
      body,
      `\uFEFF+++\ntitle = "Old"\n+++\n${body}`,
    ]) {
      const state = EditorState.create({ doc: text });
      const next = apply(state, { title: 'New', tags: ['x'] }).doc.toString();
      expect(next).toBe(updateFrontMatter(text, { title: 'New', tags: ['x'] }));
      expect(next.endsWith(body)).toBe(true);
    }
  });

  it('reads the whole post when its block is longer than the head it reads: never adds a second block', () => {
    const fields = Array.from({ length: 4000 }, (_, i) => `key${i}: value ${i}`).join('\n');
    const text = `---\n${fields}\ntitle: Old\n---\nBody.\n`;
    expect(text.length).toBeGreaterThan(64 * 1024);
    // Past the form's limit, as the whole-text edit says; not a new block on top.
    expect(() => apply(EditorState.create({ doc: text }), { title: 'New' })).toThrow(
      /too large for the form/,
    );
  });
});
