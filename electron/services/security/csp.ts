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
