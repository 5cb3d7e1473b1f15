/**
 * Length: six operations over the same load, move and write helpers.
 *
 * Post operations: new, rename, duplicate, trash, publish, unpublish. Plain Node over the
 * blog folder; the front matter is edited with the byte-minimal editor, so every field the
 * operation does not name keeps its bytes (Hexo's own `hexo publish` drops tags: #5155).
 */
import { cp, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatDate, formatDateInZone, formatDateLike } from '../../../../shared/dates.ts';
import { FolioError } from '../../../../shared/errors.ts';
import { parseFrontMatter, updateFrontMatter } from '../../../../shared/frontmatter.ts';
import type { FileVersion } from '../../../../shared/models.ts';
import { toIoError } from '../../files/io-errors.ts';
import { resolveInside } from '../../files/paths.ts';
import { decodePost, editPost } from '../../content/posts.ts';
import { writeFileAtomic } from '../../files/atomic-write.ts';
import { sameVersion, versionOf } from '../../files/version.ts';
import { isInDraftFolder } from '../list-posts.ts';
import { isDraft } from '../post-entry.ts';
import { defaultSection } from '../../../../shared/generators/naming.ts';
import { profileOf, type SiteFiles } from '../../../../shared/generators/index.ts';
import { siteConfig, type SiteConfig } from '../../generators/site-config.ts';
import { siteFiles } from '../../generators/site-files.ts';
import { renamedBase, uniquePlace, type BlogContext } from './site.ts';
import { moveFile, moveFolder, prepareTarget, writeNewFile } from './files.ts';
import { slugify, splitDatePrefix } from './slug.ts';
import { fillHexoScaffold, findHexoScaffold, findHugoArchetype, newPostText } from './template.ts';
import { entryTemplate, kindOfPath, newEntryPlace, newPostKinds, placeFolder } from './kinds.ts';
import { PAGES_KIND } from '../list-posts.ts';
import type { NewPostKind, NewPostSections } from '../../../../shared/models.ts';
import {
  contentTypeFor,
  POSTS_KIND,
  type BlogSchema,
  type FieldObservations,
} from '../../../../shared/schema.ts';

export interface OpsContext extends BlogContext {
  now?: () => Date;
  /** How new dates are written (the blog's config, else Folio's setting); wins over dateLike. */
  dateFormat?: string | null;
  /** A date as the blog writes them (the newest post's): without a format, new dates copy it. */
  dateLike?: string | null;
  /** The zone new dates are written in (Jekyll: the site's `timezone:`, else 'local'). */
  timeZone?: string | null;
  /** The site's config, when the caller has read it already. */
  config?: SiteConfig;
  /** What the entries' front matter holds, by kind: a new page starts like its siblings. */
  fields?: () => FieldObservations;
  /** The blog's schema: a declared type's defaults fill a new entry. */
  schema?: () => BlogSchema;
  /**
   * Told before each write what a path will hold (null: it will be gone), so the folder
   * watcher can recognise the echo of Folio's own writes.
   */
  expect?: (relativePath: string, text: string | null) => void;
}

export interface PostOpOutcome {
  /** Where the post is now (null after it went to the trash). */
  path: string | null;
  /** Paths of posts that no longer exist under that name. */
  removed: string[];
  /** What the writer should know about the result (an archetype action left as text). */
  notice?: string;
}

const MARKDOWN_EXT = /\.(md|markdown|mdx)$/i;

const profile = (ctx: OpsContext) => profileOf(ctx.layout.generator);
const configOf = (ctx: OpsContext): SiteConfig =>
  ctx.config ?? siteConfig(ctx.root, ctx.layout.generator);
/** The blog's files as the generator profile reads them. */
const siteOf = (ctx: OpsContext): SiteFiles => siteFiles(ctx.root, configOf(ctx).data);

const BUNDLE_INDEX = /^index\.(md|markdown|mdx)$/i;

interface LoadedPost {
  rel: string;
  file: string;
  text: string;
  /** The version read: a write goes over it only (see editPost). */
  version: FileVersion;
  data: Record<string, unknown>;
  draft: boolean;
}

