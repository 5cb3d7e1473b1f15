import { describe, expect, it } from 'vitest';
import { resolveAssetUrl, type AssetContext } from '../../shared/asset-url.ts';
import { sitePath } from '../../shared/generators/naming.ts';

const hexo: AssetContext = {
  assetBase: 'asset://blog/',
  staticRoot: 'source',
  postPath: 'source/_posts/kyoto.md',
};
const plain: AssetContext = { assetBase: 'asset://blog/', staticRoot: '', postPath: 'notes/a.md' };

describe('resolveAssetUrl', () => {
  it('resolves a relative path next to the post', () => {
    expect(resolveAssetUrl('kyoto/rain.png', hexo)).toBe(
      'asset://blog/source/_posts/kyoto/rain.png',
    );
    expect(resolveAssetUrl('./rain.png', hexo)).toBe('asset://blog/source/_posts/rain.png');
    expect(resolveAssetUrl('../images/rain.png', hexo)).toBe('asset://blog/source/images/rain.png');
  });

  it('resolves a site-absolute path under the static root', () => {
    expect(resolveAssetUrl('/images/harbour-dusk.png', hexo)).toBe(
      'asset://blog/source/images/harbour-dusk.png',
    );
    expect(resolveAssetUrl('/images/x.png', plain)).toBe('asset://blog/images/x.png');
  });

  it('works under the Chromium test host’s http base too', () => {
    expect(
      resolveAssetUrl('/images/x.png', { ...hexo, assetBase: 'http://folio.test/@asset/' }),
    ).toBe('http://folio.test/@asset/source/images/x.png');
  });

  it('encodes names with spaces and accents once, whether written raw or encoded', () => {
    expect(resolveAssetUrl('/images/my image.png', hexo)).toBe(
      'asset://blog/source/images/my%20image.png',
    );
    expect(resolveAssetUrl('/images/my%20image.png', hexo)).toBe(
      'asset://blog/source/images/my%20image.png',
    );
    expect(resolveAssetUrl('/images/café.png', hexo)).toBe(
      'asset://blog/source/images/caf%C3%A9.png',
    );
  });

  it('drops a query string and a fragment', () => {
    expect(resolveAssetUrl('/images/x.png?v=2#top', hexo)).toBe('asset://blog/source/images/x.png');
  });

  it.each([
    '../../../etc/passwd',
    '../../../../secret.png',
    '/../../secret.png',
    '%2e%2e/%2e%2e/%2e%2e/secret.png',
    '',
    '   ',
  ])('refuses %j, which leaves the blog folder or names nothing', (src) => {
    expect(resolveAssetUrl(src, hexo)).toBeNull();
  });

  it('refuses a climb above a plain blog’s root', () => {
    expect(resolveAssetUrl('../../x.png', plain)).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'file:///etc/passwd',
    'vbscript:x',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    '//evil.example/x.png',
    'C:\\Users\\mara\\x.png',
    'app://folio/index.html',
  ])('refuses the URL %s', (src) => {
    expect(resolveAssetUrl(src, hexo)).toBeNull();
  });

  it('keeps remote http(s) images and raster data URLs as they are', () => {
    expect(resolveAssetUrl('https://cdn.example.com/a.png?w=2', hexo)).toBe(
      'https://cdn.example.com/a.png?w=2',
    );
    expect(resolveAssetUrl('http://example.com/a.png', hexo)).toBe('http://example.com/a.png');
    expect(resolveAssetUrl('data:image/png;base64,iVBORw0KGgo=', hexo)).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
  });

  it('refuses malformed percent-encoding instead of throwing', () => {
    expect(resolveAssetUrl('/images/100%.png', hexo)).toBeNull();
  });
});

describe('resolveAssetUrl with generator conventions', () => {
  it('finds a Hexo post_asset_folder image in the folder named after the post', () => {
    const context = {
      assetBase: 'asset://blog/',
      staticRoot: 'source',
      postPath: 'source/_posts/hello-world.md',
      postAssetFolder: true,
    };
    expect(resolveAssetUrl('diagram.png', context)).toBe(
      'asset://blog/source/_posts/hello-world/diagram.png',
    );
    // Explicit paths keep their meaning.
    expect(resolveAssetUrl('./shared/x.png', context)).toBe(
      'asset://blog/source/_posts/shared/x.png',
    );
    expect(resolveAssetUrl('/images/a.png', context)).toBe('asset://blog/source/images/a.png');
  });

  it('finds a Hugo page-bundle image next to index.md, and static files under static/', () => {
    const context = {
      assetBase: 'asset://blog/',
      staticRoot: 'static',
      postPath: 'content/posts/trip/index.md',
    };
    expect(resolveAssetUrl('map.jpg', context)).toBe('asset://blog/content/posts/trip/map.jpg');
    expect(resolveAssetUrl('/img/logo.svg', context)).toBe('asset://blog/static/img/logo.svg');
  });

  it('uses public/ for Astro and Next, and the site root for Jekyll', () => {
    expect(
      resolveAssetUrl('/blog/x.png', {
        assetBase: 'a/',
        staticRoot: 'public',
        postPath: 'src/content/blog/p.md',
      }),
    ).toBe('a/public/blog/x.png');
    expect(
      resolveAssetUrl('/assets/x.png', {
        assetBase: 'a/',
        staticRoot: '',
        postPath: '_posts/2024-01-01-p.md',
      }),
    ).toBe('a/assets/x.png');
  });
});

describe('a site served under a base path', () => {
  const jekyll = { assetBase: 'a/', staticRoot: '', postPath: '_posts/2024-01-01-p.md' };

  it('finds `/journal/assets/x.png` (what relative_url writes) at assets/x.png', () => {
    const context = { ...jekyll, basePath: '/journal' };
    expect(resolveAssetUrl('/journal/assets/x.png', context)).toBe('a/assets/x.png');
    expect(resolveAssetUrl('/assets/x.png', context)).toBe('a/assets/x.png');
    // Only a whole first segment is the base path.
    expect(resolveAssetUrl('/journalism/x.png', context)).toBe('a/journalism/x.png');
  });

  it('reads the base path from each generator’s config', () => {
    expect(sitePath('/journal/')).toBe('/journal');
    expect(sitePath('https://fell.example/blog/')).toBe('/blog');
    expect(sitePath('https://fell.example/')).toBe('');
    expect(sitePath('/')).toBe('');
    expect(sitePath('')).toBe('');
    expect(sitePath(42)).toBe('');
    expect(sitePath('not a path')).toBe('');
  });
});
