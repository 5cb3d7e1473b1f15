/**
 * Which files of the repository electron-builder would put in the app, decided by
 * electron-builder's own matcher (app-builder-lib's getMainFileMatchers: our `files` patterns
 * plus its default exclusions) walked over the git-tracked files and the built dist/, the way
 * its copier walks the project folder: a file is packed when every folder above it passes the
 * filter and it passes too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const require = createRequire(import.meta.url);

type Stat = { isDirectory(): boolean };
type Filter = (file: string, stat: Stat) => boolean;
interface FileMatcher {
  patterns: string[];
  createFilter(): Filter;
}
const { getMainFileMatchers } = require('app-builder-lib/out/fileMatcher.js') as {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    platformPackager: { info: object },
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcher[];
};

function walk(folder: string, prefix: string, out: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) walk(path.join(folder, entry.name), `${rel}/`, out);
    else out.push(rel);
  }
}

/** Tracked files, plus dist/ as `npm run build` leaves it (or its two entry points if not built). */
function candidateFiles(): string[] {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  const built: string[] = [];
  if (existsSync(path.join(repoRoot, 'dist'))) walk(path.join(repoRoot, 'dist'), 'dist/', built);
  else
    built.push('dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html');
  // What a build also leaves around, which must not ship.
  built.push('dist/electron/main.cjs.map', 'node_modules/react/index.js', 'release/Folio.AppImage');
  return [...new Set([...tracked, ...built])];
}

function packedFiles(extraPatterns: string[] = []): string[] {
  const config = parse(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as {
    directories: { buildResources: string; output: string };
    files: string[];
  };
  config.files = [...config.files, ...extraPatterns];
  const [matcher] = getMainFileMatchers(
    repoRoot,
    '/app',
    (pattern) => pattern,
    {},
    {
      info: {
        projectDir: repoRoot,
        buildResourcesDir: config.directories.buildResources,
        config,
        isPrepackedAppAsar: false,
        debugLogger: { isEnabled: false },
      },
    },
    path.join(repoRoot, config.directories.output),
    false,
  );
  const filter = matcher!.createFilter();
  const folder: Stat = { isDirectory: () => true };
  const file: Stat = { isDirectory: () => false };
  const folderPasses = new Map<string, boolean>();
  const passes = (dir: string): boolean => {
    if (!folderPasses.has(dir)) {
      const parent = path.posix.dirname(dir);
      folderPasses.set(
        dir,
        (parent === '.' || passes(parent)) && filter(path.join(repoRoot, dir), folder),
      );
    }
    return folderPasses.get(dir)!;
  };
  return candidateFiles().filter((rel) => {
    const dir = path.posix.dirname(rel);
    return (dir === '.' || passes(dir)) && filter(path.join(repoRoot, rel), file);
  });
}

describe('the packaged app’s files (electron-builder’s own matching)', () => {
  let packed: string[];
  beforeAll(() => {
    packed = packedFiles();
  });

  it('holds the built app, package.json and the sample blog', () => {
    expect(packed).toContain('package.json');
    expect(packed).toContain('dist/electron/main.cjs');
    expect(packed).toContain('dist/electron/preload.cjs');
    expect(packed).toContain('dist/renderer/index.html');
    expect(packed).toContain('assets/sample-blog/_config.yml');
    expect(packed).toContain('assets/sample-blog/source/images/garden-rows.png');
    expect(packed.filter((f) => f.startsWith('assets/sample-blog/source/_posts/')).length).toBe(
      readdirSync(path.join(repoRoot, 'assets/sample-blog/source/_posts')).length,
    );
  });

  it('holds nothing else: no sources, tests, benchmarks, docs, fixtures, maps or dependencies', () => {
    const unexpected = packed.filter(
      (f) =>
        !(f === 'package.json' || f.startsWith('dist/') || f.startsWith('assets/sample-blog/')),
    );
    expect(unexpected).toEqual([]);
    for (const forbidden of [
      /^electron\//,
      /^renderer\//,
      /^shared\//,
      /^tests\//,
      /^tests\/bench\//,
      /^tests\/fixtures\//,
      /^docs\//,
      /^node_modules\//,
      /^release\//,
      /\.map$/,
      /\.tsx?$/,
      /^README\.md$/,
      /^electron-builder\.yml$/,
      /^assets\/icons\//,
    ]) {
      expect(packed.filter((f) => forbidden.test(f))).toEqual([]);
    }
  });

  it('the matcher is live: a pattern asking for sources would pack them', () => {
    // Guards the test itself: a walk that packed nothing would pass the test above.
    expect(packed).not.toContain('electron/main.ts');
    expect(packedFiles(['electron/**'])).toContain('electron/main.ts');
  });
});
