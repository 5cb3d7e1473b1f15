import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isSafeExternalUrl } from '../../electron/services/security/urls.ts';

/** The origins the two hosts serve the renderer from (electron/window.ts, the Chromium host). */
const ELECTRON_ORIGIN = 'app://folio';
const CHROMIUM_HOST_ORIGIN = 'http://folio.test';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://hexo.io/docs/',
    'http://example.com/path?q=1#top',
    'HTTPS://EXAMPLE.COM/',
    'mailto:mara@example.com?subject=Hi',
  ])('lets %s leave the app', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://folio/index.html',
    'asset://blog/source/x.png',
    'smb://server/share',
    'ms-settings:',
    'about:blank',
    '/relative/path',
    'www.example.com',
    '',
  ])('keeps %j inside', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it.each(['app://folio/index.html', 'app://folio/', 'app://folio/settings?tab=git#x'])(
    'allows the app’s own page %s (Electron host)',
    (url) => {
      expect(isAllowedNavigation(url, ELECTRON_ORIGIN)).toBe(true);
    },
  );

  it.each(['http://folio.test/index.html', 'http://folio.test:80/'])(
    'allows the app’s own page %s (Chromium host)',
    (url) => {
      expect(isAllowedNavigation(url, CHROMIUM_HOST_ORIGIN)).toBe(true);
    },
  );

  it.each([
    'app://evil/index.html',
    'app://folio.evil/index.html',
    'app://folio@evil/index.html',
    'https://folio/index.html',
    'asset://folio/index.html',
    'file:///index.html',
    'https://example.com/',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
    'not a url',
  ])('blocks %s in the Electron host', (url) => {
    expect(isAllowedNavigation(url, ELECTRON_ORIGIN)).toBe(false);
  });

  it.each([
    'https://folio.test/',
    'http://folio.test.evil.com/',
    'http://evil.com/?http://folio.test',
    'http://folio.test:8080/',
  ])('blocks %s in the Chromium host', (url) => {
    expect(isAllowedNavigation(url, CHROMIUM_HOST_ORIGIN)).toBe(false);
  });

  it('never treats two opaque ("null") origins as the same app', () => {
    expect(isAllowedNavigation('data:text/html,hi', 'null')).toBe(false);
    expect(isAllowedNavigation('about:blank', 'about:blank')).toBe(false);
  });
});
