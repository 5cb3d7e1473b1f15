/**
 * CodeMirror parses the post in the background, in idle callbacks. Where the browser has
 * `navigator.scheduling.isInputPending` (Chromium, so Electron), @codemirror/language lets each
 * slice run up to 100 ms (its internal `Work.Slice`), stopping early only when input is
 * pending: on a 50,000-word post with code blocks that is a main-thread task of 60-100 ms now
 * and then while the writer types, long enough to delay the next keystroke's echo. The
 * constant is not configurable, but the check is made through `isInputPending()` on every
 * step of the parse, so this makes it also answer "yes, yield" once the current script run has
 * lasted SLICE_MS. Parsing then goes on in the next idle callback; highlighting the visible
 * lines still comes first (CodeMirror parses the viewport before the rest).
 *
 * 6 ms: a slice that finishes the parse ends by handing the new tree to the view (a few ms of
 * re-highlighting on a long post), and the whole task must stay under a frame (16 ms); at 20 ms
 * the trace of preview-50k-longest-task showed 32 ms tasks.
 */
const SLICE_MS = 6;

type Scheduling = { isInputPending?: (options?: unknown) => boolean };

export function capParseSlices(): void {
  const scheduling = (navigator as Navigator & { scheduling?: Scheduling }).scheduling;
  const native = scheduling?.isInputPending;
  if (!scheduling || !native || (native as { capped?: boolean }).capped) return;
  let runStarted: number | null = null;
  const capped = Object.assign(
    (options?: unknown) => {
      const now = performance.now();
      if (runStarted === null) {
        runStarted = now;
        // Microtasks run once the current callback returns: the next run starts afresh.
        queueMicrotask(() => (runStarted = null));
      }
      return now - runStarted >= SLICE_MS || native.call(scheduling, options);
    },
    { capped: true },
  );
  Object.defineProperty(scheduling, 'isInputPending', { value: capped, configurable: true });
}
