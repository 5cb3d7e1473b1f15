import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const configPath = path.join(repoRoot, 'electron-builder.yml');
// electron-builder ships its configuration JSON schema (draft-07) in app-builder-lib.
const schemaPath = path.join(repoRoot, 'node_modules', 'app-builder-lib', 'scheme.json');

type Config = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function loadConfig(): Config {
  const parsed: unknown = parse(readFileSync(configPath, 'utf8'));
  if (!isRecord(parsed)) throw new Error('electron-builder.yml must be a YAML mapping');
  return parsed;
}

function compileValidator(): ValidateFunction {
  const schema: unknown = JSON.parse(readFileSync(schemaPath, 'utf8'));
  if (!isRecord(schema)) throw new Error(`${schemaPath} is not a JSON object`);
  // The schema is draft-07 (Ajv's default draft) and uses union types such as
  // `"type": ["null", "string"]`, which strict mode rejects without allowUnionTypes.
  // strict: false tolerates its non-standard keywords/descriptions.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
  return ajv.compile(schema);
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return '(no errors)';
  return errors
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}

/** Every string value stored under a key named `icon`, anywhere in the config. */
function collectIconPaths(value: unknown, trail: string, out: Array<[string, string]>): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collectIconPaths(item, `${trail}[${i}]`, out));
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const where = trail ? `${trail}.${key}` : key;
      if (key === 'icon' && typeof child === 'string') out.push([where, child]);
      else collectIconPaths(child, where, out);
    }
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  return pngSizeOf(readFileSync(file), file);
}

