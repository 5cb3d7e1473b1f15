import { openLongPostBench, type BrowserBench } from '../browser.ts';
import { defineBenchmark } from '../measure.ts';

/** From an edit in a 50,000-word post to the preview showing the typed word, in the page. */
export default defineBenchmark<{ bench: BrowserBench; count: number }>({
  name: 'preview-50k-keystroke',
  runs: 15,
  warmup: 2,
  setup: async () => {
    const bench = await openLongPostBench(50_000);
    return { bench, count: 0 };
  },
  run: async (state) => {
    state.count += 1;
    const token = `zq${state.count}x`;
    const measuredMs = await state.bench.page.evaluate(
      (word) =>
        new Promise<number>((resolve) => {
          type View = { state: { doc: { toString(): string } }; dispatch(spec: unknown): void };
          const view = (
            document.querySelector('.cm-content') as HTMLElement & { cmTile: { view: View } }
          ).cmTile.view;
          const preview = document.querySelector('[data-testid=preview-body]')!;
          const observer = new MutationObserver(() => {
            if (preview.textContent!.includes(word)) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(preview, { childList: true, subtree: true, characterData: true });
          // Type at the end of the first paragraph of the body, as a writer would.
          const doc = view.state.doc.toString();
          const at = doc.indexOf('\n\n', doc.indexOf('\n---\n', 3) + 5);
          const started = performance.now();
          view.dispatch({ changes: { from: at, insert: ` ${word}` }, userEvent: 'input.type' });
        }),
      token,
    );
    return { measuredMs };
  },
  teardown: ({ bench }) => bench.dispose(),
});
