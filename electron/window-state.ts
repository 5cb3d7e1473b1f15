/**
 * Where a window opens: the remembered bounds, moved and shrunk so it lands on a display
 * that exists now (a monitor unplugged since, a smaller laptop screen); and where a child
 * view sits in it (pageRectInWindow). Pure, no `electron`: main.ts passes in the displays'
 * work areas, site-view.ts the zoom.
 */
import type { WindowBounds } from '../shared/settings.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 };
export const MIN_SIZE = { width: 900, height: 560 };
/** How much of the title bar must show on a display for the window to count as reachable. */
const GRAB = 80;
/** New windows step down and right from the last one, so they do not hide it exactly. */
export const CASCADE = 28;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function centerIn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: Math.round(area.x + (area.width - w) / 2),
    y: Math.round(area.y + (area.height - h) / 2),
    width: w,
    height: h,
  };
}

/**
 * The bounds to open a window with. `saved` undefined: the default size centred on the
 * primary display (the first work area). A saved window whose title bar is off every display
 * is centred on the primary one; one that is larger than its display is shrunk to fit.
 */
export function clampToDisplays(saved: Rect | undefined, workAreas: readonly Rect[]): Rect {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (!saved) return centerIn(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height);
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: 32 };
  const home = workAreas
    .map((area) => ({ area, shown: overlap(titleBar, area) }))
    .sort((a, b) => b.shown - a.shown)[0];
  const reachable =
    home &&
    home.shown > 0 &&
    Math.min(saved.x + saved.width, home.area.x + home.area.width) -
      Math.max(saved.x, home.area.x) >=
      Math.min(GRAB, saved.width);
  if (!home || !reachable) return centerIn(primary, saved.width, saved.height);
  const area = home.area;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  return {
    x: Math.min(Math.max(saved.x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(saved.y, area.y), area.y + area.height - height),
    width,
    height,
  };
}

/** A further window: the last one's bounds stepped by CASCADE, kept on its display. */
export function cascade(from: Rect, workAreas: readonly Rect[]): Rect {
  return clampToDisplays({ ...from, x: from.x + CASCADE, y: from.y + CASCADE }, workAreas);
}

export function toSaved(bounds: Rect, maximized: boolean): WindowBounds {
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.max(200, Math.round(bounds.width)),
    height: Math.max(200, Math.round(bounds.height)),
    maximized,
  };
}

/**
 * A rectangle of the page (CSS pixels, as the renderer measures it) in the window's own
 * pixels, where a child view is placed: zoomed in or out, one CSS pixel is `zoomFactor` of
 * them. The far edges are rounded, not the size, so the view meets the pane's edges exactly.
 */
export function pageRectInWindow(rect: Rect, zoomFactor: number): Rect {
  const x = Math.round(rect.x * zoomFactor);
  const y = Math.round(rect.y * zoomFactor);
  return {
    x,
    y,
    width: Math.max(0, Math.round((rect.x + rect.width) * zoomFactor) - x),
    height: Math.max(0, Math.round((rect.y + rect.height) * zoomFactor) - y),
  };
}
