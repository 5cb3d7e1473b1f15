/**
 * Highlights git's conflict markers in the editor, so a writer who opens a conflicted post
 * sees where the two versions are: `<<<<<<<` (their own text follows), `=======`, `>>>>>>>`
 * (the remote's text came before it), and diff3's `|||||||`.
 */
import { RangeSetBuilder, type Extension, type Text } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';

export type ConflictLine = 'marker' | 'ours' | 'base' | 'theirs';

const marker = /^(<{7}|\|{7}|={7}|>{7})(?: |$)/;
/** How far above the viewport to look for the marker that opens the region it is in. */
const LOOKBACK_LINES = 5000;

/**
 * One step of the reading: a marker counts only where git would write it, so a Markdown
 * setext underline (`=======`) outside a conflict stays plain text.
 */
function step(
  region: ConflictLine | null,
  text: string,
): [role: ConflictLine | null, next: ConflictLine | null] {
  const mark = marker.exec(text)?.[1]?.[0];
  if (mark === '<') return ['marker', 'ours'];
  if (mark === '|' && region === 'ours') return ['marker', 'base'];
  if (mark === '=' && (region === 'ours' || region === 'base')) return ['marker', 'theirs'];
  if (mark === '>' && region === 'theirs') return ['marker', null];
  return [region, region];
}

/** The role of each line from `fromLine` to `toLine` (1-based, inclusive); null outside conflicts. */
export function conflictLines(
  doc: Text,
  fromLine: number,
  toLine: number,
): Array<ConflictLine | null> {
  // Start reading at the last opening marker above, if no closing one comes after it.
  let start = fromLine;
  for (let n = fromLine - 1; n >= Math.max(1, fromLine - LOOKBACK_LINES); n--) {
    const mark = marker.exec(doc.line(n).text)?.[1]?.[0];
    if (mark === '>') break;
    if (mark === '<') {
      start = n;
      break;
    }
  }
  let region: ConflictLine | null = null;
  const roles: Array<ConflictLine | null> = [];
  for (let n = start; n <= toLine; n++) {
    const [role, next] = step(region, doc.line(n).text);
    region = next;
    if (n >= fromLine) roles.push(role);
  }
  return roles;
}

const lineDecoration = {
  marker: Decoration.line({ class: 'cm-conflict-marker' }),
  ours: Decoration.line({ class: 'cm-conflict-ours' }),
  base: Decoration.line({ class: 'cm-conflict-base' }),
  theirs: Decoration.line({ class: 'cm-conflict-theirs' }),
};

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const { doc } = view.state;
  for (const { from, to } of view.visibleRanges) {
    const first = doc.lineAt(from).number;
    const last = doc.lineAt(to).number;
    conflictLines(doc, first, last).forEach((role, i) => {
      if (role)
        builder.add(doc.line(first + i).from, doc.line(first + i).from, lineDecoration[role]);
    });
  }
  return builder.finish();
}

export function conflictMarkers(): Extension {
  return [
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = decorate(view);
        }
        update(update: ViewUpdate) {
          if (update.docChanged || update.viewportChanged) this.decorations = decorate(update.view);
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
    EditorView.baseTheme({
      '.cm-conflict-marker': {
        backgroundColor: 'rgba(179, 38, 30, 0.16)',
        fontWeight: '700',
      },
      '.cm-conflict-ours': { backgroundColor: 'rgba(47, 125, 79, 0.10)' },
      '.cm-conflict-base': { backgroundColor: 'rgba(122, 116, 107, 0.10)' },
      '.cm-conflict-theirs': { backgroundColor: 'rgba(40, 90, 180, 0.10)' },
    }),
  ];
}
