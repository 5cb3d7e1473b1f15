/**
 * The shortcodes, tags and includes a site defines itself, read where its generator profile
 * says they live (`templateSources`): the preview labels a construct "site" rather than
 * "unknown", renders an include's content, and completes names in the editor.
 *
 * Bounded, and inside the blog only: at most MAX_FILES files, MAX_FILE_BYTES each (a larger
 * include is named, its content not read), MAX_TOTAL_BYTES in all, MAX_DEPTH folders deep;
 * symbolic links are not followed. Nothing is run: registrations are found as text.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  profileOf,
  type Generator,
  type SiteConfigData,
} from '../../../shared/generators/index.ts';
import type { SiteTemplate } from '../../../shared/markdown/templates/types.ts';
import type { SiteTemplates } from '../../../shared/models.ts';

export const MAX_FILE_BYTES = 64 * 1024;
const MAX_TOTAL_BYTES = 4 * 1024 * 1024;
const MAX_FILES = 2000;
const MAX_DEPTH = 6;

/** Tag registrations in code: Hexo's, Jekyll's, Eleventy's (any of its shortcode kinds). */
const REGISTRATION =
  /(?:extend\.tag\.register|register_tag|add(?:Paired)?(?:Liquid|Nunjucks|JavaScript|Handlebars)?(?:Shortcode|Tag))\(\s*['"]([\w-]+)['"]/g;
/** A shortcode template that renders its inner content as Markdown. */
const MARKDOWN_INNER = /markdownify|RenderString|\.Inner\s*\|\s*\.Page\.RenderString/;
/** The named parameters a template reads: Hugo's `.Get "x"`, Liquid's `include.x`, JSX props. */
const PARAMS = /\.Get\s+"([\w-]+)"|include\.([\w]+)|Astro\.props\.([\w]+)/g;

interface FileEntry {
  /** Relative to the blog, `/`-separated. */
  rel: string;
  /** Relative to the folder it was listed from. */
  inner: string;
  size: number;
}

/** Folders matching `pattern` (`*` = any one folder), relative, that exist. */
function expand(root: string, pattern: string): string[] {
  let found = [''];
  for (const part of pattern.split('/')) {
    const next: string[] = [];
    for (const base of found) {
      if (part !== '*') {
        next.push(base ? `${base}/${part}` : part);
        continue;
      }
      try {
        for (const entry of readdirSync(path.join(root, base), { withFileTypes: true }))
          if (entry.isDirectory() && !entry.name.startsWith('.'))
            next.push(base ? `${base}/${entry.name}` : entry.name);
      } catch {
        // No such folder.
      }
    }
    found = next;
  }
  return found;
}

/** Files under `rel` (or `rel` itself), no links followed, bounded. */
function listFiles(root: string, rel: string, budget: { files: number }): FileEntry[] {
  const out: FileEntry[] = [];
  const visit = (dir: string, inner: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (budget.files <= 0 || entry.name.startsWith('.') || entry.name === 'node_modules')
        continue;
      const childRel = `${dir}/${entry.name}`;
      const childInner = inner ? `${inner}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth < MAX_DEPTH) visit(childRel, childInner, depth + 1);
      else if (entry.isFile()) {
        budget.files--;
        out.push({ rel: childRel, inner: childInner, size: sizeOf(root, childRel) });
      }
    }
  };
  let stat;
  try {
    stat = lstatSync(path.join(root, rel));
  } catch {
    return out;
  }
  if (stat.isFile()) {
    budget.files--;
    out.push({ rel, inner: path.posix.basename(rel), size: stat.size });
  } else if (stat.isDirectory()) visit(rel, '', 0);
  return out;
}

function sizeOf(root: string, rel: string): number {
  try {
    return lstatSync(path.join(root, rel)).size;
  } catch {
    return Infinity;
  }
}

/** Reads a listed file when it is small and the total allows; null otherwise. */
function reader(root: string) {
  let total = 0;
  return (file: FileEntry): string | null => {
    if (file.size > MAX_FILE_BYTES || total + file.size > MAX_TOTAL_BYTES) return null;
    try {
      const text = readFileSync(path.join(root, file.rel), 'utf8');
      total += file.size;
      return text;
    } catch {
      return null;
    }
  };
}

/** Astro's `const { a, b = 1 } = Astro.props`. */
const DESTRUCTURED = /\{([^}]*)\}\s*=\s*Astro\.props/;

const paramsOf = (text: string): string[] => {
  const names = new Set<string>();
  for (const m of text.matchAll(PARAMS)) names.add((m[1] ?? m[2] ?? m[3])!);
  for (const part of DESTRUCTURED.exec(text)?.[1]?.split(',') ?? []) {
    const name = /^\s*([A-Za-z_$][\w$]*)/.exec(part)?.[1];
    if (name) names.add(name);
  }
  return [...names];
};

/** A construct's name from its file: `notice.html` and `notice.en.html` define `notice`. */
const nameOf = (inner: string): string => inner.replace(/\.[^/]*$/, '');

/** The JSON form of the site's config: TOML dates become ISO strings, as they travel. */
const asJson = (data: SiteConfigData): Record<string, unknown> =>
  JSON.parse(JSON.stringify(data)) as Record<string, unknown>;

export function readSiteTemplates(
  root: string,
  generator: Generator,
  config: SiteConfigData,
): SiteTemplates {
  const profile = profileOf(generator);
  const sources = profile.templateSources ?? {};
  const templates: Record<string, SiteTemplate> = {};
  const files: Record<string, string | null> = {};
  const budget = { files: MAX_FILES };
  const read = reader(root);

  // Theme folders come after the site's own, and the site's win (as generators look them up).
  for (const folder of (sources.named ?? []).flatMap((p) => expand(root, p))) {
    for (const file of listFiles(root, folder, budget)) {
      const name = nameOf(file.inner);
      if (templates[name]) continue;
      const text = read(file) ?? '';
      templates[name] = {
        file: file.rel,
        markdownInner: MARKDOWN_INNER.test(text),
        params: paramsOf(text),
      };
    }
  }
  for (const folder of (sources.includes ?? []).flatMap((p) => expand(root, p))) {
    for (const file of listFiles(root, folder, budget)) {
      if (`include:${file.inner}` in files) continue;
      const text = read(file);
      files[`include:${file.inner}`] = text;
      templates[file.inner] ??= { file: file.rel, params: text ? paramsOf(text) : [] };
    }
  }
  for (const folder of (sources.scripts ?? []).flatMap((p) => expand(root, p))) {
    for (const file of listFiles(root, folder, budget)) {
      if (!/\.(js|cjs|mjs|ts|rb)$/.test(file.rel)) continue;
      const code = read(file) ?? '';
      const calls = [...code.matchAll(REGISTRATION)];
      calls.forEach((m, i) => {
        // The call's options (Hexo's `{ ends: true }`) may come lines later: up to the next call.
        const call = code.slice(m.index, calls[i + 1]?.index ?? m.index + 2000);
        templates[m[1]!] ??= { file: file.rel, markdownInner: /ends\s*:\s*true|Paired/.test(call) };
      });
    }
  }
  if (sources.code) {
    for (const file of listFiles(root, sources.code, budget))
      files[`code:${file.inner}`] = read(file);
  }
  return {
    dialect: profile.dialect ?? null,
    site: asJson(config),
    templates,
    files,
    flavour: profile.markdown?.(config) ?? null,
  };
}
