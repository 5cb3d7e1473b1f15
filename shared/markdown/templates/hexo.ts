/**
 * Hexo's tag plugins (`{% name args %}`, `{% name %}…{% endname %}`), as Hexo renders them
 * before Markdown, code blocks left out. Arguments are split on spaces, quotes kept together;
 * options are `name:value`.
 */
import { card, chip, codeBlock, escapeHtml, lineSet, shortArgs, siteOrUnknown } from './html.ts';
import { HEXO_BUILTINS, hexoSyntax } from './hexo-syntax.ts';
import { findPost, lookup, postUrl, printValue } from './links.ts';
import { positional, type Construct } from './syntax.ts';
import type { RenderInput, Rendered, TemplateContext, TemplateDialect } from './types.ts';

export const hexo: TemplateDialect = {
  ...hexoSyntax,
  builtins: Object.fromEntries(
    HEXO_BUILTINS.map((name) => [
      name,
      name === 'codeblock' || name === 'code'
        ? ['lang', 'line_number', 'highlight', 'first_line', 'mark', 'wrap']
        : name === 'include_code'
          ? ['lang', 'from', 'to']
          : [],
    ]),
  ),
  snippets: { open: '{% ', close: ' %}', closeTag: (name) => `{% end${name} %}` },
  render,
};

const options = (c: Construct) =>
  Object.fromEntries(c.args.filter((a) => a.name).map((a) => [a.name!, a.value]));
const link = (href: string, text: string) =>
  `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

function render(input: RenderInput): Rendered {
  const { construct: c, context } = input;
  const args = positional(c);
  switch (c.name) {
    case 'codeblock':
    case 'code':
      return code(c, input.inner);
    case 'raw':
    case 'verbatim':
      // Hexo passes it through as it is: HTML stays HTML (sanitized like all of the preview).
      return { html: input.inner ?? '' };
    case 'blockquote':
    case 'quote':
      return blockquote(c);
    case 'pullquote':
      return {
        open: `<blockquote class="pullquote ${escapeHtml(args.join(' '))}">`,
        close: '</blockquote>',
      };
    case 'img':
    case 'image':
    case 'asset_img':
    case 'asset_image':
      return { html: image(c) };
    case 'asset_link': {
      const [slug = '', ...title] = args;
      return { html: link(slug, title.join(' ') || slug) };
    }
    case 'asset_path':
      return { text: args[0] ?? '' };
    case 'post_link':
    case 'post_path':
      return postLink(c, context);
    case 'include_code':
    case 'include_raw':
      return includeCode(c, context);
    case 'url_for':
    case 'full_url_for': {
      const [text = '', path = ''] = args;
      const root =
        c.name === 'full_url_for'
          ? printValue(lookup(context.site, 'url') ?? '')
          : printValue(lookup(context.site, 'root') ?? '');
      return {
        html: link(root.replace(/\/$/, '') + (path.startsWith('/') ? path : `/${path}`), text),
      };
    }
    case 'link': {
      const [text = '', href = ''] = args;
      return { html: link(href, text) };
    }
    case 'iframe':
      return { html: card('Embedded page', args[0] ?? '', safeUrl(args[0]), input.inline) };
    case 'youtube':
      return {
        html: card(
          'YouTube video',
          args[0] ?? '',
          args[0] ? `https://www.youtube.com/watch?v=${encodeURIComponent(args[0])}` : null,
          input.inline,
        ),
      };
    case 'vimeo':
      return {
        html: card(
          'Vimeo video',
          args[0] ?? '',
          args[0] ? `https://vimeo.com/${encodeURIComponent(args[0])}` : null,
          input.inline,
        ),
      };
    case 'jsfiddle':
      return {
        html: card(
          'JSFiddle',
          args[0] ?? '',
          args[0] ? `https://jsfiddle.net/${encodeURI(args[0])}/` : null,
          input.inline,
        ),
      };
    case 'gist':
      return {
        html: card(
          'GitHub gist',
          args.join(' '),
          args[0] ? `https://gist.github.com/${encodeURI(args[0])}` : null,
          input.inline,
        ),
      };
  }
  return siteOrUnknown(input, 'tag');
}

const safeUrl = (url: string | undefined): string | null =>
  url && /^https?:\/\//i.test(url) ? url : null;

