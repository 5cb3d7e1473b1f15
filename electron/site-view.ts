/**
 * The Site preview's view: the blog's own page (its theme's scripts included) in a
 * WebContentsView of its own over the preview pane, where it cannot reach Folio: its own
 * in-memory session, sandboxed, no preload, navigation held to the dev server's origin,
 * new windows and other links sent to the system browser, every permission refused.
 */
import { session, shell, WebContentsView, type BrowserWindow } from 'electron';
import type { ViewBounds } from '../shared/models.ts';
import { pageRectInWindow } from './window-state.ts';
import {
  permissionGranted,
  siteNavigation,
  windowOpenDecision,
} from './services/security/window-policy.ts';

/** Not `persist:`: the site's cookies and storage live as long as the app runs, apart from Folio's. */
const PARTITION = 'folio-site-preview';

export interface SiteView {
  show(url: string, bounds: ViewBounds, build: number): void;
  hide(): void;
}

export function createSiteView(win: BrowserWindow): SiteView {
  let view: WebContentsView | null = null;
  let origin = '';
  let shown = { url: '', build: -1 };

  const create = (): WebContentsView => {
    const site = session.fromPartition(PARTITION);
    site.setPermissionRequestHandler((_wc, permission, callback, details) =>
      callback(permissionGranted(permission, details.requestingUrl)),
    );
    site.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
      permissionGranted(permission, requestingOrigin),
    );
    const created = new WebContentsView({
      webPreferences: {
        partition: PARTITION,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
      },
    });
    const contents = created.webContents;
    const guard = (event: Electron.Event, url: string) => {
      const decision = siteNavigation(url, origin);
      if (decision.allow) return;
      event.preventDefault();
      // electronegativity: OPEN_EXTERNAL_JS_CHECK — siteNavigation passes only parsed
      // http:, https: and mailto: URLs for the system browser (security/window-policy.ts).
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      // electronegativity: OPEN_EXTERNAL_JS_CHECK — as above.
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: 'deny' };
    });
    win.contentView.addChildView(created);
    win.once('closed', () => {
      if (!contents.isDestroyed()) contents.close();
    });
    return created;
  };

  return {
    show(url, bounds, build) {
      if (win.isDestroyed()) return;
      view ??= create();
      origin = new URL(url).origin;
      // The renderer measures the pane in CSS pixels; the app's zoom (View > Zoom) scales them.
      view.setBounds(pageRectInWindow(bounds, win.webContents.getZoomFactor()));
      view.setVisible(true);
      // A new page, or the same one rebuilt after a save: load it.
      if (url !== shown.url || build !== shown.build) {
        shown = { url, build };
        void view.webContents.loadURL(url);
      }
    },
    hide() {
      view?.setVisible(false);
    },
  };
}
