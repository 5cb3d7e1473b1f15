/**
 * The generator profiles (shared/generators/) are the one place that knows generators by
 * name: every generator has one, their rules agree with the layouts they give, and no code
 * elsewhere branches on a generator's name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectGenerator, layoutFor, profileOf } from '../../shared/generators/index.ts';
import { GENERATORS } from '../../shared/models.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(path.join(repo, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(repo, path.join(e.parentPath, e.name)));
}

describe('generator profiles', () => {
  it('one per generator, named after it', () => {
    for (const name of GENERATORS) expect(profileOf(name).name).toBe(name);
  });

  it('a generator whose drafts are a folder lists that folder among its post and draft folders', () => {
    for (const name of GENERATORS) {
      const profile = profileOf(name);
      const layout = layoutFor(name, { entries: new Set() });
      if (!profile.draftFolder) {
        expect(layout.draftFolders, name).toEqual([]);
        continue;
      }
      expect(layout.draftFolders, name).toContain(profile.draftFolder.drafts);
      expect(layout.postFolders, name).toContain(profile.draftFolder.drafts);
      expect(layout.postFolders, name).toContain(profile.draftFolder.posts);
    }
  });

  it('a sure sign beats a maybe one, whatever their order; no sign is a plain folder', () => {
    // `content/` with `config/` may be Hugo's; `.vitepress/` is VitePress for sure.
    const entries = new Set(['content/', 'config/', '.vitepress/']);
    expect(detectGenerator({ entries })).toBe('vitepress');
    expect(detectGenerator({ entries: new Set(['content/', 'config/']) })).toBe('hugo');
    expect(detectGenerator({ entries: new Set(['notes/', 'README.md']) })).toBe('plain');
  });

  it('marks future posts scheduled where the site leaves them out, by its config', () => {
    const scheduled = (name: (typeof GENERATORS)[number], config = {}) =>
      profileOf(name).futureIsScheduled(config);
    expect(scheduled('hugo')).toBe(true);
    expect(scheduled('hugo', { buildFuture: true })).toBe(false);
    expect(scheduled('jekyll')).toBe(true);
    expect(scheduled('jekyll', { future: true })).toBe(false);
    // Hexo builds future posts by default.
    expect(scheduled('hexo')).toBe(false);
    expect(scheduled('hexo', { future: false })).toBe(true);
    expect(scheduled('astro')).toBe(false);
  });

  it('no code outside the generator folders branches on a generator’s name', () => {
    const names = GENERATORS.join('|');
    const branch = new RegExp(`generator [!=]==|case '(${names})'`);
    const offenders = ['electron', 'renderer', 'shared']
      .flatMap(sources)
      .filter((file) => !/^(shared|electron[\\/]services)[\\/]generators[\\/]/.test(file))
      .flatMap((file) =>
        readFileSync(path.join(repo, file), 'utf8')
          .split('\n')
          .map((line, i) => `${file}:${i + 1}: ${line.trim()}`)
          .filter((line) => branch.test(line)),
      );
    expect(offenders).toEqual([]);
  });
});
