/**
 * The template dialects Folio reads in posts, by the name a generator profile gives in its
 * `dialect` slot, and what the rest of the preview needs to know of them: which text is
 * template syntax (not words), and which lines a paired construct holds together.
 */
import { hexo } from './hexo.ts';
import { hugo } from './hugo.ts';
import { eleventy, jekyll } from './liquid.ts';
import { mdx } from './mdx.ts';
import type { TemplateDialect } from './types.ts';

export type { PostRef, SiteTemplate, TemplateContext } from './types.ts';

const DIALECTS: Record<string, TemplateDialect> = { hugo, hexo, jekyll, eleventy, mdx };

export const dialectNames = (): string[] => Object.keys(DIALECTS);

export const templateDialect = (name: string | undefined): TemplateDialect | null =>
  (name && DIALECTS[name]) || null;

export {
  dialectOf,
  pairedLines,
  templateSpans,
  templateSyntax,
  withoutTemplates,
} from './readers.ts';
