import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../electron/services/app-files.ts';

const dist = path.resolve('/opt/folio/dist/renderer');

function isInsideDist(file: string): boolean {
  const rel = path.relative(dist, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

describe('resolveAppRequest', () => {
  it('serves index.html for the app root', () => {
    expect(resolveAppRequest(dist, 'app://folio/')).toBe(path.join(dist, 'index.html'));
  });

  it('maps a renderer file, ignoring the query and fragment', () => {
    expect(resolveAppRequest(dist, 'app://folio/assets/index-abc123.js?v=2#x')).toBe(
      path.join(dist, 'assets', 'index-abc123.js'),
    );
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppRequest(dist, 'app://folio/fonts/My%20Font.woff2')).toBe(
      path.join(dist, 'fonts', 'My Font.woff2'),
    );
  });

  it.each([
    'app://folio/../../etc/passwd',
    'app://folio/%2e%2e/%2e%2e/etc/passwd',
    'app://folio/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
    'app://folio/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://folio/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://folio/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://folio/..%5C..%5Cetc%5Cpasswd',
    'app://folio//etc/passwd',
    'app://folio/%2Fetc%2Fpasswd',
  ])('keeps %s inside the renderer folder (or refuses it)', (url) => {
    const file = resolveAppRequest(dist, url);
    if (file !== null) expect(isInsideDist(file)).toBe(true);
  });

  it('refuses an encoded parent climb outright', () => {
    expect(resolveAppRequest(dist, 'app://folio/..%2F..%2Fetc%2Fpasswd')).toBeNull();
  });

  it('refuses a NUL byte and malformed percent-encoding', () => {
    expect(resolveAppRequest(dist, 'app://folio/index.html%00.png')).toBeNull();
    expect(resolveAppRequest(dist, 'app://folio/%E0%A4%A')).toBeNull();
  });

  it('refuses a string that is not a URL', () => {
    expect(resolveAppRequest(dist, 'not a url')).toBeNull();
  });
});
