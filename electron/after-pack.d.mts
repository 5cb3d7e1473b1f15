import type { FuseV1Config } from '@electron/fuses';

export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  /** electron-builder's Arch: ia32 0, x64 1, armv7l 2, arm64 3, universal 4. */
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

export declare const FOLIO_FUSES: FuseV1Config;
export declare function electronBinaryPath(context: AfterPackContext): string;
export declare function afterPack(context: AfterPackContext): Promise<void>;
export default afterPack;
