/**
 * What a template dialect is to the renderer (plugin.ts), and what it may know of the site
 * while it renders a post (TemplateContext). Pure data: the main process gathers the site's
 * own shortcodes and includes (electron/services/generators/site-templates.ts), the renderer
 * adds the post's front matter and the library's posts.
 */
import type { Construct } from './syntax.ts';

/** A shortcode, tag or include the site itself defines. */
export interface SiteTemplate {
  /** Where it is defined (relative path), for the chip's label. */
  file: string;
  /** Its template renders its inner content as Markdown (`.Inner | markdownify`, …). */
  markdownInner?: boolean;
  /** The parameters its template reads (`.Get "x"`, `include.x`), for autocompletion. */
  params?: string[];
}

/** A post of the library, as template links (`ref`, `post_link`, `post_url`) find it. */
export interface PostRef {
  /** Relative path in the blog. */
  path: string;
  title: string;
  /** Its URL on the built site, when known. */
  url?: string;
}

export interface TemplateContext {
  /** The site's config as data (`_config.yml`, `hugo.toml`, …). */
  site?: Readonly<Record<string, unknown>>;
  /** The post's front matter. */
  page?: Readonly<Record<string, unknown>>;
  /** The post's own relative path (Hexo's asset folder, Jekyll's `page.path`). */
  postPath?: string;
  /** The library's posts, for links to them. */
  posts?: readonly PostRef[];
  /** The site's own shortcodes, tags and includes, by name. */
  templates?: Readonly<Record<string, SiteTemplate>>;
  /**
   * Files a construct may pull in, by how the post names them: `include:<name>` (Jekyll's and
   * Eleventy's includes folder), `relative:<path>` (any file, from the blog's root), `code:<path>`
   * (Hexo's `source/downloads/code/`). null: the file exists but is too large to show.
   */
  files?: Readonly<Record<string, string | null>>;
  /** Inside an include: the arguments it was given (`include.x`). */
  include?: Readonly<Record<string, unknown>>;
}

/** What a construct becomes in the preview. */
export type Rendered =
  /** HTML standing alone (a single construct, or a paired one whose inner text it used). */
  | { html: string }
  /** HTML around inner content that is rendered as Markdown. */
  | { open: string; close: string }
  /** Text put in the post's place before Markdown reads it (a URL, a param's value). */
  | { text: string };

/** How a paired construct's inner content is read. */
export type Pairing = 'markdown' | 'literal';

export interface RenderInput {
  construct: Construct;
  /** A paired construct's inner text, as written. */
  inner?: string;
  context: TemplateContext;
  /**
   * Markdown -> HTML with the same renderer (for `markdownify`, includes), in `context` when
   * given; depth-bounded.
   */
  markdown(text: string, inline: boolean, context?: TemplateContext): string;
  /** The post's 1-based line where the construct starts (0 when not known). */
  line: number;
  /** Inside a paragraph: the result goes in a `<span>`, not a `<div>`. */
  inline: boolean;
  /** The opener of a pair whose inner content follows, rendered as Markdown: `{open, close}`. */
  paired?: boolean;
}

/** How a dialect's constructs are read: enough to find them, pair them and count around them. */
export interface TemplateSyntax {
  name: string;
  /** Characters a construct can start with (for markdown-it's inline scan). */
  openers: string;
  /**
   * The construct starting at `text[pos]`, if one does. `spans`: only where it is and what
   * it is called, its `args` left empty (the word count and the chunker need no more, and
   * reading arguments was a third of the index's time on template constructs).
   */
  read(text: string, pos: number, spans?: boolean): Construct | null;
  /**
   * Whether a `tag` takes inner content up to its `close`: always for some names, for others
   * only when a close follows (Hugo decides so too). null: it stands alone.
   */
  pairing(
    construct: Construct,
    context: TemplateContext,
  ): { pairing: Pairing; always: boolean } | null;
  /**
   * Whether constructs inside fenced and indented code are read too (Hugo and Liquid read
   * the whole file before Markdown does; Hexo keeps code blocks out of its tag pass).
   */
  readsCode: boolean;
  /** A single construct that stands for text (a URL, a value): put in before Markdown reads. */
  producesText(construct: Construct): boolean;
  /** Lines (at a block's start, up to a blank line) that are not content: MDX's import/export. */
  hiddenLines?: RegExp;
}

/** A dialect: its syntax, and what its constructs become. */
export interface TemplateDialect extends TemplateSyntax {
  /** Its built-in constructs, with the parameters each takes (for completion in the editor). */
  builtins: Readonly<Record<string, readonly string[]>>;
  /**
   * What a writer types to start a construct (`{{< `, `{% `, `<`), and to close a pair; which
   * names are constructs when not all are (MDX: a capital first).
   */
  snippets: { open: string; close: string; closeTag(name: string): string; names?: RegExp };
  /** What a construct becomes. */
  render(input: RenderInput): Rendered;
}
