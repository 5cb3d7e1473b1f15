import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { tags as t } from '@lezer/highlight';

// Colours are CSS variables (renderer/app/styles.css) so the dark theme has its own.
const writing = HighlightStyle.define([
  { tag: t.heading1, fontSize: '1.45em', fontWeight: '700' },
  { tag: t.heading2, fontSize: '1.25em', fontWeight: '700' },
  { tag: [t.heading3, t.heading4, t.heading5, t.heading6], fontWeight: '700' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: [t.link, t.url], color: 'var(--accent)' },
  { tag: t.monospace, fontFamily: 'var(--mono)', color: 'var(--code-ink)' },
  { tag: [t.processingInstruction, t.meta, t.contentSeparator], color: 'var(--muted)' },
  { tag: t.quote, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [t.keyword, t.modifier], color: 'var(--syn-keyword)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syn-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--syn-number)' },
  { tag: [t.comment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [t.propertyName, t.definition(t.variableName)], color: 'var(--syn-property)' },
  { tag: t.function(t.variableName), color: 'var(--syn-property)' },
  { tag: t.typeName, color: 'var(--syn-type)' },
]);

export function writingTheme(): Extension {
  return [
    EditorView.theme({
      // Font, size and line width come from the settings (features/settings/appearance.ts).
      '&': {
        height: '100%',
        fontSize: 'var(--editor-font-size, 15px)',
        backgroundColor: 'var(--paper)',
      },
      '.cm-scroller': { fontFamily: 'var(--editor-font, var(--mono))', lineHeight: '1.65' },
      '.cm-content': {
        padding: '18px 0 40vh',
        maxWidth: 'var(--editor-width, 46rem)',
        margin: '0 auto',
      },
      '.cm-line': { padding: '0 24px' },
      '.cm-gutters': { backgroundColor: 'transparent', border: 'none', color: 'var(--faint)' },
      '&.cm-focused': { outline: 'none' },
      '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
      '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--muted)' },
      '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': {
        backgroundColor: 'var(--selection) !important',
      },
      '.cm-cursor': { borderLeftColor: 'var(--ink)' },
      '.cm-panels': { backgroundColor: 'var(--panel)', color: 'var(--ink)' },
    }),
    syntaxHighlighting(writing),
  ];
}
