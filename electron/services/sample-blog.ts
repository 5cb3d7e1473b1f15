import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The sample blog ships inside the app (read-only in a packaged build), so the writer gets a
 * copy in the data folder to edit. Plain reads and writes: Electron's asar support patches
 * them, not `fs.cp`.
 */
export function ensureSampleBlog(source: string, dataFolder: string): string {
  const target = path.join(dataFolder, 'Sample Blog');
  if (!existsSync(target)) copyFolder(source, target);
  return target;
}

function copyFolder(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyFolder(src, dst);
    else if (entry.isFile()) writeFileSync(dst, readFileSync(src));
  }
}

/** The folder named on the command line (`npm start -- ~/blog`, or a packaged app's argv). */
export function folderFromArgv(args: readonly string[], cwd: string): string | null {
  const candidate = args.filter((a) => !a.startsWith('-') && a !== '.').at(-1);
  return candidate ? path.resolve(cwd, candidate) : null;
}
