import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildStandaloneHtml,
  exportAssetPath,
  imageSources,
  type ExportDocument,
} from '../../shared/export-html.ts';
import { exportPost, inlineImages } from '../../electron/services/export/export-post.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PNG_URI = `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`;

const doc = (over: Partial<ExportDocument> = {}): ExportDocument => ({
  title: 'Tea & <Biscuits>',
  date: '2024-05-01',
  tags: ['Food', 'a"b'],
  bodyHtml:
    '<p data-source-line="1">Hello <img src="folio-asset:/source/images/a%20b.png" alt="A"> and ' +
    '<img alt="remote" src="https://example.org/x.png"></p>',
  css: '.preview-body { color: red; }',
  ...over,
});

describe('the standalone HTML builder', () => {
  it('lists image sources once each, cover first, unescaped', () => {
    expect(
      imageSources({
        cover: 'folio-asset:/c.png',
        bodyHtml: '<img src="x?a=1&amp;b=2"><img src="folio-asset:/c.png"><img alt="no src">',
      }),
    ).toEqual(['folio-asset:/c.png', 'x?a=1&b=2']);
    expect(exportAssetPath('folio-asset:/source/images/a%20b.png')).toBe('source/images/a b.png');
    expect(exportAssetPath('https://example.org/x.png')).toBeNull();
  });

  it('builds one page: escaped header, the CSS inline, local images as data URIs, remote kept', () => {
    const html = buildStandaloneHtml(
      doc({ cover: 'folio-asset:/source/images/a%20b.png' }),
      new Map([['folio-asset:/source/images/a%20b.png', PNG_URI]]),
    );
    expect(html.startsWith('<!doctype html>\n<html lang="en" data-theme="light">')).toBe(true);
    expect(html).toContain('<title>Tea &amp; &lt;Biscuits&gt;</title>');
    expect(html).toContain('<h1 class="preview-title">Tea &amp; &lt;Biscuits&gt;</h1>');
    expect(html).toContain('<time>2024-05-01</time>');
    expect(html).toContain('<span class="preview-tag">#a&quot;b</span>');
    expect(html).toContain('<style>.preview-body { color: red; }');
    expect(html).toContain(`<img src="${PNG_URI}" alt="A">`);
    expect(html).toContain(`<img class="preview-cover" src="${PNG_URI}" alt="">`);
    expect(html).toContain('<img alt="remote" src="https://example.org/x.png">');
    expect(html).not.toContain('folio-asset:');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<script/i);
  });

  it('fetches nothing over plain http or from this machine; //host images go to https', () => {
    const html = buildStandaloneHtml(
      doc({
        bodyHtml:
          '<p><img alt="a" src="//cdn.example.org/a.png"><img alt="b" src="http://example.org/b.png">' +
          '<img alt="c" src="https://127.0.0.1:8080/pixel.gif"><img alt="d" src="https://localhost/d.png">' +
          '<img alt="e" src="https://192.168.1.9/e.png"><img alt="f" src="https://example.org/f.png">' +
          '<svg><image href="//evil.example/g.svg"></image><image href="http://[::1]/h"></image></svg></p>',
        cover: 'http://tracker.example/cover.png',
      }),
      new Map(),
    );
    expect(html).toContain('<img alt="a" src="https://cdn.example.org/a.png">');
    for (const alt of ['b', 'c', 'd', 'e']) expect(html).toContain(`<img alt="${alt}" src="">`);
    expect(html).toContain('<img alt="f" src="https://example.org/f.png">');
    expect(html).toContain('<image href="https://evil.example/g.svg">');
    expect(html).toContain('<image href="">');
    expect(html).toContain('<img class="preview-cover" src="" alt="">');
    expect(html).toMatch(/img-src data: https:;/);
    expect(html).not.toMatch(/http:\/\/|img-src[^;]*http:/);
  });

  it('refuses to write a page that could run script or break out of its style sheet', () => {
    expect(() =>
      buildStandaloneHtml(doc({ bodyHtml: '<p>x</p><SCRIPT>alert(1)</SCRIPT>' }), new Map()),
    ).toThrow('contains a <script>');
    expect(() =>
      buildStandaloneHtml(doc({ css: 'p{}</style><script>alert(1)</script>' }), new Map()),
    ).toThrow('closes its <style>');
  });
});

describe('exporting a post', () => {
  const tempFolder = useTempFolders();

  it('inlines images read inside the blog only, and skips what is not an image', async () => {
    const blog = await tempFolder();
    const outside = await tempFolder();
    await writeFiles(blog, {
      'source/images/a b.png': PNG,
      'source/images/notes.png': 'not really a png',
    });
    await writeFiles(outside, { 'secret.png': PNG });
    const escape = `folio-asset:/${path.relative(blog, path.join(outside, 'secret.png'))}`;
    const images = await inlineImages(blog, {
      bodyHtml: `<img src="folio-asset:/source/images/a%20b.png"><img src="folio-asset:/source/images/notes.png"><img src="${escape}"><img src="folio-asset:/missing.png">`,
    });
    expect([...images]).toEqual([['folio-asset:/source/images/a%20b.png', PNG_URI]]);
  });

  it('writes the file the save dialog names, and nothing when it is cancelled', async () => {
    const blog = await tempFolder();
    const out = await tempFolder();
    await writeFiles(blog, { 'source/_posts/tea.md': '# tea', 'source/images/a b.png': PNG });
    const asked: string[] = [];
    const target = path.join(out, 'tea.html');
    const written = await exportPost(
      blog,
      {
        pickSaveFile: async ({ defaultName }) => (asked.push(defaultName), target),
      },
      'source/_posts/tea.md',
      'html',
      doc(),
    );
    expect(written).toBe(target);
    expect(asked).toEqual(['tea.html']);
    const html = await readFile(target, 'utf8');
    expect(html).toContain(PNG_URI);
    expect(html).toContain('Tea &amp; &lt;Biscuits&gt;');

    const cancelled = await exportPost(
      blog,
      { pickSaveFile: async () => null },
      'source/_posts/tea.md',
      'html',
      doc(),
    );
    expect(cancelled).toBeNull();
  });

  it('prints the same page for a PDF, and says so when the host cannot print', async () => {
    const blog = await tempFolder();
    const out = await tempFolder();
    await writeFiles(blog, { 'post.md': '' });
    const printed: string[] = [];
    await exportPost(
      blog,
      {
        pickSaveFile: async () => path.join(out, 'post.pdf'),
        printToPDF: async (html) => (printed.push(html), new TextEncoder().encode('%PDF-1.7')),
      },
      'post.md',
      'pdf',
      doc(),
    );
    expect(await readFile(path.join(out, 'post.pdf'), 'utf8')).toBe('%PDF-1.7');
    expect(printed[0]).toContain('<h1 class="preview-title">');
    await expect(
      exportPost(blog, { pickSaveFile: async () => 'x' }, 'post.md', 'pdf', doc()),
    ).rejects.toThrow('PDF export needs the Folio app');
  });
});
