import { describe, expect, it } from 'vitest';
import {
  blocksNavigation,
  permissionGranted,
  senderRefusal,
  windowOpenDecision,
} from '../../electron/services/security/window-policy.ts';

const APP = 'app://folio';

describe('will-navigate and will-redirect', () => {
  it.each(['app://folio/index.html', 'app://folio/#/post'])('let the app reload %s', (url) => {
    expect(blocksNavigation(url, APP)).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://localhost:3000/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'asset://blog/source/_posts/a.md',
    'app://evil/index.html',
    'about:blank',
    'chrome://settings',
    '',
  ])('block %j', (url) => {
    expect(blocksNavigation(url, APP)).toBe(true);
  });
});

describe('window.open', () => {
  it.each(['https://hexo.io/', 'http://example.com/a', 'mailto:a@example.com'])(
    'never opens a window; hands %s to the system browser',
    (url) => {
      expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: url });
    },
  );

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://folio/index.html',
    'data:text/html,x',
    'about:blank',
    'ms-msdt:/id PCWDiagnostic',
    'not a url',
  ])('denies %j and opens nothing', (url) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: null });
  });
});

describe('permission requests', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'clipboard-sanitized-write',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'window-management',
    'storage-access',
    'unknown',
  ])('denies %s, from the app itself too', (permission) => {
    expect(permissionGranted(permission, 'app://folio/index.html')).toBe(false);
    expect(permissionGranted(permission)).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('lets the app’s own frame through', () => {
    expect(senderRefusal('app://folio/index.html', APP)).toBeNull();
  });

  it.each([
    null,
    undefined,
    '',
    'https://evil.example/',
    'about:blank',
    'file:///x.html',
    'app://other/',
  ])('refuses a call from %j with FORBIDDEN_SENDER', (url) => {
    expect(senderRefusal(url, APP)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: 'Request from an untrusted frame' },
    });
  });
});

describe('the close prompt', () => {
  it('offers Save, Don’t Save and Cancel, with Save the default and Escape cancelling', async () => {
    const { CLOSE_PROMPT, closeChoice } =
      await import('../../electron/services/backups/close-prompt.ts');
    expect(CLOSE_PROMPT.buttons).toEqual(['Save', 'Don’t Save', 'Cancel']);
    expect(closeChoice(CLOSE_PROMPT.defaultId)).toBe('save');
    expect(closeChoice(CLOSE_PROMPT.cancelId)).toBe('cancel');
    expect(closeChoice(1)).toBe('discard');
    expect(closeChoice(-1)).toBe('cancel');
    expect(closeChoice(7)).toBe('cancel');
  });
});
