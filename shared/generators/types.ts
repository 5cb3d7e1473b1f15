/**
 * What Folio knows about one static-site generator, as data and pure functions: how a folder
 * is recognised as its site, where it keeps posts, drafts and static files, its draft rules,
 * where a new post and a new image go. One profile per generator (`<name>.ts` beside this
 * file), listed in `index.ts`; nothing outside this folder and `electron/services/generators/`
 * branches on a generator's name. Profiles read the blog only through `SiteFiles`, which the
 * main process gives them, so they run (and are tested) anywhere.
 */
import type { Generator } from '../models.ts';
import type { PostForUrl } from './permalinks.ts';
import type { MarkdownFlavour } from '../markdown/flavours.ts';

export type { Generator };

export interface BlogLayout {
  generator: Generator;
  /** Folders (relative, `/`-separated) whose Markdown files are posts; '' is the whole folder. */
  postFolders: string[];
  /** Folders whose posts are drafts (front-matter rules apply everywhere as well). */
  draftFolders: string[];
  /** Where site-absolute paths like `/images/x.png` point. */
  staticRoot: string;
  /** Hexo's `post_asset_folder`: a post's relative images live in a folder named after it. */
  postAssetFolder?: boolean;
  /**
   * Folders (from the blog's root) the generator builds the site into: never indexed, but
   * named in the skipped list when they hold Markdown. A folder named alike elsewhere (Hugo's
   * `content/en/functions/resources/`) is content like any other.
   */
  generatedFolders: string[];
  /**
   * Folders of the site's own templates and data inside a post folder (Eleventy's
   * `_includes`, `_data`): never listed, as Markdown there is a partial, not a page.
   */
  templateFolders?: string[];
  /**
   * A post without a `date:` is dated by its file name's `YYYY-MM-DD-` (Jekyll's posts
   * always; Hexo's when `new_post_name` starts with `:year-:month-:day-`).
   */
  fileNameDates?: boolean;
  /** The site config's keys that decide post URLs (the profile's `urlKeys`), for permalink. */
  urlConfig?: SiteConfigData;
  /**
   * Folders of the post folders that hold a collection of their own (Jekyll's `_docs`, an
   * Astro content collection): their files are listed as that collection's, not as posts.
   */
  collections?: Array<{ folder: string; name: string }>;
  /**
   * Folders whose Markdown files, outside the post folders and `_` folders, are the site's
   * pages (Hexo's `source/`): listed as the `pages` kind.
   */
  pageFolders?: string[];
  /** Globs (from the page folder) of files the generator copies as they are (Hexo's `skip_render`, Jekyll's `exclude`). */
  skipRender?: string[];
  /** A page needs front matter to be one (Jekyll copies a Markdown file without it as it is). */
  pagesNeedFrontMatter?: boolean;
}

/**
 * What the folder holds, for detection: names at the top (folders end with `/`), the names
 * inside a few well-known folders (`source/`, `content/`, `docs/`, `src/`), and the site's
 * config when one was read.
 */
export interface FolderListing {
  entries: ReadonlySet<string>;
  /** The site's config file as data (the detected generator's), when it has one. */
  config?: SiteConfigData;
  /** Names in package.json's dependencies and devDependencies (JavaScript generators). */
  packages?: ReadonlySet<string>;
  /** `generator:` from `.folio/config.yaml`: the writer's word beats detection. */
  configured?: Generator;
}

/** A site config file's top level (`_config.yml`, `hugo.toml`, …), parsed as data. */
export type SiteConfigData = Readonly<Record<string, unknown>>;

/** The blog's files as a profile may look at them (relative, `/`-separated paths). */
export interface SiteFiles {
  /** Whether `rel` is a folder of the blog. */
  isFolder(rel: string): boolean;
  /** The folders right inside `rel` (hidden and `_` ones left out), as relative paths, sorted. */
  folders(rel: string): string[];
  /** Whether most Markdown files under `folder` are page bundles (`<slug>/index.md`). */
  usesBundles(folder: string): boolean;
  /** The extension most of the folder's Markdown files have (`.md` when it has none). */
  usualExtension(folder: string): string;
  /** The site's config as data ({} when it has none or it cannot be read). */
  config: SiteConfigData;
}