async function loadPost(ctx: OpsContext, rel: string, expected?: FileVersion): Promise<LoadedPost> {
  const file = await resolveInside(ctx.root, rel);
  const bytes = await readFile(file);
  const version = versionOf(bytes, await stat(file));
  if (expected && !sameVersion(version, expected)) {
    throw new FolioError(
      'CONFLICT',
      `“${rel}” changed on disk since you opened it; nothing was changed. Reload it and try again.`,
    );
  }
  const decoded = decodePost(bytes, rel);
  // Not UTF-8: an edit would re-encode the bytes, so operations that write leave it alone.
  if (decoded.readOnly) throw new FolioError('NOT_TEXT', decoded.readOnly);
  const { text } = decoded;
  const parsed = parseFrontMatter(text);
  if (parsed.error) {
    throw new FolioError(
      'FRONT_MATTER',
      `The front matter of “${rel}” does not parse (line ${parsed.error.line}): ${parsed.error.message}. Fix it first.`,
    );
  }
  const draft = isDraft(parsed.data, isInDraftFolder(ctx.layout, rel));
  return { rel, file, text, version, data: parsed.data, draft };
}

const titleOf = (post: LoadedPost) =>
  typeof post.data.title === 'string' && post.data.title.trim()
    ? post.data.title.trim()
    : path.posix.basename(post.rel).replace(MARKDOWN_EXT, '');

/** A page bundle's post (`<slug>/index.md`, below a post folder's top). */
function isBundle(ctx: OpsContext, rel: string): boolean {
  if (!BUNDLE_INDEX.test(path.posix.basename(rel))) return false;
  const folder = path.posix.dirname(rel);
  return folder !== '.' && !ctx.layout.postFolders.includes(folder);
}

/** Hexo's post asset folder: `source/_posts/<name>/` next to `<name>.md`. */
function assetFolderOf(ctx: OpsContext, rel: string): string | null {
  if (!ctx.layout.postAssetFolder) return null;
  const folder = rel.replace(MARKDOWN_EXT, '');
  return existsSync(path.join(ctx.root, folder)) ? folder : null;
}

async function writeText(ctx: OpsContext, post: LoadedPost, text: string): Promise<void> {
  if (text === post.text) return;
  const written = await editPost(ctx.root, post.rel, post.version, () => text, {
    ...(ctx.expect ? { expect: ctx.expect } : {}),
  });
  post.text = written.text;
  post.version = written.version;
}

/**
 * Moves a post (and its bundle folder or Hexo asset folder) to `target`, or to `target-2`…
 * when that is taken. Returns where it went.
 */
async function movePost(ctx: OpsContext, post: LoadedPost, target: string): Promise<string> {
  const { root } = ctx;
  if (target === post.rel) return target;
  if (isBundle(ctx, post.rel)) {
    const to = uniquePlace(root, { path: target, bundle: true });
    await prepareTarget(root, path.posix.dirname(to));
    ctx.expect?.(post.rel, null);
    ctx.expect?.(to, post.text);
    await moveFolder(
      path.join(root, path.posix.dirname(post.rel)),
      path.join(root, path.posix.dirname(to)),
    );
    return to;
  }
  const assets = assetFolderOf(ctx, post.rel);
  const to = uniquePlace(root, { path: target, bundle: false }, assets !== null);
  const file = await prepareTarget(root, to);
  ctx.expect?.(post.rel, null);
  ctx.expect?.(to, post.text);
  await moveFile(post.file, file);
  if (assets) await moveFolder(path.join(root, assets), file.replace(MARKDOWN_EXT, ''));
  return to;
}

/** `folder/<base><ext>` keeping the post's own extension. */
function sibling(rel: string, folder: string, base: string): string {
  const ext = MARKDOWN_EXT.exec(rel)?.[0] ?? '.md';
  return `${folder}/${base}${ext}`;
}

/** The slug part of a post's name: its bundle folder, or its file name without a date prefix. */
function slugOf(ctx: OpsContext, rel: string): string {
  const name = isBundle(ctx, rel)
    ? path.posix.basename(path.posix.dirname(rel))
    : path.posix.basename(rel).replace(MARKDOWN_EXT, '');
  return splitDatePrefix(name).slug;
}

