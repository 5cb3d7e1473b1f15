import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { languages } from '@codemirror/language-data';
import type { Extension } from '@codemirror/state';
import { preloadFenceLanguages } from './fence-languages.ts';
import { longInline } from './long-inline.ts';
import { capParseSlices } from './parse-slices.ts';

/**
 * Markdown with GFM; fenced code is highlighted by languages loaded on demand. A YAML
 * front-matter block is parsed as YAML, not as Markdown (which reads `---` under the last
 * field as a setext heading and shows the block in bold). A giant paragraph is not parsed
 * for inline marks (long-inline.ts).
 */
export function markdownSupport(): Extension {
  capParseSlices();
  return [
    yamlFrontmatter({
      content: markdown({
        base: markdownLanguage,
        codeLanguages: languages,
        extensions: longInline,
      }),
    }),
    preloadFenceLanguages(languages),
  ];
}
