/**
 * Counts the posts whose preview shows raw template syntax (`{%`, `{{<`, `{{%`, `{{ x }}`)
 * or a Markdown flavour's own syntax (`{: .note}`, `{:toc}`, `[!NOTE]`, `{#id}`) outside code,
 * over any folder of blogs: each folder given, or each folder inside it that is
 * a blog. Each post is rendered as the app does, with its site's dialect and templates.
 *
 *   node --import tsx tests/tools/template-leaks.ts <blog-or-folder-of-blogs> …
 *
 * Prints, per site: its generator, its posts, those using template syntax, and those whose
 * preview leaks it, with the first leaks named.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontMatter } from '../../shared/frontmatter.ts';
import { renderMarkdown } from '../../shared/markdown/index.ts';
import { dialectOf } from '../../shared/markdown/templates/index.ts';
import { openSite } from '../../electron/services/generators/detect-blog.ts';
import { readSiteTemplates } from '../../electron/services/generators/site-templates.ts';

/** What the leak counter turns literal braces into: not a brace, so never a leak. */
const LITERAL = '\u2983';
/**
 * Template syntax, and the flavours' own (kramdown's `{: …}` and `{:toc}`, an alert's
 * `[!NOTE]`, a heading's `{#id}`) that the preview should have read.
 */
const SYNTAX = /\{%|\{\{[<%]|\{\{\s*[^\s{}][^{}]*\}\}|\{:[^}\n]*\}|\[![A-Z]+\]|\{#[\w-]+[^}\n]*\}/g;
const USES = /\{%|\{\{[<%]|\{\{\s*[^\s{}][^{}]*\}\}|^<[A-Z]|\{:[^}\n]*\}|\[![A-Z]+\]|\{#[\w-]+/m;

/** Raw template syntax in the page's text, outside code: what a reader would see as braces. */
export function leaksIn(html: string): string[] {
  const outsideCode = html
    .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
    .replace(/<code[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return [...outsideCode.matchAll(SYNTAX)].map((m) => m[0]);
}

export interface SiteLeaks {
  folder: string;
  generator: string;
  posts: number;
  /** Posts that use template syntax. */
  using: number;
  /** Posts whose preview shows it raw, with their first leak. */
  leaking: Array<{ path: string; leak: string }>;
}

const MARKDOWN = /\.(md|markdown|mdx)$/i;

function markdownFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile() && MARKDOWN.test(entry.name)) out.push(child);
    }
  };
  visit(folder);
  return out;
}

export function siteLeaks(folder: string): SiteLeaks {
  const { layout, config } = openSite(folder);
  const templates = readSiteTemplates(folder, layout.generator, config.data);
  const paths = [...new Set(layout.postFolders.flatMap((f) => markdownFiles(folder, f)))].filter(
    (p) => !layout.generatedFolders.some((g) => p.startsWith(`${g}/`)),
  );
  const posts = paths.map((p) => ({ path: p, title: p }));
  const result: SiteLeaks = {
    folder,
    generator: layout.generator,
    posts: paths.length,
    using: 0,
    leaking: [],
  };
  for (const rel of paths) {
    const text = readFileSync(path.join(folder, rel), 'utf8');
    const { data, body } = parseFrontMatter(text);
    if (!USES.test(body)) continue;
    result.using++;
    const dialect = dialectOf(templates.dialect ?? undefined, rel);
    const html = renderMarkdown(body, {
      dialect,
      literalBrace: LITERAL,
      flavour: templates.flavour,
      context: {
        site: templates.site,
        templates: templates.templates,
        files: templates.files,
        posts,
        page: data,
        postPath: rel,
      },
    });
    const leaks = leaksIn(html);
    if (leaks.length) result.leaking.push({ path: rel, leak: leaks[0]! });
  }
  return result;
}

/** The blogs in `folder`: itself when it is one (it has a site config), else its sub-folders. */
export function blogsIn(folder: string): string[] {
  const { layout } = openSite(folder);
  if (layout.generator !== 'plain') return [folder];
  const subs = readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => path.join(folder, e.name));
  return subs.length ? subs : [folder];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folders = process.argv.slice(2);
  if (!folders.length) {
    console.error(
      'usage: node --import tsx tests/tools/template-leaks.ts <blog-or-folder-of-blogs> …',
    );
    process.exit(2);
  }
  let total = 0;
  let using = 0;
  for (const given of folders) {
    if (!statSync(given).isDirectory()) continue;
    for (const blog of blogsIn(path.resolve(given))) {
      const site = siteLeaks(blog);
      total += site.leaking.length;
      using += site.using;
      console.log(
        `${path.basename(blog)} (${site.generator}): ${site.posts} posts, ${site.using} use template syntax, ${site.leaking.length} show it raw`,
      );
      for (const leak of site.leaking.slice(0, 5)) console.log(`  ${leak.path}: ${leak.leak}`);
    }
  }
  console.log(`all: ${total} of ${using} posts using template syntax show it raw`);
}
