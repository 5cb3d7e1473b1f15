// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the
// packaged binary before it is signed, so the shipped app cannot be turned into a plain Node
// runtime or debugged through its command line (docs/ARCHITECTURE.md, security).
//
// Plain JavaScript because electron-builder imports hooks with Node, which cannot load
// TypeScript on the Node versions we support; types in after-pack.d.mts.
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import path from 'node:path';

/** The fuses Folio ships with; the ones not named keep Electron's default. */
export const FOLIO_FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Folio serves its pages from app://, never file://: file: pages get no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Cookies on disk (none are expected: the site preview's session lives in memory) are
  // encrypted with the OS's key store.
  [FuseV1Options.EnableCookieEncryption]: true,
};

// electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARM64 = 3;
const UNIVERSAL = 4;

/**
 * The file that holds the fuse wire in a packed app: the .app bundle (flipFuses finds its
 * Electron Framework), `<name>.exe`, or the Linux executable.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${name}.app`);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName ?? name);
}

/** @param {{ appOutDir: string, electronPlatformName: string, arch: number, packager: { appInfo: { productFilename: string }, executableName?: string } }} context */
export async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, {
    ...FOLIO_FUSES,
    // Apple silicon refuses a binary whose ad-hoc signature no longer matches its bytes.
    resetAdHocDarwinSignature: mac && (context.arch === ARM64 || context.arch === UNIVERSAL),
  });
  console.log(`  • fuses flipped  file=${path.relative(process.cwd(), binary)}`);
}

export default afterPack;
