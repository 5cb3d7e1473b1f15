const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Links from a post may leave the app only as parsed http(s) or mailto URLs. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * The window never navigates away from the app's own pages. Compared by scheme and host, not
 * by `URL.origin`: Node's URL gives a non-special scheme such as `app:` the opaque origin
 * "null", so `app://folio/index.html` would never match `app://folio`.
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appOrigin);
    return app.host !== '' && target.protocol === app.protocol && target.host === app.host;
  } catch {
    return false;
  }
}