export interface NewPostPlace {
  /** Relative path of the new post, before a `-2` is added to make it unique. */
  path: string;
  /** A page bundle: the post is `<folder>/index.md`, the folder is new. */
  bundle: boolean;
  /** The section the post belongs to (Hugo: picks `archetypes/<section>.md`). */
  section?: string;
}

export interface NewPostOptions {
  slug: string;
  draft: boolean;
  date: Date;
  /** The section chosen in the dialog (one of `sections`). */
  section?: string | null;
  /** Make it a page bundle (the section's archetype is one). */
  bundle?: boolean;
}

/** Where a generator's drafts live when they are a folder of their own (Hexo, Jekyll). */
export interface DraftFolder {
  /** Where drafts go. */
  drafts: string;
  /** Where a published post goes. */
  posts: string;
  /** The file name (no extension) a draft gets once published on `date`. */
  publishedName(slug: string, date: Date, site: SiteConfigData): string;
}

/** How the site's own templates for a new post are found (see electron/services/generators/templates.ts). */
export type TemplateSource = 'hexo-scaffolds' | 'hugo-archetypes' | 'built-in';

/**
 * Where a site keeps its own template constructs, as folders of the blog (`*` stands for any
 * one folder: `themes/<theme>/layouts/shortcodes` is written with a `*` for `<theme>`). Read by electron/services/generators/site-templates.ts.
 */
export interface TemplateSources {
  /** Folders whose files each define one construct, named by the file (`notice.html`). */
  named?: string[];
  /** Folders of include files, named by their path inside the folder (`note.html`, `nav/top.html`). */
  includes?: string[];
  /** Files and folders of code that registers tags by name (Hexo scripts, Eleventy's config). */
  scripts?: string[];
  /** The folder Hexo's `include_code` reads from. */
  code?: string;
}

export interface GeneratorProfile {
  name: Generator;
  /** Its name in messages. */
  title: string;
  /**
   * Whether the folder is this generator's site: `sure` wins in registry order; `maybe` (a
   * sign other generators share) counts only when no profile is sure.
   */
  recognise(listing: FolderListing): 'sure' | 'maybe' | null;
  /** Where it keeps posts, drafts and static files. */
  layout(listing: FolderListing): Omit<BlogLayout, 'generator'>;
  /** Its data config files, by preference (JavaScript configs are never run). */
  configFiles: readonly string[];
  /** Drafts in a folder of their own; null when a `draft: true` field marks them. */
  draftFolder: DraftFolder | null;
  /** Publishing removes `published: false` rather than setting `published: true` (Jekyll). */
  publishRemovesPublished: boolean;
  /** `tags: a b` (a string) is two tags, `a` and `b` (Jekyll). */
  splitStringLists: boolean;
  /** Pages it builds from files in the post folders, by their front matter: not listed. */
  isPage(data: Readonly<Record<string, unknown>>): boolean;
  /** Site paths name files anywhere in the blog, not only in a static folder (Jekyll). */
  servesWholeFolder: boolean;
  /** The folder a new image for `postPath` goes to when the writer has not chosen one. */
  imageFolder(layout: Pick<BlogLayout, 'staticRoot' | 'postAssetFolder'>, postPath: string): string;
  /** The sections a new post can go to (Hugo's); none for the others. */
  sections(site: SiteFiles): string[];
  /** Where a new post goes. */
  newPostPlace(site: SiteFiles, layout: BlogLayout, options: NewPostOptions): NewPostPlace;
  /** Where a new page goes in a page folder, when not `<folder>/<slug>.md` (Hexo's `<slug>/index.md`). */
  newPagePlace?(folder: string, slug: string): NewPostPlace;
  /**
   * Collections found by their folders rather than named in the config (Astro's
   * `src/content/<name>`), for New….
   */
  collectionFolders?(site: SiteFiles): Array<{ folder: string; name: string }>;
  /** Where its own templates for new posts come from. */
  templates: TemplateSource;
  /**
   * The time zone the site reads a date's offset in, so new dates are written in it (Jekyll:
   * its `timezone`, else `local`); null when dates are written as the blog writes them.
   */
  timeZone(config: SiteConfigData): string | null;
  /**
   * Whether the site leaves out posts dated in the future until that date (Hugo unless
   * `buildFuture`, Jekyll unless `future`, Hexo when `future: false`): Folio marks them
   * *Scheduled*.
   */
  futureIsScheduled(config: SiteConfigData): boolean;