function pngSizeOf(buf: Buffer, file: string): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (
    buf.subarray(0, 8).toString('hex') !== signature ||
    buf.toString('ascii', 12, 16) !== 'IHDR'
  ) {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The square PNG sizes inside an .ico (each entry's own size must match its PNG's). */
function icoPngSizes(file: string): number[] {
  const buf = readFileSync(file);
  expect(buf.readUInt16LE(2), `${file} is not an icon file`).toBe(1);
  return Array.from({ length: buf.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = buf[entry] || 256;
    const png = buf.subarray(
      buf.readUInt32LE(entry + 12),
      buf.readUInt32LE(entry + 12) + buf.readUInt32LE(entry + 8),
    );
    const { width, height } = pngSizeOf(png, file);
    expect([width, height]).toEqual([size, size]);
    return size;
  });
}

/** The PNG sizes inside an .icns (type, length, data elements after the 8-byte header). */
function icnsPngSizes(file: string): number[] {
  const buf = readFileSync(file);
  expect(buf.toString('latin1', 0, 4)).toBe('icns');
  expect(buf.readUInt32BE(4)).toBe(buf.length);
  const sizes: number[] = [];
  for (let at = 8; at < buf.length; at += buf.readUInt32BE(at + 4)) {
    const { width, height } = pngSizeOf(buf.subarray(at + 8, at + buf.readUInt32BE(at + 4)), file);
    expect(width).toBe(height);
    sizes.push(width);
  }
  return sizes;
}

/** The literal part of a glob pattern before its first wildcard/brace/class character. */
function staticPrefix(pattern: string): string {
  const i = pattern.search(/[*?{[(!+@]/);
  return i === -1 ? pattern : pattern.slice(0, i);
}

describe('electron-builder.yml', () => {
  let config: Config;
  let validate: ValidateFunction;

  beforeAll(() => {
    config = loadConfig();
    validate = compileValidator();
  }, 60_000); // compiling electron-builder's big schema is slow on a loaded machine

  it('validates against electron-builder’s JSON schema', () => {
    const ok = validate(config);
    if (!ok) console.error(formatErrors(validate.errors));
    expect(formatErrors(validate.errors)).toBe('(no errors)');
    expect(ok).toBe(true);
  });

  it('the schema validator is live: it rejects unknown keys and wrong types', () => {
    expect(validate({ bogusKey: 1 })).toBe(false);
    expect(validate.errors?.some((e) => e.params['additionalProperty'] === 'bogusKey')).toBe(true);

    expect(validate({ ...config, bogusKey: 1 })).toBe(false);
    expect(validate({ ...config, linux: { bogusLinuxKey: true } })).toBe(false);
    expect(validate({ ...config, asar: 'yes please' })).toBe(false);
    expect(validate({ ...config, fileAssociations: [{ ext: 42 }] })).toBe(false);
    // …and sanity: a minimal valid config passes.
    expect(validate({ appId: 'x.y.z' })).toBe(true);
  });

  it('has the expected identity, layout and targets', () => {
    expect(config['appId']).toBe('app.folio.editor');
    expect(config['productName']).toBe('Folio');
    expect(config['directories']).toEqual({ output: 'release', buildResources: 'assets' });
    expect(config['asar']).toBe(true);
    expect(config['extraMetadata']).toEqual({ main: 'dist/electron/main.cjs' });
    // The fuse hook (tests/unit/fuses.test.ts); a leading ./ makes electron-builder resolve it
    // in the project rather than as a package named `electron`.
    expect(config['afterPack']).toBe('./electron/after-pack.mjs');
    expect(existsSync(path.join(repoRoot, 'electron/after-pack.mjs'))).toBe(true);

    const pkg: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(isRecord(pkg) && pkg['main']).toBe('dist/electron/main.cjs');

    expect(config['mac']).toMatchObject({
      target: [{ target: 'dmg', arch: 'universal' }],
      category: 'public.app-category.productivity',
    });
    expect(config['win']).toMatchObject({ target: ['nsis'] });
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config['fileAssociations']).toEqual([
      expect.objectContaining({ ext: ['md', 'markdown'], name: 'Markdown', role: 'Editor' }),
    ]);
  });

  it('packages only built output, package.json and the sample blog', () => {
    const files = config['files'];
    expect(Array.isArray(files)).toBe(true);
    const patterns = files as unknown[];
    expect(patterns.every((p) => typeof p === 'string')).toBe(true);

    const include = (patterns as string[]).filter((p) => !p.startsWith('!'));
    const exclude = (patterns as string[]).filter((p) => p.startsWith('!'));
    expect(include).toEqual(
      expect.arrayContaining(['dist/**', 'package.json', 'assets/sample-blog/**']),
    );
    expect(exclude).toContain('!**/*.map');

    // A pattern can only reach a source directory if its literal prefix overlaps it;
    // an empty prefix (e.g. "**/*.ts") could match anything and is rejected outright.
    const forbidden = ['tests/', 'electron/', 'renderer/', 'shared/', 'node_modules/', 'docs/'];
    for (const pattern of include) {
      const prefix = staticPrefix(pattern);
      expect(prefix, `pattern "${pattern}" has no literal prefix`).not.toBe('');
      for (const dir of forbidden) {
        const overlaps = prefix.startsWith(dir) || dir.startsWith(prefix);
        expect(overlaps, `pattern "${pattern}" could include ${dir}`).toBe(false);
      }
    }

    expect(statSync(path.join(repoRoot, 'assets/sample-blog/_config.yml')).isFile()).toBe(true);
  });

  it('every icon path it names exists and is a usable PNG (set)', () => {
    const icons: Array<[string, string]> = [];
    collectIconPaths(config, '', icons);
    expect(icons.map(([where]) => where).sort()).toEqual(['linux.icon', 'mac.icon', 'win.icon']);

    const directories = config['directories'];
    const buildResources =
      isRecord(directories) && typeof directories['buildResources'] === 'string'
        ? directories['buildResources']
        : 'build';
    // electron-builder resolves icons against buildResources first, then the project dir.
    const resolveIcon = (p: string): string | undefined =>
      [path.join(repoRoot, buildResources, p), path.join(repoRoot, p)].find((c) => existsSync(c));

    const minSize: Record<string, number> = { 'mac.icon': 512, 'win.icon': 256 };
    for (const [where, iconPath] of icons) {
      const resolved = resolveIcon(iconPath);
      expect(resolved, `${where}: ${iconPath} does not exist`).toBeDefined();
      if (resolved === undefined) continue;

      if (statSync(resolved).isDirectory()) {
        // Linux icon set: files named NxN.png whose pixels match their names.
        const sized = readdirSync(resolved).filter((f) => /^\d+x\d+\.png$/.test(f));
        expect(sized.length, `${where}: no NxN.png files in ${iconPath}`).toBeGreaterThan(0);
        for (const file of sized) {
          const [w, h] = file.replace('.png', '').split('x').map(Number);
          expect(pngSize(path.join(resolved, file)), `${iconPath}/${file}`).toEqual({
            width: w,
            height: h,
          });
        }
        expect(sized).toContain('512x512.png');
      } else if (resolved.endsWith('.icns')) {
        expect(where).toBe('mac.icon');
        const sizes = icnsPngSizes(resolved);
        expect(sizes).toEqual(expect.arrayContaining([16, 32, 64, 128, 256, 512, 1024]));
      } else if (resolved.endsWith('.ico')) {
        expect(where).toBe('win.icon');
        expect(icoPngSizes(resolved)).toEqual([16, 24, 32, 48, 64, 128, 256]);
      } else {
        expect(resolved.endsWith('.png'), `${where}: ${iconPath} should be a PNG`).toBe(true);
        const { width, height } = pngSize(resolved);
        expect(width).toBe(height);
        expect(width).toBeGreaterThanOrEqual(minSize[where] ?? 256);
      }
    }
  });
});
