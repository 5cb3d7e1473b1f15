import { EditorView } from '@codemirror/view';

/**
 * The comparison's look, from the app's CSS variables so it follows the light and dark
 * themes (the merge view's own colours follow CodeMirror's dark flag, which Folio does not
 * set). A theme outranks the merge view's base theme, so these win.
 */
export const compareTheme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--paper)',
    color: 'var(--ink)',
    fontSize: 'calc(var(--editor-font-size, 15px) - 1.5px)',
  },
  '.cm-scroller': { fontFamily: 'var(--editor-font, var(--mono))', lineHeight: '1.6' },
  '.cm-content': { padding: '8px 0 24px' },
  '.cm-line': { padding: '0 12px' },
  '&.cm-focused': { outline: 'none' },
  '.cm-cursor': { borderLeftColor: 'var(--ink)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': {
    backgroundColor: 'var(--selection) !important',
  },
  '.cm-gutters': { backgroundColor: 'transparent', border: 'none' },
  '&.cm-merge-a .cm-changedLine': { backgroundColor: 'var(--diff-disk-line)' },
  '&.cm-merge-b .cm-changedLine': { backgroundColor: 'var(--diff-mine-line)' },
  '&.cm-merge-a .cm-changedText': { background: 'var(--diff-disk-text)' },
  '&.cm-merge-b .cm-changedText': { background: 'var(--diff-mine-text)' },
  '&.cm-merge-a .cm-changedLineGutter': { background: 'var(--diff-disk-mark)' },
  '&.cm-merge-b .cm-changedLineGutter': { background: 'var(--diff-mine-mark)' },
  '.cm-collapsedLines': {
    color: 'var(--muted)',
    background: 'var(--panel)',
    fontFamily: 'var(--sans)',
    fontSize: '12px',
    // The merge view's own ⦚ marks are missing from common fonts; these are not.
    '&:before': { content: '"⋯"' },
    '&:after': { content: '"⋯"' },
  },
});