  /**
   * The template language of its posts (shared/markdown/templates/: Hugo shortcodes, Hexo tag
   * plugins, Liquid, MDX); none: plain Markdown.
   */
  dialect?: string;
  /** Where the site defines its own shortcodes, tags and includes. */
  templateSources?: TemplateSources;
  /** Its Markdown renderer's flavour, as the site's config sets it (shared/markdown/flavours.ts). */
  markdown?(config: SiteConfigData): MarkdownFlavour | null;
  /**
   * The path the site is served under (`/journal` for Jekyll's `baseurl: /journal`), which
   * site-absolute links carry but the files do not; '' at the root.
   */
  basePath?(config: SiteConfigData): string;

  // Slots the next pieces of work fill; absent means "not known yet", and callers fall back
  // to today's behaviour.
  /**
   * A post's URL on the built site (without the base path), by the site's permalink config
   * (`urlConfig`: the `urlKeys` of its config); null when it has none (a draft).
   */
  permalink?: (post: PostForUrl, urlConfig: SiteConfigData) => string | null;
  /** The config keys that decide its URLs (copied into BlogLayout.urlConfig). */
  urlKeys?: readonly string[];
  /**
   * What else its front matter says about when a post shows (Hugo's `publishDate` and
   * `expiryDate`), and whether a file is a section's own page (Hugo's `_index.md`).
   */
  schedule?(data: Readonly<Record<string, unknown>>): { publish?: unknown; expiry?: unknown };
  isSectionPage?(path: string): boolean;
  /** The collection a file belongs to by its place, when not by the layout (Astro's `src/content/<name>`). */
  collectionOf?(path: string): string | null;
  /** A post the site builds no page of its own for (Hugo's headless bundles). */
  isHeadless?(data: Readonly<Record<string, unknown>>): boolean;
  /** How its own development server serves the site for the Site preview. */
  devServer?(site: DevServerSite): DevServer;
}

/** What a profile may ask of the blog to pick its dev server's command. */
export interface DevServerSite {
  /** Whether the blog has this file or folder (relative, `/`-separated). */
  has(rel: string): boolean;
  /** The path the site is served under (`/journal`), '' at the root. */
  basePath: string;
}

/**
 * A generator's development server: the program, its arguments, and what its output says.
 * Folio runs it only when the writer asks for the Site preview and has said the blog may.
 */
export interface DevServer {
  /** On the PATH (`hugo`), or a package's bin in the blog's `node_modules`, run with Node. */
  program: { system: string } | { package: string; bin: string };
  /** Packages of the blog that must be installed besides (Hexo's `hexo-server`). */
  requires?: readonly string[];
  /**
   * The arguments for `port` (a number, or `{port}` when the command is shown before it
   * runs); `out` is a fresh folder outside the blog for those that build the site to disk,
   * so the preview writes nothing into the blog.
   */
  args(port: string, out: string): string[];
  /** How to install it, for the writer who does not have it. */
  install: string;
  /** A line it prints when a rebuild after a change is done (group 1: the time, `unit`). */
  rebuilt?: { line: RegExp; unit: 'ms' | 's' };
  /** It renders a page when asked for it (Hexo): a save shows at the next load. */
  rendersOnRequest?: boolean;
  /**
   * Its server takes no address to listen on and listens on every network interface
   * (Eleventy's): Folio makes it listen on this computer only (a Node package's server).
   */
  listensEverywhere?: boolean;
}
