/**
 * Plain Markdown reaches the preview as nodes, built with DOM calls from a fixed list
 * (renderer/features/preview/plain-markup.ts). The renderer only ever sends what it writes
 * itself, but the builder does not rely on that: given hostile nodes, it keeps text as text
 * and leaves out every tag, attribute and link target off its list. Asserted in Chromium,
 * through the page's `?bench` hook, on the built block's HTML.
 */
import { test, expect } from '@playwright/test';
import { openChromiumHost } from '../hosts/chromium-host.ts';
import { tempBlog } from '../hosts/paths.ts';

const cases: Array<{ name: string; nodes: unknown; html: string }> = [
  {
    name: 'a script tag: its text stays, as text',
    nodes: [['script', [], 'window.pwned = 1']],
    html: 'window.pwned = 1',
  },
  {
    name: 'markup inside text stays text',
    nodes: [['p', [], '<img src=x onerror="window.pwned=1">']],
    html: '<p>&lt;img src=x onerror="window.pwned=1"&gt;</p>',
  },
  {
    name: 'handlers, styles and ids',
    nodes: [['p', ['onclick', 'window.pwned=1', 'style', 'position:fixed', 'id', 'title'], 't']],
    html: '<p id="user-content-title">t</p>',
  },
  {
    name: 'a javascript: link loses its target; a web link keeps it, with rel',
    nodes: [
      ['a', ['href', ' java\tscript:window.pwned=1'], 'x'],
      ['a', ['href', 'https://example.org/', 'target', '_top'], 'y'],
    ],
    html: '<a>x</a><a href="https://example.org/" rel="noopener noreferrer">y</a>',
  },
  {
    name: 'an image keeps its resolved source and nothing that runs',
    nodes: [['img', ['src', 'a.png', 'onerror', 'window.pwned=1', 'alt', 'A']]],
    html: '<img alt="A" data-src="a.png" src="http://folio.test/@asset/source/_posts/a.png">',
  },
  {
    name: 'svg, iframes and forms are left out, their text kept',
    nodes: [
      ['svg', ['onload', 'window.pwned=1'], ['script', [], 's']],
      ['iframe', ['srcdoc', '<script>window.pwned=1</script>'], 'i'],
      ['form', ['action', 'https://evil.test'], ['button', [], 'b']],
    ],
    html: 'sib',
  },
  {
    name: 'any input becomes the inert task-list checkbox',
    nodes: [['input', ['type', 'text', 'value', 'x', 'autofocus', '', 'onfocus', 'x()']]],
    html: '<input class="task-list-item-checkbox" type="checkbox" disabled="">',
  },
  {
    name: 'only table alignment as style',
    nodes: [
      [
        'table',
        [],
        [
          'tbody',
          [],
          [
            'tr',
            [],
            ['td', ['style', 'text-align:right'], '1'],
            ['td', ['style', 'background:url(x)'], '2'],
          ],
        ],
      ],
    ],
    html: '<table><tbody><tr><td style="text-align:right">1</td><td>2</td></tr></tbody></table>',
  },
  {
    name: 'malformed nodes are skipped',
    nodes: [[1, 2], { tag: 'p' }, ['p', 'not a list'], null, ['em', [5, 'x'], 'ok']],
    html: '<em>ok</em>',
  },
];

// eslint-disable-next-line no-empty-pattern
test('plain nodes build only what the list allows', async ({}, testInfo) => {
  test.skip(
    testInfo.project.metadata.host !== 'chromium',
    'the ?bench hook is a Chromium-host page',
  );
  const temp = tempBlog();
  const host = await openChromiumHost(temp.blog, temp.data, '?bench');
  try {
    const { page } = host;
    await page.waitForFunction(() => 'folioBench' in window);
    for (const { name, nodes, html } of cases) {
      const built = await page.evaluate(
        (json) =>
          (
            window as unknown as { folioBench: { buildPlain(json: string): string } }
          ).folioBench.buildPlain(json),
        JSON.stringify(nodes),
      );
      expect(built, name).toBe(html);
    }
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
  } finally {
    await host.close();
    temp.dispose();
  }
});
