import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { applyTextEdit, textEdit } from '../../renderer/features/preview/text-edit.ts';

const text = (s: string) => Text.of(s.split('\n'));

/** A small deterministic random sequence (the same cases on every run). */
function random(seed: number) {
  return (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
}

describe('the one range the preview’s worker is sent instead of the post', () => {
  it('turns the earlier post into the later one, for typing, deleting, pasting and undo', () => {
    const pick = random(7);
    const pieces = ['', 'a', '\n', 'word ', '\n\n', 'é', 'x\ny'];
    for (let i = 0; i < 3000; i++) {
      const lines = Array.from({ length: pick(40) + 1 }, () => 'ab cd\u00e9f'.slice(0, pick(9)));
      const before = Text.of(lines);
      let after = before;
      for (let n = pick(3) + 1; n > 0; n--) {
        const from = pick(after.length + 1);
        const to = Math.min(after.length, from + pick(6));
        after = after.replace(from, to, text(pieces[pick(pieces.length)]!));
      }
      // Sometimes a text rebuilt from scratch: no line strings shared with the earlier one.
      if (pick(8) === 0) after = text(after.toString());
      const edit = textEdit(before, after);
      expect(applyTextEdit(before.toString(), edit)).toBe(after.toString());
      expect(edit.from).toBeLessThanOrEqual(edit.to);
      expect(edit.to).toBeLessThanOrEqual(before.length);
    }
  });

  it('is as small as the keystroke: one character typed in a long post sends one character', () => {
    const before = text(Array.from({ length: 3000 }, (_, i) => `Line ${i} of a post.`).join('\n'));
    const at = before.line(1500).from + 4;
    expect(textEdit(before, before.replace(at, at, text('s')))).toEqual({
      from: at,
      to: at,
      insert: 's',
    });
    // Repeated text around the change: the range still turns one into the other.
    const same = text('aaaa\naaaa');
    const edit = textEdit(same, same.replace(2, 2, text('a')));
    expect(edit.insert).toBe('a');
    expect(applyTextEdit(same.toString(), edit)).toBe('aaaaa\naaaa');
    expect(textEdit(before, before)).toEqual({ from: 0, to: 0, insert: '' });
    // Past `most` new characters (another post), no range: the caller sends the post whole.
    const other = text('An entirely different post.\nWith its own lines.');
    expect(textEdit(before, other, other.length / 2)).toBeNull();
    expect(textEdit(before, before.replace(at, at, text('s')), 1)).not.toBeNull();
  });
});
