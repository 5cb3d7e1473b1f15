import { describe, expect, it } from 'vitest';
import {
  lastAtOrBefore,
  lineForPreviewOffset,
  normalizeAnchors,
  previewOffsetForLine,
} from '../../renderer/features/preview/scroll-sync.ts';

const anchors = normalizeAnchors([
  { line: 12, top: 0 },
  { line: 14, top: 100 },
  { line: 20, top: 400 },
  { line: 14, top: 130 }, // a nested block on the same line: the first wins
  { line: 16, top: 90 }, // a block above its predecessor (floats, nesting): dropped
]);

describe('scroll sync by source line', () => {
  it('keeps anchors ordered by line and by top', () => {
    expect(anchors).toEqual([
      { line: 12, top: 0 },
      { line: 14, top: 100 },
      { line: 20, top: 400 },
    ]);
  });

  it('puts an anchored line at its block and interpolates between blocks', () => {
    expect(previewOffsetForLine(anchors, 14, 1000)).toBe(100);
    expect(previewOffsetForLine(anchors, 17, 1000)).toBe(250);
    expect(previewOffsetForLine(anchors, 5, 1000)).toBe(0);
  });

  it('maps a preview offset back to the same line', () => {
    for (const line of [12, 13.5, 14, 17, 19.9]) {
      expect(lineForPreviewOffset(anchors, previewOffsetForLine(anchors, line, 1000))).toBeCloseTo(
        line,
        5,
      );
    }
  });

  it('has sensible ends: no anchors, past the last block', () => {
    expect(previewOffsetForLine([], 10, 500)).toBe(0);
    expect(lineForPreviewOffset([], 300)).toBe(1);
    expect(lineForPreviewOffset(anchors, 999)).toBe(20);
    expect(previewOffsetForLine(anchors, 21, 1000)).toBeGreaterThan(400);
  });
});

describe('finding the block group to measure', () => {
  const firstLines = [1, 40, 95, 160];
  const at = (target: number) => lastAtOrBefore(firstLines.length, (i) => firstLines[i]!, target);

  it('picks the last group that starts at or before the target', () => {
    expect(at(1)).toBe(0);
    expect(at(39)).toBe(0);
    expect(at(40)).toBe(1);
    expect(at(120)).toBe(2);
    expect(at(5000)).toBe(3);
  });

  it('says -1 before the first group and for no groups', () => {
    expect(at(0)).toBe(-1);
    expect(lastAtOrBefore(0, () => 0, 10)).toBe(-1);
  });

  it('reads only a logarithmic number of groups', () => {
    let reads = 0;
    const index = lastAtOrBefore(
      1000,
      (i) => {
        reads++;
        return i * 10;
      },
      4321,
    );
    expect(index).toBe(432);
    expect(reads).toBeLessThanOrEqual(11);
  });
});
