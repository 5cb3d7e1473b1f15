/**
 * Hugo's shortcodes: `{{< name args >}}` (inner content passed as written), `{{% name args %}}`
 * (inner content is Markdown), paired with `{{< /name >}}`, self-closed with `/>}}`, commented
 * out with `{{</*` … `*\/>}}` (shown literally, as Hugo shows it). The built-in shortcodes are
 * rendered as Hugo renders them, embeds as offline cards; the site's own and unknown ones as
 * labelled chips, their inner content rendered.
 */
import { card, chip, codeBlock, escapeHtml, lineSet, shortArgs, siteOrUnknown } from './html.ts';
import { findPost, lookup, postUrl, printValue } from './links.ts';
import { hugoSyntax } from './hugo-syntax.ts';
import { argValue, type Construct } from './syntax.ts';
import type { RenderInput, Rendered, TemplateContext, TemplateDialect } from './types.ts';

const EMBEDS: Record<string, { kind: string; url: (c: Construct) => string | null }> = {
  youtube: {
    kind: 'YouTube video',
    url: (c) => ext('https://www.youtube.com/watch?v=', argValue(c, 'id', 0)),
  },
  vimeo: { kind: 'Vimeo video', url: (c) => ext('https://vimeo.com/', argValue(c, 'id', 0)) },
  x: { kind: 'Post on X', url: (c) => status(c) },
  twitter: { kind: 'Post on X', url: (c) => status(c) },
  tweet: { kind: 'Post on X', url: (c) => status(c) },
  instagram: {
    kind: 'Instagram post',
    url: (c) => ext('https://www.instagram.com/p/', argValue(c, 'id', 0), '/'),
  },
  gist: {
    kind: 'GitHub gist',
    url: (c) => {
      const user = argValue(c, 'user', 0);
      const id = argValue(c, 'id', 1);
      return user && id
        ? `https://gist.github.com/${encodeURIComponent(user)}/${encodeURIComponent(id)}`
        : null;
    },
  },
};

const ext = (base: string, id: string | undefined, tail = ''): string | null =>
  id ? `${base}${encodeURIComponent(id)}${tail}` : null;

function status(c: Construct): string | null {
  const user = argValue(c, 'user', 0);
  const id = argValue(c, 'id', 1);
  return user && id
    ? `https://x.com/${encodeURIComponent(user)}/status/${encodeURIComponent(id)}`
    : null;
}

export const hugo: TemplateDialect = {
  ...hugoSyntax,
  builtins: {
    figure: [
      'src',
      'alt',
      'title',
      'caption',
      'link',
      'attr',
      'attrlink',
      'class',
      'width',
      'height',
      'loading',
    ],
    highlight: [],
    ref: ['path'],
    relref: ['path'],
    param: ['name'],
    details: ['summary', 'open', 'class', 'name', 'title'],
    qr: ['text', 'level', 'scale', 'alt'],
    youtube: ['id', 'start', 'end', 'loading', 'title'],
    vimeo: ['id', 'class', 'title'],
    x: ['user', 'id'],
    instagram: ['id'],
    gist: ['user', 'id', 'file'],
    comment: [],
  },
  snippets: { open: '{{< ', close: ' >}}', closeTag: (name) => `{{< /${name} >}}` },
  render,
};

function render(input: RenderInput): Rendered {
  const { construct: c, context } = input;
  switch (c.name) {
    case 'ref':
    case 'relref':
      return link(c, context);
    case 'param':
      return param(c, context);
    case 'highlight':
      return highlight(c, input.inner);
    case 'figure':
      return { html: figure(c, input) };
    case 'details':
      return details(c);
    case 'comment':
      return { html: '' };
    case 'qr': {
      const text = argValue(c, 'text') ?? input.inner?.trim() ?? '';
      return { html: card('QR code', text, null, input.inline) };
    }
  }
  const embed = EMBEDS[c.name];
  if (embed) return { html: card(embed.kind, shortArgs(c), embed.url(c), input.inline) };
  return siteOrUnknown(input, 'shortcode');
}

function link(c: Construct, context: TemplateContext): Rendered {
  const target = argValue(c, 'path', 0) ?? '';
  const post = findPost(context, target, 'content');
  if (!post) return { html: chip('error', c.name, target, `no post “${target}” in this blog`) };
  const anchor = /#.*$/.exec(target)?.[0] ?? '';
  return { text: postUrl(post, 'content') + anchor };
}

function param(c: Construct, context: TemplateContext): Rendered {
  const name = argValue(c, 'name', 0) ?? '';
  const value =
    lookup(context.page, name, true) ??
    lookup(context.page, `params.${name}`, true) ??
    lookup(context.site, `params.${name}`, true);
  if (value === undefined)
    return { html: chip('error', 'param', name, `no param “${name}” in the post or the site`) };
  return { text: printValue(value) };
}

/** `linenos=table,hl_lines=2 4-5,linenostart=10` */
function options(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(',')) {
    const [key, ...value] = part.split('=');
    if (key?.trim())
      out[key.trim()] = value
        .join('=')
        .trim()
        .replace(/^["']|["']$/g, '');
  }
  return out;
}

function highlight(c: Construct, inner: string | undefined): Rendered {
  if (inner === undefined)
    return { html: chip('error', 'highlight', shortArgs(c), 'has no code: its close is missing') };
  const lang = argValue(c, 'lang', 0) ?? '';
  const opts = {
    ...options(argValue(c, 'options', 1)),
    ...Object.fromEntries(c.args.filter((a) => a.name).map((a) => [a.name!, a.value])),
  };
  const linenos = opts.linenos !== undefined && opts.linenos !== 'false';
  return {
    html: codeBlock(inner, {
      lang,
      lineNumbers: linenos,
      start: Number(opts.linenostart) || 1,
      marked: lineSet(opts.hl_lines),
    }),
  };
}

function figure(c: Construct, input: RenderInput): string {
  const get = (name: string) => argValue(c, name);
  const src = get('src') ?? '';
  const alt = get('alt') ?? (get('caption') ?? '').replace(/[*_`]/g, '');
  let img = `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"`;
  for (const size of ['width', 'height', 'loading']) {
    const value = get(size);
    if (value) img += ` ${size}="${escapeHtml(value)}"`;
  }
  img += '>';
  const href = get('link');
  if (href) img = `<a href="${escapeHtml(href)}">${img}</a>`;
  const title = get('title');
  const caption = get('caption');
  const attr = get('attr');
  let figcaption = '';
  if (title || caption || attr) {
    const attrLink = get('attrlink');
    const attribution = attr
      ? attrLink
        ? ` <a href="${escapeHtml(attrLink)}">${input.markdown(attr, true)}</a>`
        : ` ${input.markdown(attr, true)}`
      : '';
    figcaption =
      '<figcaption>' +
      (title ? `<h4>${escapeHtml(title)}</h4>` : '') +
      (caption || attr
        ? `<p>${caption ? input.markdown(caption, true) : ''}${attribution}</p>`
        : '') +
      '</figcaption>';
  }
  const cls = get('class');
  return `<figure${cls ? ` class="${escapeHtml(cls)}"` : ''}>${img}${figcaption}</figure>`;
}

function details(c: Construct): Rendered {
  const summary = argValue(c, 'summary') ?? 'Details';
  const open = argValue(c, 'open');
  return {
    open: `<details${open === 'true' ? ' open' : ''}><summary>${escapeHtml(summary)}</summary>`,
    close: '</details>',
  };
}
