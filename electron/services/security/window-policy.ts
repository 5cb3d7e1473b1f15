/**
 * What the window does with navigation, new windows, permission requests and IPC senders, as
 * pure functions: electron/window.ts and electron/ipc.ts only wire them to Electron's events,
 * and tests/unit/window-policy.test.ts holds them to the security checklist.
 */
import type { ErrorPayload } from '../../../shared/errors.ts';
import { isAllowedNavigation, isSafeExternalUrl } from './urls.ts';

/** `will-navigate` / `will-redirect`: true when the window must stay where it is. */
export function blocksNavigation(url: string, appOrigin: string): boolean {
  return !isAllowedNavigation(url, appOrigin);
}

/**
 * `setWindowOpenHandler`: never a new Electron window (it would not have this one's
 * guards); a safe http(s)/mailto link goes to the system browser instead.
 */
export function windowOpenDecision(url: string): {
  action: 'deny';
  openExternally: string | null;
} {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) ? url : null };
}

/**
 * Permission requests and checks (camera, microphone, notifications, geolocation, clipboard
 * read, MIDI, HID, serial...): a Markdown editor needs none, so every one is refused. Named
 * and tested so that granting one later is a visible decision.
 */
export function permissionGranted(_permission: string, _requestingUrl?: string): false {
  return false;
}

/** The IPC sender check: only the app's own top frame may call a handler. */
export function senderRefusal(
  frameUrl: string | null | undefined,
  appOrigin: string,
): { ok: false; error: ErrorPayload } | null {
  if (frameUrl && isAllowedNavigation(frameUrl, appOrigin)) return null;
  return {
    ok: false,
    error: { code: 'FORBIDDEN_SENDER', message: 'Request from an untrusted frame' },
  };
}

/**
 * Navigation in the Site preview's view: it stays on the blog's dev server (`origin`);
 * a link elsewhere goes to the system browser when it is a safe one, else nowhere.
 */
export function siteNavigation(
  url: string,
  origin: string,
): { allow: boolean; openExternally: string | null } {
  let target: string | null = null;
  try {
    target = new URL(url).origin;
  } catch {
    // Not a URL: nowhere.
  }
  if (target !== null && target === origin) return { allow: true, openExternally: null };
  return { allow: false, openExternally: isSafeExternalUrl(url) ? url : null };
}
