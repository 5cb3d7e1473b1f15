/** How Hexo's tag plugins are read and paired (hexo.ts renders them). */
import { readLiquid } from './liquid-syntax.ts';
import type { TemplateSyntax } from './types.ts';

const ALWAYS: Record<string, 'markdown' | 'literal'> = {
  codeblock: 'literal',
  code: 'literal',
  raw: 'literal',
  verbatim: 'literal',
  blockquote: 'markdown',
  quote: 'markdown',
  pullquote: 'markdown',
};
const SINGLE = new Set([
  'img',
  'image',
  'asset_img',
  'asset_image',
  'asset_link',
  'asset_path',
  'post_link',
  'post_path',
  'include_code',
  'include_raw',
  'iframe',
  'youtube',
  'vimeo',
  'jsfiddle',
  'gist',
  'url_for',
  'full_url_for',
  'link',
]);
const TEXT = new Set(['asset_path', 'post_path']);

/** Hexo's own tags. */
export const HEXO_BUILTINS = [...Object.keys(ALWAYS), ...SINGLE];

export const hexoSyntax: TemplateSyntax = {
  name: 'hexo',
  openers: '{',
  // Hexo takes fenced code and code spans out before it reads tags.
  readsCode: false,
  read: (text, pos, spans) => readLiquid(text, pos, ':', true, spans),
  pairing(c) {
    const always = ALWAYS[c.name];
    if (always) return { pairing: always, always: true };
    if (SINGLE.has(c.name)) return null;
    return { pairing: 'markdown', always: false };
  },
  producesText: (c) => TEXT.has(c.name),
};
