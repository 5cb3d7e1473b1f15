import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api.ts';
import { createDispatcher } from '../../electron/services/dispatch.ts';
import { createFolio } from '../../electron/services/handlers.ts';
import { createSettingsStore } from '../../electron/services/settings/settings.ts';
import { scopeSelector, splitSelectors } from '../../renderer/features/preview/blog-css.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();

/** The real handlers over a small blog with a stylesheet; `picks` is what the file dialog answers. */
async function harness() {
  const blog = await tempFolder();
  const outside = await tempFolder();
  const dataFolder = await tempFolder();
  await writeFiles(blog, {
    'posts/hello.md': '# Hello\n',
    'themes/blog/style.css': 'h1 { color: rgb(1, 2, 3); }\n',
    'themes/blog/notes.txt': 'not css',
  });
  await writeFile(path.join(outside, 'evil.css'), 'body { display: none }');
  const picks: Array<string | null> = [];
  const folio = createFolio({
    pickFolder: async () => null,
    pickFile: async () => picks.shift() ?? null,
    openExternal: async () => undefined,
    emit: () => undefined,
    settings: createSettingsStore(dataFolder),
    assetBase: 'asset://blog/',
    dataFolder,
  });
  await folio.openFolder(blog);
  const dispatch = createDispatcher(folio.handlers);
  const call = async (channel: string, args: unknown = {}) =>
    (await dispatch(channel, args)) as Envelope<unknown>;
  return { blog, outside, dataFolder, picks, call };
}

describe('the blog’s stylesheet for the preview', () => {
  it('is none until set; set, it is read from the blog and remembered across restarts', async () => {
    const h = await harness();
    expect(await h.call('getPreviewCss')).toEqual({ ok: true, value: null });
    const css = { path: 'themes/blog/style.css', css: 'h1 { color: rgb(1, 2, 3); }\n' };
    expect(await h.call('setPreviewCss', { path: 'themes/blog/style.css' })).toEqual({
      ok: true,
      value: css,
    });
    expect(await h.call('getPreviewCss')).toEqual({ ok: true, value: css });
    expect(createSettingsStore(h.dataFolder).get().previewCssPath).toBe('themes/blog/style.css');
    expect(await h.call('setPreviewCss', { path: null })).toEqual({ ok: true, value: null });
    expect(await h.call('getPreviewCss')).toEqual({ ok: true, value: null });
  });

  it('is picked with the file dialog; cancelling changes nothing', async () => {
    const h = await harness();
    h.picks.push(path.join(h.blog, 'themes', 'blog', 'style.css'), null);
    const picked = await h.call('pickPreviewCss');
    expect(picked.ok && (picked.value as { path: string }).path).toBe('themes/blog/style.css');
    expect(await h.call('pickPreviewCss')).toEqual({ ok: true, value: null });
    const kept = await h.call('getPreviewCss');
    expect(kept.ok && (kept.value as { path: string }).path).toBe('themes/blog/style.css');
  });

  it('refuses files outside the blog (by path, by link, by dialog), other types and huge files', async () => {
    const h = await harness();
    await symlink(path.join(h.outside, 'evil.css'), path.join(h.blog, 'themes', 'link.css'));
    await mkdir(path.join(h.blog, 'big'));
    await writeFile(path.join(h.blog, 'big', 'huge.css'), 'a{}'.repeat(400_000));
    const refused = async (channel: string, args: unknown, code: string, words: RegExp) => {
      const answer = await h.call(channel, args);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe(code);
        expect(answer.error.message).toMatch(words);
      }
    };
    await refused('setPreviewCss', { path: '../evil.css' }, 'OUTSIDE_FOLDER', /outside/);
    await refused('setPreviewCss', { path: 'themes/link.css' }, 'OUTSIDE_FOLDER', /outside/);
    await refused('setPreviewCss', { path: 'themes/blog/notes.txt' }, 'INVALID_ARGUMENT', /\.css/);
    await refused('setPreviewCss', { path: 'big/huge.css' }, 'TOO_LARGE', /1 MB/);
    h.picks.push(path.join(h.outside, 'evil.css'));
    await refused('pickPreviewCss', {}, 'OUTSIDE_FOLDER', /outside/);
    expect(await h.call('getPreviewCss')).toEqual({ ok: true, value: null });
  });

  it('answers none in another blog that has no such file', async () => {
    const h = await harness();
    await h.call('setPreviewCss', { path: 'themes/blog/style.css' });
    await rm(path.join(h.blog, 'themes'), { recursive: true });
    expect(await h.call('getPreviewCss')).toEqual({ ok: true, value: null });
  });
});

describe('confining the blog’s selectors to the preview', () => {
  it('splits selector lists at top-level commas only', () => {
    expect(splitSelectors('h1, h2 , :is(a, b) > c, [title="x,y"], p')).toEqual([
      'h1',
      'h2',
      ':is(a, b) > c',
      '[title="x,y"]',
      'p',
    ]);
  });

  it('puts every selector under the root, and the page itself on the root', () => {
    const scope = (s: string) => scopeSelector(s, '#root');
    expect(scope('h1')).toBe('#root h1');
    expect(scope('.post-content p a:hover')).toBe('#root .post-content p a:hover');
    expect(scope('*')).toBe('#root *');
    expect(scope('body')).toBe('#root');
    expect(scope('html')).toBe('#root');
    expect(scope(':root')).toBe('#root');
    expect(scope('html body > p')).toBe('#root > p');
    expect(scope('body.home p')).toBe('#root.home p');
    expect(scope('bodyguard')).toBe('#root bodyguard');
    expect(scope('html p')).toBe('#root p');
  });
});
