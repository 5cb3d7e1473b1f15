import { describe, expect, it } from 'vitest';
import {
  cascade,
  clampToDisplays,
  DEFAULT_SIZE,
  pageRectInWindow,
  toSaved,
} from '../../electron/window-state.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('where a window opens', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(clampToDisplays(undefined, [monitorRight])).toEqual({
      x: 1440 + (2560 - DEFAULT_SIZE.width) / 2,
      y: Math.round((1415 - DEFAULT_SIZE.height) / 2),
      ...DEFAULT_SIZE,
    });
  });

  it('keeps remembered bounds that are on a display', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800 };
    expect(clampToDisplays(saved, [laptop, monitorRight])).toEqual(saved);
  });

  it('brings back a window left on a monitor that is gone, centred on the primary one', () => {
    const saved = { x: 1800, y: 200, width: 1200, height: 800 };
    expect(clampToDisplays(saved, [laptop])).toEqual({ x: 120, y: 38, width: 1200, height: 800 });
  });

  it('shrinks a window larger than its display and pulls it inside', () => {
    const saved = { x: -40, y: -10, width: 2000, height: 1200 };
    expect(clampToDisplays(saved, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('moves a window whose title bar hangs off the bottom back up', () => {
    const saved = { x: 100, y: 860, width: 1000, height: 700 };
    const { y, height } = clampToDisplays(saved, [laptop]);
    expect(y + height).toBeLessThanOrEqual(875);
  });

  it('steps a further window down and right of the last one', () => {
    const next = cascade({ x: 100, y: 100, width: 1000, height: 700 }, [laptop]);
    expect(next).toEqual({ x: 128, y: 128, width: 1000, height: 700 });
  });

  it('rounds what it stores', () => {
    expect(toSaved({ x: 10.4, y: 20.6, width: 999.5, height: 700 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });
});

describe('where the Site preview’s view sits in a zoomed window', () => {
  const pane = { x: 820.4, y: 74.6, width: 619.6, height: 793.4 };

  it('is the pane’s rectangle at 100%, rounded to whole pixels', () => {
    expect(pageRectInWindow(pane, 1)).toEqual({ x: 820, y: 75, width: 620, height: 793 });
  });

  it('scales with the app’s zoom, its far edges meeting the pane’s', () => {
    // Zoomed in (Ctrl +, factor 1.2): the page's CSS pixels are 1.2 window pixels each.
    expect(pageRectInWindow(pane, 1.2)).toEqual({ x: 984, y: 90, width: 744, height: 952 });
    // Zoomed out: the pane at x 1000 of a page 2000 wide lands at the middle of a 1600-pixel window.
    const half = pageRectInWindow({ x: 1000, y: 0, width: 1000, height: 500 }, 0.8);
    expect(half).toEqual({ x: 800, y: 0, width: 800, height: 400 });
  });
});
