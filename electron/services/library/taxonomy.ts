/**
 * Renaming or merging a tag or a category across every post.
 *
 * Two steps, so the writer sees what will change before anything does: `planTaxonomyEdit`
 * lists the posts that hold the term, each with the version of the file as read now;
 * `applyTaxonomyEdit` edits those files with the byte-minimal front-matter editor (only the
 * list item moves), one atomic write each, and skips a file that changed since the plan or
 * that the writer has open with unsaved changes. Nothing is half-written: a file is either
 * rewritten whole or left alone, and every skip says why.
 */
import { profileOf } from '../../../shared/generators/index.ts';
import { readFile, stat } from 'node:fs/promises';
import { FolioError } from '../../../shared/errors.ts';
import { parseFrontMatter, updateFrontMatter } from '../../../shared/frontmatter.ts';
import type {
  TaxonomyEdit,
  TaxonomyKind,
  TaxonomyPlan,
  TaxonomyResult,
} from '../../../shared/models.ts';
import { resolveInside } from '../files/paths.ts';
import { decodePost, editPost, EditSkipped } from '../content/posts.ts';
import { versionOf } from '../files/version.ts';
import type { Library } from './library.ts';

/** The front-matter keys each kind is written under, in the order the index reads them. */
export const TAXONOMY_KEYS: Record<TaxonomyKind, string[]> = {
  tags: ['tags', 'tag'],
  categories: ['categories', 'category'],
};

/** Why a term cannot be a new name, or null when it can. */
export function invalidTerm(term: string): string | null {
  if (!term.trim()) return 'The new name is empty';
  if (term !== term.trim()) return 'The new name starts or ends with a space';
  if (/[\r\n]/.test(term)) return 'The new name has a line break';
  return null;
}

type Renamed = { value: unknown } | { unchanged: true } | { refused: string };

/**
 * The field's new value with every `from` term renamed to `to`, each term kept once (a
 * merge into a term the post already has leaves one item), everything else in place.
 * `splitSpaces`: Jekyll's `tags: a b` is a list of two.
 */
export function renameTerms(
  value: unknown,
  from: ReadonlySet<string>,
  to: string,
  splitSpaces: boolean,
): Renamed {
  const hit = (item: unknown) =>
    (typeof item === 'string' || typeof item === 'number') && from.has(String(item).trim());
  if (typeof value === 'string' || typeof value === 'number') {
    if (typeof value === 'string' && splitSpaces && /\s/.test(value.trim())) {
      const parts = value.trim().split(/\s+/);
      if (!parts.some(hit)) return { unchanged: true };
      if (/\s/.test(to)) {
        return { refused: `its terms are separated by spaces, so “${to}” would become two` };
      }
      return { value: dedupe(parts.map((p) => (hit(p) ? to : p))).join(' ') };
    }
    return hit(value) ? { value: to } : { unchanged: true };
  }
  if (!Array.isArray(value)) return { unchanged: true };
  if (value.some(Array.isArray)) {
    if (value.flat(Infinity).some(hit)) {
      return {
        refused: 'nested category lists (Hexo hierarchies) are not edited; edit it by hand',
      };
    }
    return { unchanged: true };
  }
  if (!value.some(hit)) return { unchanged: true };
  return { value: dedupe(value.map((item) => (hit(item) ? to : item))) };
}

