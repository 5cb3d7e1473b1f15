import { futureBuilt, noPages, noSections, noTimeZone } from './naming.ts';
import type { DevServer, GeneratorProfile } from './types.ts';

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

/** What to tell a writer whose blog's JavaScript generator is not installed. */
export const NPM_INSTALL =
  'run `npm install` in the blog folder (it needs Node.js from nodejs.org)';

/** A dev server that is a package of the blog, run with Node. */
export function packageServer(
  pkg: string,
  bin: string,
  args: (port: string, out: string) => string[],
  extra: Partial<DevServer> = {},
): DevServer {
  return {
    program: { package: pkg, bin },
    args,
    install: NPM_INSTALL,
    ...extra,
  };
}
