import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { languages } from '@codemirror/language-data';
import type { Extension } from '@codemirror/state';

/** Markdown with GFM; fenced code is highlighted by languages loaded on demand. */
export function markdownSupport(): Extension {
  return markdown({ base: markdownLanguage, codeLanguages: languages });
}
