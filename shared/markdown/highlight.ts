/**
 * Syntax highlighting for fenced code in the preview: highlight.js core with a fixed set of
 * common languages (the full build is ~10x larger). Pure: string in, HTML string out.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { memo, memoCache } from './cache.ts';

// Aliases come with each language: js/jsx/mjs, ts/tsx, py, sh/zsh, console, yml, toml (ini),
// html/svg (xml), md, golang, rs, h (c), cc/c++/hpp (cpp), rb, plaintext/text/txt.
const languages = {
  bash,
  c,
  cpp,
  css,
  diff,
  go,
  ini,
  java,
  javascript,
  json,
  markdown,
  php,
  plaintext,
  python,
  ruby,
  rust,
  shell,
  sql,
  typescript,
  xml,
  yaml,
};
for (const [name, language] of Object.entries(languages)) hljs.registerLanguage(name, language);

const cache = memoCache<string | null>();

/**
 * The code as highlighted HTML (escaped, with `<span class="hljs-…">` tokens), or null when
 * the language is not one we bundle (the caller then escapes the code as plain text).
 */
export function highlightCode(code: string, language: string): string | null {
  const lang = language.toLowerCase();
  if (!hljs.getLanguage(lang)) return null;
  return memo(cache, `${lang}\n${code}`, 200, () => {
    try {
      return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
    } catch {
      return null;
    }
  });
}
