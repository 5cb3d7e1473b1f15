/**
 * The contract's post-operation requests over the services in operations.ts: each result
 * is re-indexed at once (one post at a time), so the list follows without a re-scan.
 */
import type { Handlers } from '../../../../shared/api.ts';
import type { PostOpResult } from '../../../../shared/models.ts';
import { configDateFormat, loadBlogSchema } from '../blog-schema.ts';
import type { Library } from '../library.ts';
import { profileOf } from '../../../../shared/generators/index.ts';
import type { SiteConfig } from '../../generators/site-config.ts';
import {
  createPost,
  newPostSections,
  duplicatePost,
  publishPost,
  renamePost,
  trashPost,
  unpublishPost,
  type OpsContext,
  type PostOpOutcome,
} from './operations.ts';

type PostOpChannel =
  | 'newPostSections'
  | 'createPost'
  | 'renamePost'
  | 'duplicatePost'
  | 'trashPost'
  | 'publishPost'
  | 'unpublishPost';

export interface PostOpDeps {
  library(): Library;
  /** The open site's config (read when it opened). */
  siteConfig(): SiteConfig;
  /** Folio's writes announced to the folder watcher, so their echo is not "external". */
  expect(relativePath: string, text: string | null): void;
  trashItem(absolutePath: string): Promise<void>;
  /** The writer's format for new dates ('' or null: none; the blog's config wins over it). */
  dateFormat(): string | null;
}

export function postOpHandlers(deps: PostOpDeps): Pick<Handlers, PostOpChannel> {
  const context = (): OpsContext => {
    const library = deps.library();
    const config = deps.siteConfig();
    return {
      root: library.root,
      layout: library.layout,
      dateFormat: configDateFormat(library.root) ?? (deps.dateFormat() || null),
      // The newest dated post shows how this blog writes dates.
      dateLike: library.posts().find((p) => p.date !== null)?.date ?? null,
      config,
      fields: () => library.fields(),
      schema: () => loadBlogSchema(library.root, library.fields()),
      timeZone: profileOf(library.layout.generator).timeZone(config.data),
      expect: deps.expect,
    };
  };
  const indexed = (outcome: PostOpOutcome): PostOpResult => {
    const library = deps.library();
    for (const rel of outcome.removed) library.reindexOne(rel);
    const summary = outcome.path ? library.reindexOne(outcome.path) : null;
    return { ...outcome, summary };
  };
  return {
    newPostSections: async ({ near }) => newPostSections(context(), near),
    createPost: async (request) => indexed(await createPost(context(), request)),
    renamePost: async (request) => indexed(await renamePost(context(), request)),
    duplicatePost: async ({ path }) => indexed(await duplicatePost(context(), path)),
    trashPost: async ({ path }) => indexed(await trashPost(context(), path, deps.trashItem)),
    publishPost: async ({ path, expected }) =>
      indexed(await publishPost(context(), path, expected)),
    unpublishPost: async ({ path, expected }) =>
      indexed(await unpublishPost(context(), path, expected)),
  };
}
