/**
 * Markdown commands as CodeMirror StateCommands: pure functions of an EditorState, tested
 * without a DOM. Bold and italic toggle around each selection; a link wraps the selection;
 * a table under the cursor is re-aligned.
 */
import {
  EditorSelection,
  type ChangeSpec,
  type EditorState,
  type StateCommand,
  type TransactionSpec,
} from '@codemirror/state';

/** Wraps each selection in `mark`, or unwraps it when it is already wrapped. */
function toggleWrap(mark: string): StateCommand {
  return ({ state, dispatch }) => {
    const spec = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - mark.length, range.from);
      const after = state.sliceDoc(range.to, range.to + mark.length);
      const inner = state.sliceDoc(range.from, range.to);
      if (before === mark && after === mark) {
        return {
          changes: [
            { from: range.from - mark.length, to: range.from },
            { from: range.to, to: range.to + mark.length },
          ],
          range: EditorSelection.range(range.from - mark.length, range.to - mark.length),
        };
      }
      if (inner.length >= mark.length * 2 && inner.startsWith(mark) && inner.endsWith(mark)) {
        return {
          changes: {
            from: range.from,
            to: range.to,
            insert: inner.slice(mark.length, -mark.length),
          },
          range: EditorSelection.range(range.from, range.to - mark.length * 2),
        };
      }
      return {
        changes: [
          { from: range.from, insert: mark },
          { from: range.to, insert: mark },
        ],
        range: EditorSelection.range(range.from + mark.length, range.to + mark.length),
      };
    });
    dispatch(state.update(spec, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

export const toggleBold = toggleWrap('**');
export const toggleItalic = toggleWrap('*');
export const toggleCode = toggleWrap('`');

const URL_RE = /^(https?:\/\/|mailto:)\S+$/i;

export function isUrl(text: string): boolean {
  return URL_RE.test(text.trim());
}

/** `[selection](url)`, with the cursor in the URL part (selected) to type over it. */
export function linkTransaction(state: EditorState, url = 'https://'): TransactionSpec {
  return state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to) || 'link text';
    const insert = `[${text}](${url})`;
    const urlFrom = range.from + text.length + 3;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.range(urlFrom, urlFrom + url.length),
    };
  });
}

export const insertLink: StateCommand = ({ state, dispatch }) => {
  dispatch(
    state.update(linkTransaction(state), { scrollIntoView: true, userEvent: 'input.format' }),
  );
  return true;
};

/**
 * Pasting a URL onto a non-empty selection makes it a link; anything else pastes as usual
 * (returns null). The selection keeps its text, so the writer sees what they linked.
 */
export function pasteAsLink(state: EditorState, pasted: string): TransactionSpec | null {
  if (!isUrl(pasted) || state.selection.ranges.every((r) => r.empty)) return null;
  const url = pasted.trim();
  return state.changeByRange((range) => {
    if (range.empty) return { range };
    const text = state.sliceDoc(range.from, range.to);
    if (text.includes('\n')) return { range };
    const insert = `[${text}](${url})`;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.cursor(range.from + insert.length),
    };
  });
}

// ---------------------------------------------------------------------------------------
// Tables

const isTableRow = (line: string) => /^\s*\|.*\|\s*$/.test(line);

function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // Split on pipes that are not escaped.
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** Text width as a reader sees it (wide CJK characters count double). */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** Aligns a GFM table's pipes; keeps each column's alignment markers. Pure, for tests. */
export function formatTable(lines: string[]): string[] {
  const rows = lines.map(splitRow);
  const columns = Math.max(...rows.map((r) => r.length));
  const isDelimiter = (cells: string[]) => cells.every((c) => /^:?-+:?$/.test(c));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(3, ...rows.filter((r) => !isDelimiter(r)).map((r) => width(r[c] ?? ''))),
  );
  return rows.map((cells) => {
    if (isDelimiter(cells)) {
      return `| ${widths
        .map((w, c) => {
          const cell = cells[c] ?? '---';
          const left = cell.startsWith(':');
          const right = cell.endsWith(':');
          return (
            (left ? ':' : '') +
            '-'.repeat(w - (left ? 1 : 0) - (right ? 1 : 0)) +
            (right ? ':' : '')
          );
        })
        .join(' | ')} |`;
    }
    return `| ${widths.map((w, c) => (cells[c] ?? '') + ' '.repeat(w - width(cells[c] ?? ''))).join(' | ')} |`;
  });
}

/** Re-aligns the table around the main cursor. */
export const formatTableAtCursor: StateCommand = ({ state, dispatch }) => {
  const doc = state.doc;
  const here = doc.lineAt(state.selection.main.head);
  if (!isTableRow(here.text)) return false;
  let first = here.number;
  let last = here.number;
  while (first > 1 && isTableRow(doc.line(first - 1).text)) first--;
  while (last < doc.lines && isTableRow(doc.line(last + 1).text)) last++;
  const lines: string[] = [];
  for (let n = first; n <= last; n++) lines.push(doc.line(n).text);
  const formatted = formatTable(lines);
  const changes: ChangeSpec[] = [];
  for (let n = first; n <= last; n++) {
    const line = doc.line(n);
    const next = formatted[n - first]!;
    if (next !== line.text) changes.push({ from: line.from, to: line.to, insert: next });
  }
  if (!changes.length) return true;
  dispatch(state.update({ changes, userEvent: 'input.format' }));
  return true;
};
