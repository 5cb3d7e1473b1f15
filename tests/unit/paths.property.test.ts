import { realpathSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../electron/services/files/paths.ts';
import { FolioError } from '../../shared/errors.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const RUNS = Number(process.env.FOLIO_FUZZ_RUNS ?? 1000);
const tempFolder = useTempFolders();

/** The pieces an attacker (or a confused caller) would combine into a renderer path. */
const piece = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '',
    'source',
    '_posts',
    'hello.md',
    'out', // a symlink to the folder beside the blog
    'loop', // a symlink to itself
    'secret.txt',
    '/',
    '\\',
    '..\\',
    'C:',
    'C:\\',
    '%2e%2e',
    '%2f',
    '%252f',
    '\0',
    '~',
    '/etc/passwd',
  ),
  fc.string({ maxLength: 6 }),
);
const renderPath = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('/'));

describe('resolveInside, fuzzed', () => {
  it('either resolves to a real path inside the blog or refuses with a typed error', async () => {
    const parent = await tempFolder();
    const root = path.join(parent, 'blog');
    await writeFiles(parent, {
      'blog/source/_posts/hello.md': '# Hello\n',
      'secret.txt': 'not for the renderer',
    });
    await mkdir(path.join(parent, 'elsewhere'));
    await symlink(path.join(parent, 'elsewhere'), path.join(root, 'out'));
    await symlink(path.join(parent, 'secret.txt'), path.join(root, 'source', 'secret.txt'));
    await symlink(path.join(root, 'loop'), path.join(root, 'loop'));
    const realRoot = realpathSync(root);
    const seen = { inside: 0, refused: 0 };

    await fc.assert(
      fc.asyncProperty(renderPath, async (relative) => {
        try {
          const resolved = await resolveInside(root, relative);
          const real = realpathSync(resolved);
          expect(real === realRoot || real.startsWith(realRoot + path.sep)).toBe(true);
          seen.inside++;
        } catch (error) {
          expect(error).toBeInstanceOf(FolioError);
          expect(['OUTSIDE_FOLDER', 'NOT_FOUND', 'INVALID_ARGUMENT']).toContain(
            (error as FolioError).code,
          );
          seen.refused++;
        }
      }),
      { numRuns: RUNS },
    );
    // Both outcomes were exercised: the property did not pass by refusing everything.
    expect(seen.inside).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });
});
