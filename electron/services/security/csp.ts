/**
 * The Content-Security-Policy sent as a header with every app page, by Electron's app://
 * handler and by the Chromium test host alike. CodeMirror injects <style> elements, hence
 * 'unsafe-inline' for styles only; scripts are 'self' with no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' asset: https: data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The Chromium test host's policy: the same, but for frames of the Site preview's server on
 * the loopback address. In Electron the site's page has a view of its own (electron/site-view.ts)
 * and the app's page frames nothing; a plain browser has no such view, so the page is framed.
 */
export const FRAMING_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "frame-src 'none'",
  'frame-src http://127.0.0.1:* http://localhost:*',
);
