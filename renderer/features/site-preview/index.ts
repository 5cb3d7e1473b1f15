/** The Site preview: the post on the blog's own development server, in the site's theme. */
export { SitePreview } from './SitePreview.tsx';
export { headingIdAtLine } from './page-url.ts';