async function guarded<T>(action: string, rel: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new FolioError(
        'CONFLICT',
        `Could not ${action} “${rel}”: the new name was taken meanwhile. Try again.`,
      );
    }
    throw toIoError(error, action, rel);
  }
}

export interface NewPostRequest {
  title: string;
  draft: boolean;
  /** Hugo: the section folder chosen in the dialog (one of `newPostSections`). */
  section?: string;
  /** `posts` (the default), `pages`, or a collection's name. */
  kind?: string;
  /** The post open when New… was chosen: its section is the default. */
  near?: string;
}

/**
 * Where New… can put a post (Hugo's sections, and the one it would pick) and what else it can
 * make (pages, collection entries; the open entry's kind first).
 */
export function newPostSections(ctx: OpsContext, near?: string | null): NewPostSections {
  const site = siteOf(ctx);
  const sections = profile(ctx).sections(site);
  const section = defaultSection(sections, near);
  const postPlace = profile(ctx).newPostPlace(site, ctx.layout, {
    slug: 'new',
    draft: false,
    date: new Date(0),
    section,
  });
  const kinds = newPostKinds(profile(ctx), ctx.layout, site, placeFolder(postPlace));
  const nearKind = near ? kindOfPath(profile(ctx), ctx.layout, near) : POSTS_KIND;
  const kind = kinds.some((k) => k.kind === nearKind) ? nearKind : POSTS_KIND;
  return { sections, section, kinds, kind };
}

/** A date for a post that has none yet: in the writer's format, else as the blog writes them. */
export function newDateText(ctx: OpsContext, date: Date): string {
  if (ctx.dateFormat) return formatDate(ctx.dateFormat, date);
  return ctx.timeZone
    ? formatDateInZone(ctx.dateLike ?? '', date, ctx.timeZone)
    : formatDateLike(ctx.dateLike ?? '', date);
}

/** A new post from the site's scaffold or archetype, named by the site's pattern. */
export async function createPost(ctx: OpsContext, request: NewPostRequest): Promise<PostOpOutcome> {
  const title = request.title.trim();
  if (!title) throw new FolioError('INVALID_ARGUMENT', 'A new post needs a title');
  const { root, layout } = ctx;
  const date = ctx.now?.() ?? new Date();
  const { sections, section, kinds } = newPostSections(ctx, request.near);
  if (request.kind !== undefined && request.kind !== POSTS_KIND) {
    const kind = kinds.find((k) => k.kind === request.kind);
    if (!kind)
      throw new FolioError('INVALID_ARGUMENT', `This site has no “${request.kind}” to add to`);
    return createEntry(ctx, kind, title, request.draft && kind.drafts, date);
  }
  if (request.section !== undefined && !sections.includes(request.section)) {
    throw new FolioError('INVALID_ARGUMENT', `“${request.section}” is not a section of this site`);
  }
  const chosen = request.section ?? section;
  const config = configOf(ctx);
  const archetype =
    profile(ctx).templates === 'hugo-archetypes'
      ? findHugoArchetype(root, chosen ? path.posix.basename(chosen) : '', config.themes)
      : null;
  const place = profile(ctx).newPostPlace(siteFiles(root, config.data), layout, {
    slug: slugify(title),
    draft: request.draft,
    date,
    section: chosen,
    bundle: archetype?.bundle ?? false,
  });
  return guarded('create', place.path, async () => {
    const rel = uniquePlace(root, place, layout.postAssetFolder === true);
    const slug = place.bundle
      ? path.posix.basename(path.posix.dirname(rel))
      : path.posix.basename(rel).replace(MARKDOWN_EXT, '');
    const values = { title, slug, date, dateText: newDateText(ctx, date), draft: request.draft };
    const made = newPostText(root, profile(ctx), values, {
      archetype,
      context: {
        name: slug,
        date,
        section: place.section ?? '',
        title,
        site: { ...(config.title ? { title: config.title } : {}), params: config.params },
      },
    });
    let text = made.text;
    if (!profile(ctx).draftFolder) {
      // The archetype's `draft = true` (Hugo's default) or its absence follow the writer's choice.
      const parsed = parseFrontMatter(text);
      if (!parsed.error && (parsed.data.draft === true) !== request.draft) {
        text = updateFrontMatter(text, { draft: request.draft });
      }
    }
    const file = await prepareTarget(root, rel);
    ctx.expect?.(rel, text);
    await writeNewFile(file, text);
    return { path: rel, removed: [], ...(made.notice ? { notice: made.notice } : {}) };
  });
}

