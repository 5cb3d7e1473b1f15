/**
 * The HTML that template constructs become in the preview: labelled chips for what Folio
 * cannot show as the site would, offline cards for embeds, highlighted code with line numbers.
 * Everything from the post is escaped here; the preview sanitizes the result like all HTML.
 */
import { highlightCode } from '../highlight.ts';
import type { Construct } from './syntax.ts';
import type { RenderInput, Rendered } from './types.ts';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** How a chip's construct is known: the generator's own, the site's, neither, or broken. */
export type ChipKind = 'builtin' | 'site' | 'unknown' | 'error';

/** The short badge a chip shows; the whole reason is its tooltip (errors show it in full). */
const CHIP_LABEL: Record<ChipKind, string> = {
  builtin: '',
  site: 'site',
  unknown: 'unknown',
  error: '',
};

/**
 * A construct as a visible label: its name, its arguments as written, and (for `site`,
 * `unknown`, `error`) what Folio knows of it. `reason` says why, for errors.
 */
export function chip(
  kind: ChipKind,
  label: string,
  detail: string,
  reason = '',
  tag: 'span' | 'div' = 'span',
): string {
  const note = kind === 'error' ? reason : CHIP_LABEL[kind];
  return (
    `<${tag} class="tpl-chip tpl-chip-${kind}" title="${escapeHtml(reason || label)}">` +
    `<span class="tpl-chip-name">${escapeHtml(label)}</span>` +
    (detail ? ` <span class="tpl-chip-args">${escapeHtml(detail)}</span>` : '') +
    (note ? ` <span class="tpl-chip-note">${escapeHtml(note)}</span>` : '') +
    `</${tag}>`
  );
}

/** An embed shown offline: what it is, its id, and a link to it (opened in the browser). */
export function card(kind: string, label: string, href: string | null, inline = false): string {
  const tag = inline ? 'span' : 'div';
  const link = href
    ? `<a class="tpl-card-link" href="${escapeHtml(href)}">${escapeHtml(href)}</a>`
    : '';
  return (
    `<${tag} class="tpl-card"><span class="tpl-card-kind">${escapeHtml(kind)}</span>` +
    ` <span class="tpl-card-label">${escapeHtml(label)}</span>${link}</${tag}>`
  );
}

/** The construct as written, shortened for a chip. */
export function shortArgs(c: Construct): string {
  const text = c.argText.replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** Line numbers `"1 3-5"`/`"1,3-5"` as a set. */
export function lineSet(spec: string | undefined): Set<number> {
  const lines = new Set<number>();
  for (const part of (spec ?? '').split(/[\s,]+/)) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) continue;
    const from = Number(range[1]);
    const to = Math.min(Number(range[2] ?? range[1]), from + 10_000);
    for (let n = from; n <= to; n++) lines.add(n);
  }
  return lines;
}

export interface CodeOptions {
  lang: string;
  /** Number the lines. */
  lineNumbers?: boolean;
  /** The first line's number. */
  start?: number;
  /** Lines to mark (1-based within the block). */
  marked?: Set<number>;
  /** A caption above the code (Hexo's codeblock title), with an optional link. */
  caption?: string;
  captionLink?: { href: string; text: string };
}

/**
 * Code highlighted as highlight.js does for fences, cut into lines (spans closed at the end
 * of each line and opened again on the next) so lines can be numbered and marked.
 */
export function codeBlock(code: string, options: CodeOptions): string {
  const text = code.replace(/^\n/, '').replace(/\n$/, '');
  const html = (options.lang ? highlightCode(text, options.lang) : null) ?? escapeHtml(text);
  const cls = options.lang ? ` class="language-${escapeHtml(options.lang)}"` : '';
  const link = options.captionLink;
  const caption =
    options.caption || link
      ? `<figcaption>${escapeHtml(options.caption ?? '')}${
          link
            ? ` <a href="${escapeHtml(link.href)}">${escapeHtml(link.text || link.href)}</a>`
            : ''
        }</figcaption>`
      : '';
  if (!options.lineNumbers && !options.marked?.size) {
    return `<figure class="tpl-code">${caption}<pre><code${cls}>${html}</code></pre></figure>`;
  }
  const first = options.start ?? 1;
  const lines = splitHighlighted(html).map((line, i) => {
    const n = i + 1;
    const mark = options.marked?.has(n) ? ' tpl-line-marked' : '';
    const number = options.lineNumbers ? `<span class="tpl-line-number">${first + i}</span>` : '';
    return `<span class="tpl-line${mark}">${number}${line}</span>`;
  });
  return `<figure class="tpl-code">${caption}<pre><code${cls}>${lines.join('\n')}</code></pre></figure>`;
}

const SPAN = /<span[^>]*>|<\/span>/g;

/** highlight.js HTML cut at newlines, each line's open spans closed and reopened. */
function splitHighlighted(html: string): string[] {
  const open: string[] = [];
  return html.split('\n').map((line) => {
    const prefix = open.join('');
    for (const tag of line.match(SPAN) ?? []) {
      if (tag === '</span>') open.pop();
      else open.push(tag);
    }
    return prefix + line + '</span>'.repeat(open.length);
  });
}

/**
 * A construct Folio does not render itself: a chip saying whether the site defines it, and
 * its inner content (rendered when it is Markdown, shown as text when not).
 */
export function siteOrUnknown(input: RenderInput, what: string): Rendered {
  const { construct: c, context } = input;
  const site = context.templates?.[c.name];
  const reason = site
    ? `site ${what}, defined in ${site.file}`
    : `unknown ${what}: not built in, not in the site`;
  const tag = input.inline ? 'span' : 'div';
  const label = chip(site ? 'site' : 'unknown', c.name, shortArgs(c), reason, tag);
  if (input.inner !== undefined) {
    const text = escapeHtml(input.inner.replace(/^\n|\n$/g, ''));
    return {
      html: input.inline
        ? `${label}<code>${text}</code>`
        : `${label}<pre class="tpl-inner-text">${text}</pre>`,
    };
  }
  if (input.paired) return { open: `${label}<${tag} class="tpl-inner">`, close: `</${tag}>` };
  return { html: label };
}
