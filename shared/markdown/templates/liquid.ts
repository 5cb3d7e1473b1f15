/**
 * Liquid as Jekyll (and Eleventy) runs it over a post before Markdown: `{{ site.x }}`,
 * `{{ page.x }}` and `{{ "/path" | relative_url }}` become their text; `{% highlight %}`
 * highlighted code; `{% include %}` the include's content, rendered; `{% link %}` and
 * `{% post_url %}` the post's URL; `{% raw %}` its content, literally; `{% comment %}`
 * nothing. Control flow (`if`, `for`, …) and anything unknown show as labelled chips, with
 * the content between them rendered.
 */
import { chip, codeBlock, escapeHtml, lineSet, shortArgs, siteOrUnknown } from './html.ts';
import {
  BLOCKS,
  LITERAL,
  literalValue,
  liquidSyntax,
  splitFilters,
  STATEMENTS,
  TEXT_TAGS,
} from './liquid-syntax.ts';
import { findPost, lookup, postUrl, printValue } from './links.ts';
import { positional, type Construct } from './syntax.ts';
import type { RenderInput, Rendered, TemplateContext, TemplateDialect } from './types.ts';

export interface LiquidOptions {
  name: string;
  /** Bare names are the page's data (Eleventy), not unknown variables (Jekyll). */
  bareNamesArePage: boolean;
}

export function liquidDialect(options: LiquidOptions): TemplateDialect {
  return {
    ...liquidSyntax(options.name, options.bareNamesArePage),
    builtins: Object.fromEntries(
      [...LITERAL, ...BLOCKS, ...TEXT_TAGS, ...STATEMENTS, 'include', 'include_relative'].map(
        (name) => [name, []],
      ),
    ),
    snippets: { open: '{% ', close: ' %}', closeTag: (name) => `{% end${name} %}` },
    render: (input) => render(input, options),
  };
}

function render(input: RenderInput, options: LiquidOptions): Rendered {
  const { construct: c, context } = input;
  if (c.kind === 'output') return output(input, options);
  switch (c.name) {
    case 'highlight':
      return highlight(c, input.inner);
    case 'raw':
    case 'verbatim':
      return { html: escapeHtml(input.inner ?? '') };
    case 'comment':
    case 'capture':
      return { html: '' };
    case 'include':
    case 'include_relative':
      return include(input);
    case 'link':
    case 'post_url':
      return link(c, context);
  }
  if (BLOCKS.has(c.name) || STATEMENTS.has(c.name)) {
    const tag = input.inline ? 'span' : 'div';
    const label = chip(
      'builtin',
      c.name,
      shortArgs(c),
      'Liquid: the site decides when it is built',
      tag,
    );
    return input.paired
      ? { open: `${label}<${tag} class="tpl-inner">`, close: `</${tag}>` }
      : { html: label };
  }
  return siteOrUnknown(input, 'tag');
}

function highlight(c: Construct, inner: string | undefined): Rendered {
  if (inner === undefined)
    return { html: chip('error', 'highlight', shortArgs(c), 'has no code: its end is missing') };
  const [lang = '', ...flags] = positional(c);
  const marks = /mark_lines="([^"]*)"/.exec(c.argText)?.[1];
  return {
    html: codeBlock(inner, {
      lang,
      lineNumbers: flags.includes('linenos'),
      marked: lineSet(marks),
    }),
  };
}

function link(c: Construct, context: TemplateContext): Rendered {
  const target = positional(c)[0] ?? '';
  if (target.includes('{{'))
    return {
      html: chip('unknown', c.name, target, 'its target is computed when the site is built'),
    };
  const post = findPost(context, target);
  if (!post) return { html: chip('error', c.name, target, `no post “${target}” in this blog`) };
  return { text: baseUrl(context) + postUrl(post) };
}

const baseUrl = (context: TemplateContext): string =>
  printValue(lookup(context.site, 'baseurl') ?? lookup(context.site, 'pathPrefix') ?? '').replace(
    /\/$/,
    '',
  );

