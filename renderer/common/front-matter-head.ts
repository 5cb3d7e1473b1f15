/**
 * The front matter of the open post, kept current while the writer types without re-reading
 * the post on every keystroke: the head is parsed again only when an edit reaches it.
 */
import type { ChangeSet, Text } from '@codemirror/state';
import {
  findFrontMatter,
  parseFrontMatter,
  type ParsedFrontMatter,
} from '../../shared/frontmatter.ts';

/** Front matter sits at the top; parsing only the head of a long post keeps keystrokes cheap. */
export const HEAD_CHARS = 64 * 1024;

export interface HeadParse {
  parsed: ParsedFrontMatter;
  /**
   * Edits that start at or after this offset cannot change what `parsed` says: the body
   * after a closed block, or the lines after a first line that opens no block.
   */
  reach: number;
}

/** How a front-matter block may begin (after a BOM): `---`, `+++`, `{` or `"` (JSON). */
export const OPENERS = /^\uFEFF?[-+{"]/;

export function parseHead(doc: Text): HeadParse {
  const head = doc.sliceString(0, Math.min(doc.length, HEAD_CHARS));
  const block = findFrontMatter(head);
  const parsed = parseFrontMatter(block || doc.length <= HEAD_CHARS ? head : doc.toString());
  if (parsed.format && parsed.bodyStart > 0 && head[parsed.bodyStart - 1] === '\n') {
    return { parsed, reach: parsed.bodyStart };
  }
  // No closed block. One may still appear: anywhere, once the first line opens one (a closing
  // fence typed further down ends it); else only by an edit to the first line or its break.
  const first = doc.line(1);
  const reach = OPENERS.test(first.text) ? Infinity : first.to + 1;
  return { parsed, reach };
}

/** Whether any of `changes` starts before `reach` (see HeadParse). */
export function touchesHead(changes: ChangeSet, reach: number): boolean {
  let touches = false;
  changes.iterChangedRanges((fromA) => {
    if (fromA < reach) touches = true;
  });
  return touches;
}
