import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterPack, electronBinaryPath } from '../../electron/after-pack.mjs';
import { useTempFolders } from './support/temp.ts';

// The fuse wire as @electron/fuses reads it (node_modules/@electron/fuses/dist/index.js):
// this sentinel, a version byte (1), the wire's length, then one byte per fuse:
// '0' off, '1' on, 'r' removed.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_NAMES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];

/** Bytes around one wire per slice, in Electron's defaults: 1 1 0… as a stock binary has them. */
function syntheticBinary(wire: string, slices = 1): Buffer {
  const parts: Buffer[] = [Buffer.from('\x7fELF pretend machine code ')];
  for (let i = 0; i < slices; i++) {
    parts.push(Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire));
    parts.push(Buffer.from(` more code in slice ${i} `));
  }
  return Buffer.concat(parts);
}

/** The wire(s) in a file, as a map of fuse name to '0' / '1' / 'r' per slice. */
async function readWires(file: string): Promise<Array<Record<string, string>>> {
  const bytes = await readFile(file);
  const wires: Array<Record<string, string>> = [];
  for (let at = bytes.indexOf(SENTINEL); at !== -1; at = bytes.indexOf(SENTINEL, at + 1)) {
    const start = at + SENTINEL.length;
    const length = bytes[start + 1]!;
    const states = bytes.subarray(start + 2, start + 2 + length).toString('latin1');
    wires.push(Object.fromEntries([...states].map((state, i) => [FUSE_NAMES[i], state])));
  }
  return wires;
}

// Electron's defaults: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; the rest off.
const STOCK = '10110001';
const SHIPPED = {
  RunAsNode: '0',
  EnableCookieEncryption: '1',
  EnableNodeOptionsEnvironmentVariable: '0',
  EnableNodeCliInspectArguments: '0',
  EnableEmbeddedAsarIntegrityValidation: '1',
  OnlyLoadAppFromAsar: '1',
  LoadBrowserProcessSpecificV8Snapshot: '0',
  GrantFileProtocolExtraPrivileges: '0',
};

describe('the afterPack hook flips Electron’s fuses', () => {
  const tempFolder = useTempFolders();

  it('on Linux: the executable’s wire ends up with Folio’s fuses, every other byte untouched', async () => {
    const out = await tempFolder();
    const binary = path.join(out, 'folio');
    const before = syntheticBinary(STOCK);
    await writeFile(binary, before);
    expect(await readWires(binary)).toEqual([
      expect.objectContaining({ RunAsNode: '1', EnableNodeOptionsEnvironmentVariable: '1' }),
    ]);

    await afterPack({
      appOutDir: out,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Folio' }, executableName: 'folio' },
    });

    expect(await readWires(binary)).toEqual([SHIPPED]);
    const after = await readFile(binary);
    expect(after.length).toBe(before.length);
    const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
    // RunAsNode, NODE_OPTIONS, --inspect and file:// privileges off; cookie encryption, asar
    // integrity and asar-only on: 7 bytes flipped.
    expect(changed.length).toBe(7);
  });

  it('on macOS (universal): both slices of the Electron Framework are flipped', async () => {
    const out = await tempFolder();
    const framework = path.join(
      out,
      'Folio.app/Contents/Frameworks/Electron Framework.framework/Electron Framework',
    );
    await mkdir(path.dirname(framework), { recursive: true });
    await writeFile(framework, syntheticBinary(STOCK, 2));
    const context = {
      appOutDir: out,
      electronPlatformName: 'darwin',
      arch: 1, // x64: no ad-hoc re-signing (codesign is not on this machine)
      packager: { appInfo: { productFilename: 'Folio' } },
    };
    expect(electronBinaryPath(context)).toBe(path.join(out, 'Folio.app'));
    await afterPack(context);
    expect(await readWires(framework)).toEqual([SHIPPED, SHIPPED]);
  });

  it('on Windows: Folio.exe', async () => {
    const out = await tempFolder();
    await writeFile(path.join(out, 'Folio.exe'), syntheticBinary(STOCK));
    await afterPack({
      appOutDir: out,
      electronPlatformName: 'win32',
      arch: 1,
      packager: { appInfo: { productFilename: 'Folio' } },
    });
    expect(await readWires(path.join(out, 'Folio.exe'))).toEqual([SHIPPED]);
  });

  it('fails the build when the binary has no fuse wire, rather than ship it unfused', async () => {
    const out = await tempFolder();
    await writeFile(path.join(out, 'folio'), 'no sentinel here');
    await expect(
      afterPack({
        appOutDir: out,
        electronPlatformName: 'linux',
        arch: 1,
        packager: { appInfo: { productFilename: 'Folio' }, executableName: 'folio' },
      }),
    ).rejects.toThrow('Could not find sentinel');
  });
});