/** A new page or collection entry: the site's page scaffold, else its kind's fields. */
async function createEntry(
  ctx: OpsContext,
  kind: NewPostKind,
  title: string,
  draft: boolean,
  date: Date,
): Promise<PostOpOutcome> {
  const { root } = ctx;
  const place = newEntryPlace(profile(ctx), siteOf(ctx), kind, slugify(title));
  return guarded('create', place.path, async () => {
    const rel = uniquePlace(root, place);
    const values = { title, date, dateText: newDateText(ctx, date), draft };
    const scaffold =
      kind.kind === PAGES_KIND && profile(ctx).templates === 'hexo-scaffolds'
        ? findHexoScaffold(root, 'page')
        : null;
    const schema = ctx.schema?.();
    const text =
      scaffold !== null
        ? fillHexoScaffold(scaffold, values, 'page')
        : entryTemplate(
            values,
            ctx.fields?.().others?.[kind.kind],
            schema?.source === 'config' ? contentTypeFor(schema, rel, kind.kind) : undefined,
            profile(ctx).draftFolder === null,
          );
    const file = await prepareTarget(root, rel);
    ctx.expect?.(rel, text);
    await writeNewFile(file, text);
    return { path: rel, removed: [] };
  });
}

export interface RenameRequest {
  path: string;
  title: string;
  /** Also rename the file (or bundle folder) after the new title's slug. */
  moveFile: boolean;
  /** A published post's URL follows its file name: moving it needs the writer's yes. */
  confirmUrlChange?: boolean;
  expected?: FileVersion;
}

export async function renamePost(ctx: OpsContext, request: RenameRequest): Promise<PostOpOutcome> {
  const title = request.title.trim();
  if (!title) throw new FolioError('INVALID_ARGUMENT', 'A post needs a title');
  const post = await loadPost(ctx, request.path, request.expected);
  let target = post.rel;
  if (request.moveFile) {
    const slug = slugify(title);
    if (isBundle(ctx, post.rel)) {
      const folder = path.posix.dirname(post.rel);
      target = `${path.posix.dirname(folder)}/${slug}/${path.posix.basename(post.rel)}`;
    } else {
      const base = path.posix.basename(post.rel).replace(MARKDOWN_EXT, '');
      target = sibling(post.rel, path.posix.dirname(post.rel), renamedBase(base, slug));
    }
  }
  if (target !== post.rel && !post.draft && !request.confirmUrlChange) {
    throw new FolioError(
      'INVALID_ARGUMENT',
      `“${post.rel}” is published: renaming its file changes its URL and breaks links to it. Confirm to rename the file.`,
    );
  }
  return guarded('rename', post.rel, async () => {
    if (titleOf(post) !== title)
      await writeText(ctx, post, updateFrontMatter(post.text, { title }));
    const moved = await movePost(ctx, post, target);
    return { path: moved, removed: moved === post.rel ? [] : [post.rel] };
  });
}

