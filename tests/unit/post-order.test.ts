import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../shared/post-order.ts';

describe('firstInOrder', () => {
  const byValue = (a: number, b: number) => a - b;

  it('gives what a full sort gives, for heads shorter, equal and longer than the list', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 50;
    for (let round = 0; round < 40; round++) {
      const items = Array.from({ length: round * 3 }, random);
      for (const count of [1, 5, items.length, items.length + 4]) {
        if (count < 1) continue;
        expect(firstInOrder(items, count, byValue)).toEqual(
          [...items].sort(byValue).slice(0, count),
        );
      }
    }
  });

  it('keeps equal items in the order they came, as the sort does', () => {
    const items = [
      { key: 2, name: 'a' },
      { key: 1, name: 'b' },
      { key: 1, name: 'c' },
      { key: 1, name: 'd' },
    ];
    const head = firstInOrder(items, 2, (a, b) => a.key - b.key);
    expect(head.map((i) => i.name)).toEqual(['b', 'c']);
  });

  it('leaves its input as it was', () => {
    const items = [3, 1, 2];
    firstInOrder(items, 2, byValue);
    expect(items).toEqual([3, 1, 2]);
  });
});
