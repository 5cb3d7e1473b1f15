import { futureBuilt, noPages, noSections, noTimeZone } from './naming.ts';
import type { GeneratorProfile } from './types.ts';

/**
 * What most generators share: drafts marked by a `draft: true` field, no config Folio reads,
 * no pages among the posts, no sections, Folio's own template for new posts.
 */
export const fieldDrafts = {
  configFiles: [],
  draftFolder: null,
  publishRemovesPublished: false,
  splitStringLists: false,
  isPage: noPages,
  servesWholeFolder: false,
  sections: noSections,
  templates: 'built-in',
  timeZone: noTimeZone,
  futureIsScheduled: futureBuilt,
} satisfies Partial<GeneratorProfile>;

/** The names in `names` the folder's top level holds, any of them. */
export const hasAny = (entries: ReadonlySet<string>, names: string[]): boolean =>
  names.some((name) => entries.has(name));