/** A copy titled “<title> (copy)”, as a draft, next to the original (or in the drafts folder). */
export async function duplicatePost(ctx: OpsContext, rel: string): Promise<PostOpOutcome> {
  const post = await loadPost(ctx, rel);
  const { root, layout } = ctx;
  const title = `${titleOf(post)} (copy)`;
  const slug = slugify(title);
  const changes: Record<string, unknown> = { title };
  let place: { path: string; bundle: boolean };
  const drafts = profile(ctx).draftFolder;
  if (drafts) place = { path: `${drafts.drafts}/${slug}.md`, bundle: false };
  else if (isBundle(ctx, rel)) {
    const parent = path.posix.dirname(path.posix.dirname(rel));
    place = { path: `${parent}/${slug}/${path.posix.basename(rel)}`, bundle: true };
  } else place = { path: sibling(rel, path.posix.dirname(rel), slug), bundle: false };
  if (!drafts) changes.draft = true;
  if (post.data.published === false || post.data.published === true) changes.published = undefined;
  const text = updateFrontMatter(post.text, changes);
  return guarded('duplicate', rel, async () => {
    const assets = place.bundle ? null : assetFolderOf(ctx, rel);
    const to = uniquePlace(root, place, assets !== null || layout.postAssetFolder === true);
    const file = await prepareTarget(root, to);
    ctx.expect?.(to, text);
    if (place.bundle) {
      // The bundle's images and other files come along; only index.md changes.
      await cp(path.dirname(post.file), path.dirname(file), {
        recursive: true,
        errorOnExist: true,
        force: false,
      });
      await writeFileAtomic(file, text);
    } else {
      await writeNewFile(file, text);
      if (assets) {
        await cp(path.join(root, assets), file.replace(MARKDOWN_EXT, ''), {
          recursive: true,
          errorOnExist: true,
          force: false,
        });
      }
    }
    return { path: to, removed: [] };
  });
}

/** Moves the post (with its bundle or asset folder) to the system trash, through the host. */
export async function trashPost(
  ctx: OpsContext,
  rel: string,
  trash: (absolutePath: string) => Promise<void>,
): Promise<PostOpOutcome> {
  const file = await resolveInside(ctx.root, rel);
  return guarded('move to the trash', rel, async () => {
    ctx.expect?.(rel, null);
    if (isBundle(ctx, rel)) {
      await trash(path.dirname(file));
    } else {
      const assets = assetFolderOf(ctx, rel);
      await trash(file);
      if (assets) await trash(path.join(ctx.root, assets));
    }
    return { path: null, removed: [rel] };
  });
}

/**
 * Publishes a draft: out of the drafts folder (Hexo, Jekyll) or `draft: true` → `false`,
 * `published: false` removed (Jekyll) or made true; the date set to now in the blog's own
 * date layout. Every other byte of the front matter and the body stays.
 */
export async function publishPost(
  ctx: OpsContext,
  rel: string,
  expected?: FileVersion,
): Promise<PostOpOutcome> {
  const post = await loadPost(ctx, rel, expected);
  if (!post.draft) throw new FolioError('INVALID_ARGUMENT', `“${rel}” is already published`);
  const { layout } = ctx;
  const now = ctx.now?.() ?? new Date();
  const existingDate = typeof post.data.date === 'string' ? post.data.date : null;
  const changes: Record<string, unknown> = {
    date: existingDate ? formatDateLike(existingDate, now) : newDateText(ctx, now),
  };
  if (post.data.draft === true) changes.draft = false;
  const { draftFolder, publishRemovesPublished } = profile(ctx);
  if (post.data.published === false) {
    changes.published = publishRemovesPublished ? undefined : true;
  }
  let target = rel;
  if (draftFolder && isInDraftFolder(layout, rel)) {
    const name = draftFolder.publishedName(slugOf(ctx, rel), now, configOf(ctx).data);
    target = sibling(rel, draftFolder.posts, name);
  }
  return guarded('publish', rel, async () => {
    await writeText(ctx, post, updateFrontMatter(post.text, changes));
    const moved = await movePost(ctx, post, target);
    return { path: moved, removed: moved === rel ? [] : [rel] };
  });
}

/** Back to a draft: into the drafts folder (Hexo, Jekyll) or `draft: true`. */
export async function unpublishPost(
  ctx: OpsContext,
  rel: string,
  expected?: FileVersion,
): Promise<PostOpOutcome> {
  const post = await loadPost(ctx, rel, expected);
  if (post.draft) throw new FolioError('INVALID_ARGUMENT', `“${rel}” is already a draft`);
  let target = rel;
  let text = post.text;
  const drafts = profile(ctx).draftFolder;
  if (drafts) target = sibling(rel, drafts.drafts, slugOf(ctx, rel));
  else text = updateFrontMatter(post.text, { draft: true });
  return guarded('unpublish', rel, async () => {
    await writeText(ctx, post, text);
    const moved = await movePost(ctx, post, target);
    return { path: moved, removed: moved === rel ? [] : [rel] };
  });
}
