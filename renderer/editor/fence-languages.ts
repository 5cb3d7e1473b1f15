/**
 * CodeMirror loads a fenced block's language when its parser first reaches the fence: the
 * import starts inside a parse slice, a 20 ms task while the writer types (the trace of
 * preview-50k-longest-task named `LanguageDescription.load`). The languages a post's fences
 * name are loaded when it opens, and when a fence is typed, so that the parser finds them ready.
 */
import { LanguageDescription } from '@codemirror/language';
import type { Text } from '@codemirror/state';
import { ViewPlugin, type ViewUpdate } from '@codemirror/view';

/** A fence and its info string's first word, as @codemirror/lang-markdown reads it. */
const FENCE = /^\s{0,3}(?:`{3,}|~{3,})\s*(\S+)/;

/** The languages `doc`'s fences name, from `languages`, not loaded yet. */
export function fenceLanguages(
  doc: Text,
  languages: readonly LanguageDescription[],
): LanguageDescription[] {
  const found = new Set<LanguageDescription>();
  for (const iter = doc.iterLines(); !iter.next().done;) {
    const name = FENCE.exec(iter.value)?.[1];
    const language = name && LanguageDescription.matchLanguageName(languages, name, true);
    if (language && !language.support) found.add(language);
  }
  return [...found];
}

export function preloadFenceLanguages(languages: readonly LanguageDescription[]) {
  const load = (doc: Text) => {
    for (const language of fenceLanguages(doc, languages)) void language.load().catch(() => {});
  };
  return ViewPlugin.define((view) => {
    load(view.state.doc);
    return {
      update(update: ViewUpdate) {
        let typedFence = false;
        update.changes.iterChanges((_a, _b, _c, _d, inserted) => {
          if (/`{3}|~{3}/.test(inserted.sliceString(0, 10_000))) typedFence = true;
        });
        if (typedFence) load(update.state.doc);
      },
    };
  });
}
