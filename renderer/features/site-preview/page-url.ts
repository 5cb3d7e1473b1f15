/**
 * Where the open post is on the site's server: its URL (from the site's permalink config)
 * under the server's base, at the heading the writer is in.
 */
export function sitePageUrl(
  serverUrl: string,
  postUrl: string | null,
  anchor: string | null,
): string {
  const page = new URL((postUrl ?? '').replace(/^\/+/, ''), serverUrl);
  // Only a page of this server: a post URL naming another site shows the site's home.
  const url = page.origin === new URL(serverUrl).origin ? page : new URL(serverUrl);
  if (anchor) url.hash = encodeURIComponent(anchor);
  return url.href;
}

/** Sanitized heading ids carry a `user-content-` prefix (preview/sanitize.ts): the site's do not. */
const PREFIX = 'user-content-';

/**
 * The id the site gives the last heading at or before `line` of the post, as the Folio
 * preview made it with the site's Markdown flavour (so `#id` finds it on the site's page).
 */
export function headingIdAtLine(article: Element | null, line: number): string | null {
  if (!article) return null;
  let found: string | null = null;
  for (const heading of article.querySelectorAll(
    'h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]',
  )) {
    const at = Number(heading.getAttribute('data-source-line'));
    if (!Number.isFinite(at) || at > line) break;
    const id = heading.id;
    found = id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id;
  }
  return found;
}