/** `{% codeblock [title] [lang:x] [url] [link text] [line_number:false] [mark:1,3-4] [first_line:5] %}` */
function code(c: Construct, inner: string | undefined): Rendered {
  if (inner === undefined)
    return {
      html: chip('error', c.name, shortArgs(c), `has no code: its end${c.name} is missing`),
    };
  const opts = options(c);
  const words = positional(c);
  const urlAt = words.findIndex((w) => /^https?:\/\//i.test(w));
  const title = (urlAt < 0 ? words : words.slice(0, urlAt)).join(' ');
  const href = urlAt < 0 ? undefined : words[urlAt];
  const linkText = urlAt < 0 ? '' : words.slice(urlAt + 1).join(' ');
  return {
    html: codeBlock(inner, {
      lang: opts.lang ?? '',
      lineNumbers: opts.line_number !== 'false',
      start: Number(opts.first_line) || 1,
      marked: lineSet(opts.mark?.replace(/,/g, ' ')),
      caption: title || undefined,
      captionLink: href ? { href, text: linkText } : undefined,
    }),
  };
}

/** `{% blockquote [author[, source]] [link] [source_link_title] %}` */
function blockquote(c: Construct): Rendered {
  const words = positional(c);
  const urlAt = words.findIndex((w) => /^https?:\/\//i.test(w));
  const who = (urlAt < 0 ? words : words.slice(0, urlAt)).join(' ');
  const [author = '', source = ''] = who.split(/,\s*/);
  const href = urlAt < 0 ? null : words[urlAt]!;
  const linkTitle = urlAt < 0 ? '' : words.slice(urlAt + 1).join(' ');
  let footer = '';
  if (author || href) {
    const cite = href ? link(href, linkTitle || source || href) : escapeHtml(source);
    footer = `<footer><strong>${escapeHtml(author)}</strong>${cite ? `<cite>${cite}</cite>` : ''}</footer>`;
  }
  return { open: '<blockquote>', close: `${footer}</blockquote>` };
}

/**
 * `{% img [class names] /path/to/image [width] [height] '"title text" "alt text"' %}`, read
 * as Hexo's img tag does: the sizes right after the image, the rest the title, and a title
 * in two quoted parts is a title and an alt text.
 */
function image(c: Construct): string {
  const args = c.args.filter((a) => a.name === undefined);
  const words = args.map((a) => a.value);
  const srcAt = words.findIndex((w) => /[/.]/.test(w) || /^https?:/i.test(w));
  const at = srcAt < 0 ? 0 : srcAt;
  const classes = words.slice(0, at).join(' ');
  const src = words[at] ?? '';
  let rest = args.slice(at + 1);
  const sizes: string[] = [];
  while (sizes.length < 2 && rest[0] && !rest[0].quoted && /^\d+(px|%)?$/.test(rest[0].value)) {
    sizes.push(rest[0].value);
    rest = rest.slice(1);
  }
  let title = rest.map((a) => a.value).join(' ');
  let alt = title;
  const pair = /^"([^"]*)"\s*(?:"([^"]*)")?$/.exec(title);
  if (rest.length === 2 && rest.every((a) => a.quoted))
    [title, alt] = [rest[0]!.value, rest[1]!.value];
  else if (pair) [title, alt] = [pair[1]!, pair[2] ?? pair[1]!];
  let html = `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"`;
  if (title) html += ` title="${escapeHtml(title)}"`;
  if (classes) html += ` class="${escapeHtml(classes)}"`;
  if (sizes[0]) html += ` width="${escapeHtml(sizes[0])}"`;
  if (sizes[1]) html += ` height="${escapeHtml(sizes[1])}"`;
  return `${html}>`;
}

/** `{% post_link slug [title] [escape] %}` */
function postLink(c: Construct, context: TemplateContext): Rendered {
  const [slug = '', ...title] = positional(c).filter((w) => w !== 'true' && w !== 'false');
  const post = findPost(context, slug, 'source/_posts');
  if (!post) return { html: chip('error', c.name, slug, `no post “${slug}” in this blog`) };
  const url = postUrl(post, 'source/_posts');
  if (c.name === 'post_path') return { text: url };
  return { html: link(url, title.join(' ') || post.title) };
}

/** `{% include_code [title] [lang:language] [from:line] [to:line] path/to/file %}` */
function includeCode(c: Construct, context: TemplateContext): Rendered {
  const opts = options(c);
  const words = positional(c);
  const file = words[words.length - 1] ?? '';
  const title = words.slice(0, -1).join(' ');
  const content = context.files?.[`code:${file}`];
  if (content === undefined)
    return { html: chip('error', c.name, file, `no file “${file}” in source/downloads/code`) };
  if (content === null)
    return { html: chip('error', c.name, file, 'too large to show (over 64 KB)') };
  const lines = content.split('\n');
  const from = Math.max(1, Number(opts.from) || 1);
  const to = Math.min(lines.length, Number(opts.to) || lines.length);
  const part = lines.slice(from - 1, to).join('\n');
  if (c.name === 'include_raw') return { html: escapeHtml(part) };
  return {
    html: codeBlock(part, {
      lang: opts.lang ?? '',
      lineNumbers: true,
      start: from,
      caption: title || file.split('/').pop(),
    }),
  };
}
