import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { languages } from '@codemirror/language-data';
import type { Extension } from '@codemirror/state';
import { capParseSlices } from './parse-slices.ts';

/**
 * Markdown with GFM; fenced code is highlighted by languages loaded on demand. A YAML
 * front-matter block is parsed as YAML, not as Markdown (which reads `---` under the last
 * field as a setext heading and shows the block in bold).
 */
export function markdownSupport(): Extension {
  capParseSlices();
  return yamlFrontmatter({
    content: markdown({ base: markdownLanguage, codeLanguages: languages }),
  });
}