function include(input: RenderInput): Rendered {
  const { construct: c, context } = input;
  const [file = ''] = positional(c);
  if (!file || file.includes('{{'))
    return {
      html: chip('unknown', c.name, shortArgs(c), 'its file is chosen when the site is built'),
    };
  const key =
    c.name === 'include_relative'
      ? `relative:${relativeTo(context.postPath, file)}`
      : `include:${file}`;
  const content = context.files?.[key];
  // Files beside a post are not gathered ahead (only the includes folder is): named, not shown.
  if (content === undefined && c.name === 'include_relative')
    return {
      html: chip('unknown', c.name, file, 'read from beside the post when the site is built'),
    };
  if (content === undefined)
    return { html: chip('error', c.name, file, `no include “${file}” in the site`) };
  if (content === null)
    return { html: chip('error', c.name, file, 'too large to show (over 64 KB)') };
  const args: Record<string, unknown> = {};
  for (const arg of c.args) {
    if (arg.name === undefined) continue;
    args[arg.name] = lookupName(arg.value, context) ?? arg.value;
  }
  const nested = { ...context, include: args };
  return { html: input.markdown(content, input.inline, nested) };
}

function relativeTo(postPath: string | undefined, file: string): string {
  const parts = (postPath ?? '').split('/').slice(0, -1);
  for (const part of file.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

function lookupName(name: string, context: TemplateContext, bareIsPage = false): unknown {
  const [root, ...rest] = name.split('.');
  const path = rest.join('.');
  switch (root) {
    case 'site':
      return path ? lookup(context.site, path) : undefined;
    case 'page':
      if (path === 'path') return context.postPath;
      if (path === 'url' && context.postPath) {
        const post = findPost(context, context.postPath);
        return post ? postUrl(post) : undefined;
      }
      return path ? lookup(context.page, path) : undefined;
    case 'include':
      return path ? lookup(context.include, path) : undefined;
    default:
      return bareIsPage ? lookup(context.page, name) : undefined;
  }
}

function output(input: RenderInput, options: LiquidOptions): Rendered {
  const { construct: c, context } = input;
  const { value, filters } = splitFilters(c.argText);
  let current: unknown = literalValue(value);
  if (current === undefined) current = lookupName(value, context, options.bareNamesArePage);
  if (current === undefined && !filters.some((f) => f.name === 'default'))
    return {
      html: chip('unknown', 'value', c.argText, `“${value}” is known only when the site is built`),
    };
  let html = false;
  for (const filter of filters) {
    const applied = applyFilter(filter.name, current, filter.args, context);
    if (applied === FILTER_UNKNOWN)
      return {
        html: chip(
          'unknown',
          'value',
          c.argText,
          `filter “${filter.name}” runs when the site is built`,
        ),
      };
    if (filter.name === 'markdownify') {
      html = true;
      current = input.markdown(printValue(current), input.inline);
    } else current = applied;
  }
  return html ? { html: printValue(current) } : { text: printValue(current) };
}

const FILTER_UNKNOWN = Symbol('unknown filter');

function applyFilter(
  name: string,
  value: unknown,
  args: string[],
  context: TemplateContext,
): unknown {
  const text = printValue(value);
  const arg = (i: number) =>
    printValue(literalValue(args[i] ?? '') ?? lookupName(args[i] ?? '', context) ?? '');
  switch (name) {
    case 'relative_url':
    case 'url': {
      if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
      return baseUrl(context) + (text.startsWith('/') ? text : `/${text}`);
    }
    case 'absolute_url':
      return (
        printValue(lookup(context.site, 'url') ?? '').replace(/\/$/, '') +
        applyFilter('relative_url', value, [], context)
      );
    case 'markdownify':
      return value;
    case 'default':
      return value === undefined || value === null || value === '' || value === false
        ? arg(0)
        : value;
    case 'escape':
    case 'xml_escape':
    case 'escape_once':
    case 'strip_html':
    case 'jsonify':
    case 'smartify':
      return text;
    case 'upcase':
      return text.toUpperCase();
    case 'downcase':
      return text.toLowerCase();
    case 'capitalize':
      return text.charAt(0).toUpperCase() + text.slice(1);
    case 'strip':
      return text.trim();
    case 'append':
      return text + arg(0);
    case 'prepend':
      return arg(0) + text;
    case 'size':
      return Array.isArray(value) ? value.length : text.length;
    case 'slugify':
      return text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '');
    case 'uri_escape':
    case 'url_encode':
      return encodeURI(text);
    case 'join':
      return Array.isArray(value) ? value.map(printValue).join(arg(0)) : text;
    case 'first':
      return Array.isArray(value) ? value[0] : text.charAt(0);
    case 'last':
      return Array.isArray(value) ? value[value.length - 1] : text.slice(-1);
    case 'date_to_xmlschema':
      return value instanceof Date ? value.toISOString() : text;
    default:
      return FILTER_UNKNOWN;
  }
}

export const jekyll = liquidDialect({ name: 'jekyll', bareNamesArePage: false });
export const eleventy = liquidDialect({ name: 'eleventy', bareNamesArePage: true });