/** Drops later repeats of a term (as the index reads them: trimmed text). */
function dedupe(items: unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (typeof item !== 'string' && typeof item !== 'number') return true;
    const key = String(item).trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The new text of a post, or why it is left alone. */
export function editPostTerms(
  text: string,
  edit: TaxonomyEdit,
  splitSpaces: boolean,
): { text: string } | { skipped: string } {
  const parsed = parseFrontMatter(text);
  if (parsed.error) {
    return { skipped: `its front matter does not parse (line ${parsed.error.line})` };
  }
  const from = new Set(edit.from);
  const changes: Record<string, unknown> = {};
  for (const key of TAXONOMY_KEYS[edit.kind]) {
    if (!(key in parsed.data)) continue;
    const renamed = renameTerms(parsed.data[key], from, edit.to, splitSpaces);
    if ('refused' in renamed) return { skipped: `“${key}”: ${renamed.refused}` };
    if ('value' in renamed) changes[key] = renamed.value;
  }
  if (!Object.keys(changes).length) {
    return { skipped: `it no longer has the ${edit.kind === 'tags' ? 'tag' : 'category'}` };
  }
  try {
    return { text: updateFrontMatter(text, changes) };
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
}

function checkEdit(edit: TaxonomyEdit): void {
  const why = invalidTerm(edit.to);
  if (why) throw new FolioError('INVALID_ARGUMENT', why);
  if (!edit.from.length) throw new FolioError('INVALID_ARGUMENT', 'No term to rename');
  if (edit.from.length === 1 && edit.from[0] === edit.to) {
    throw new FolioError('INVALID_ARGUMENT', `The new name is the same as “${edit.to}”`);
  }
}

async function readVersioned(root: string, relativePath: string) {
  const file = await resolveInside(root, relativePath);
  const bytes = await readFile(file);
  const decoded = decodePost(bytes, relativePath);
  // Not UTF-8: rewriting the shown text would re-encode the writer's bytes; the post is skipped.
  if (decoded.readOnly) throw new FolioError('NOT_TEXT', decoded.readOnly);
  return {
    file,
    bytes,
    text: decoded.text,
    version: versionOf(bytes, await stat(file)),
  };
}

const termsOf = (kind: TaxonomyKind) => (post: { tags: string[]; categories: string[] }) =>
  kind === 'tags' ? post.tags : post.categories;

/** The posts holding any of the terms, each with its file's version now (the apply checks it). */
export async function planTaxonomyEdit(
  library: Library,
  edit: TaxonomyEdit,
): Promise<TaxonomyPlan> {
  checkEdit(edit);
  const from = new Set(edit.from);
  const terms = termsOf(edit.kind);
  const posts = (await library.list(0)).filter((post) => terms(post).some((t) => from.has(t)));
  const files: TaxonomyPlan['files'] = [];
  for (const post of posts) {
    try {
      const { version } = await readVersioned(library.root, post.path);
      files.push({
        path: post.path,
        title: post.title,
        version,
        // A post that already has the new name loses an item rather than gaining one.
        merges: terms(post).includes(edit.to),
      });
    } catch {
      // Gone since the index saw it: nothing to edit.
    }
  }
  return { ...edit, files };
}

/**
 * Rewrites the planned files. `skip`: posts open with unsaved changes in the editor (the
 * writer saves first, then runs the rename again for them).
 */
/** Why a planned post was left as it was, for the writer. */
function skipReason(error: unknown): string {
  if (error instanceof EditSkipped) return error.message;
  if (error instanceof FolioError && error.code === 'CONFLICT')
    return 'it changed on disk since the preview';
  if (error instanceof FolioError && error.code === 'NOT_FOUND') return 'it was deleted';
  return (error as Error).message;
}

export async function applyTaxonomyEdit(
  library: Library,
  plan: Pick<TaxonomyPlan, 'kind' | 'from' | 'to' | 'files'>,
  skip: readonly string[],
  expect?: (relativePath: string, text: string) => void,
): Promise<TaxonomyResult> {
  checkEdit(plan);
  const result: TaxonomyResult = { changed: [], skipped: [] };
  const open = new Set(skip);
  const splitSpaces = profileOf(library.layout.generator).splitStringLists;
  for (const planned of plan.files) {
    const { path } = planned;
    if (open.has(path)) {
      result.skipped.push({ path, reason: 'it is open with unsaved changes: save it first' });
      continue;
    }
    let written;
    try {
      written = await editPost(
        library.root,
        path,
        planned.version,
        (text) => {
          const edited = editPostTerms(text, plan, splitSpaces);
          if ('skipped' in edited) throw new EditSkipped(edited.skipped);
          return edited.text;
        },
        { expect },
      );
    } catch (error) {
      result.skipped.push({ path, reason: skipReason(error) });
      continue;
    }
    const summary = library.reindexOne(path, written);
    if (summary) result.changed.push(summary);
  }
  return result;
}
