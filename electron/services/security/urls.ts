const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Links from a post may leave the app only as parsed http(s) or mailto URLs. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The window never navigates away from the app's own pages. */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  try {
    return new URL(url).origin === appOrigin && appOrigin !== 'null';
  } catch {
    return false;
  }
}
