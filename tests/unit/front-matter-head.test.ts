import { ChangeSet, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { parseHead, touchesHead } from '../../renderer/common/front-matter-head.ts';

const doc = (text: string) => Text.of(text.split('\n'));
const insert = (length: number, at: number, text: string) =>
  ChangeSet.of({ from: at, insert: text }, length);
const remove = (length: number, from: number, to: number) => ChangeSet.of({ from, to }, length);

const post = '---\ntitle: Hello\ntags: [a, b]\n---\nFirst paragraph.\n\nSecond one.\n';

describe('which edits can change the front matter', () => {
  it('reads the block, and edits in the body leave it alone', () => {
    const head = parseHead(doc(post));
    expect(head.parsed.data).toEqual({ title: 'Hello', tags: ['a', 'b'] });
    const bodyStart = post.indexOf('First');
    expect(head.reach).toBe(bodyStart);
    expect(touchesHead(insert(post.length, bodyStart, 'x'), head.reach)).toBe(false);
    expect(touchesHead(insert(post.length, post.length, 'more'), head.reach)).toBe(false);
  });

  it('edits in the block, on its closing fence or of the break after it reach it', () => {
    const { reach } = parseHead(doc(post));
    expect(touchesHead(insert(post.length, post.indexOf('Hello'), 'x'), reach)).toBe(true);
    const fence = post.indexOf('---\nFirst');
    expect(touchesHead(insert(post.length, fence + 3, '-'), reach)).toBe(true);
    expect(touchesHead(remove(post.length, fence + 3, fence + 4), reach)).toBe(true);
  });

  it('without a block, only an edit of the first line can start one', () => {
    const plain = 'Just text.\n---\nmore\n';
    const { parsed, reach } = parseHead(doc(plain));
    expect(parsed.format).toBeNull();
    expect(reach).toBe('Just text.\n'.length);
    expect(touchesHead(insert(plain.length, reach, '---\n'), reach)).toBe(false);
    expect(touchesHead(remove(plain.length, 0, 'Just text.\n'.length), reach)).toBe(true);
  });

  it('an opened, unclosed block can be closed anywhere below', () => {
    const open = '---\ntitle: Hello\n\nBody without a closing fence.\n';
    expect(parseHead(doc(open)).reach).toBe(Infinity);
    expect(parseHead(doc('\uFEFF+++\ntitle = "x"\n')).reach).toBe(Infinity);
    expect(parseHead(doc('{\n"title": "x"\n')).reach).toBe(Infinity);
  });

  it('no edit it lets pass changes what the head says', () => {
    const texts = [post, 'Just text.\n---\nmore\n', '---\na: 1\n---', '+++\na = 1\n+++\nbody\n'];
    const inserts = ['x', '\n', '---\n', '\n---\n', '...\n', '+++\n', '}\n'];
    for (const text of texts) {
      const before = parseHead(doc(text));
      for (let at = 0; at <= text.length; at++) {
        for (const piece of inserts) {
          const changes = insert(text.length, at, piece);
          if (touchesHead(changes, before.reach)) continue;
          const after = parseHead(changes.apply(doc(text)));
          expect(after.parsed.data, `${JSON.stringify(piece)} at ${at}`).toEqual(
            before.parsed.data,
          );
          expect(after.parsed.format).toBe(before.parsed.format);
        }
        if (at < text.length && !touchesHead(remove(text.length, at, at + 1), before.reach)) {
          const after = parseHead(remove(text.length, at, at + 1).apply(doc(text)));
          expect(after.parsed.data).toEqual(before.parsed.data);
        }
      }
    }
  });
});
