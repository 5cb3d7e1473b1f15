/**
 * The command that serves a blog for the Site preview: its generator's dev server (the
 * profile's `devServer`), or the one the blog's `.folio/config.yaml` names as
 * `preview.command`. Found, never run, here: a program that is not installed becomes a
 * message that says how to install it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCommandLine } from 'shell-quote';
import { parse as parseYaml } from 'yaml';
import { profileOf, type DevServer, type Generator } from '../../../shared/generators/index.ts';
import { previewFromConfig } from '../../../shared/schema.ts';
import { findOnPath } from '../processes/program.ts';
import { CONFIG_FILE } from '../library/blog-schema.ts';
import { LOOPBACK_ONLY_FILE, LOOPBACK_ONLY_MODULE } from './loopback-only.ts';

export interface ServerCommand {
  /** The program to start (a full path), and its arguments. */
  command: string;
  args: string[];
  /** The command line as the writer would type it. */
  display: string;
  /** Named by the blog's `.folio/config.yaml`. */
  fromConfig: boolean;
  /** Where the site is served, with `{port}` for the port. */
  url: string;
  /** What its output says, when the generator is known. */
  server: Pick<DevServer, 'rebuilt' | 'rendersOnRequest'>;
  /** A module its Node loads first (`--require`), to be written before it starts. */
  preload?: { path: string; text: string };
}

export interface MissingProgram {
  missing: true;
  display: string;
  fromConfig: boolean;
  /** What is missing and how to install it. */
  message: string;
}

export interface CommandSite {
  root: string;
  generator: Generator;
  basePath: string;
  env: NodeJS.ProcessEnv;
}

export const PORT = '{port}';

/**
 * The command for `port` (`out`: a folder outside the blog for generators that build to
 * disk, in a folder of Folio's own that also takes a preload module); throws with what and
 * where when the blog's config is wrong.
 */
export function serverCommand(
  site: CommandSite,
  port: number | typeof PORT,
  out: string,
): ServerCommand | MissingProgram | null {
  const own = configuredPreview(site.root);
  if (own.command) return configuredCommand(site, own.command, own.url, port);
  const profile = profileOf(site.generator);
  const server = profile.devServer?.({
    has: (rel) => existsSync(path.join(site.root, rel)),
    basePath: site.basePath,
  });
  if (!server) return null;
  const args = server.args(String(port), out);
  const url = own.url ?? `http://127.0.0.1:${PORT}${site.basePath}/`;
  const { rebuilt, rendersOnRequest } = server;
  const watched = {
    ...(rebuilt ? { rebuilt } : {}),
    ...(rendersOnRequest ? { rendersOnRequest } : {}),
  };
  if ('system' in server.program) {
    const name = server.program.system;
    const display = commandLine([name, ...args]);
    const found = findOnPath(name, site.env);
    if (!found)
      return missing(
        display,
        `${profile.title} is not installed (no \`${name}\` on the PATH): ${server.install}.`,
      );
    return { command: found, args, display, fromConfig: false, url, server: watched };
  }
  const { package: pkg, bin } = server.program;
  const display = commandLine([bin, ...args]);
  const absent = [pkg, ...(server.requires ?? [])].filter(
    (name) => !existsSync(path.join(site.root, 'node_modules', name, 'package.json')),
  );
  if (absent.length)
    return missing(
      display,
      `${absent.map((name) => `\`${name}\``).join(' and ')} ${absent.length === 1 ? 'is' : 'are'} not installed in this blog: ${server.install}.`,
    );
  const script = packageBin(site.root, pkg, bin);
  if (!script)
    return missing(
      display,
      `\`${pkg}\` in this blog has no \`${bin}\` program: ${server.install}.`,
    );
  const node = findOnPath('node', site.env);
  if (!node)
    return missing(
      display,
      `Node.js is not installed (no \`node\` on the PATH): install it from nodejs.org.`,
    );
  const preload = server.listensEverywhere
    ? { path: path.join(path.dirname(out), LOOPBACK_ONLY_FILE), text: LOOPBACK_ONLY_MODULE }
    : undefined;
  return {
    command: node,
    args: [...(preload ? ['--require', preload.path] : []), script, ...args],
    display,
    fromConfig: false,
    url,
    server: watched,
    ...(preload ? { preload } : {}),
  };
}

const missing = (display: string, message: string): MissingProgram => ({
  missing: true,
  display,
  fromConfig: false,
  message,
});

/** The file a package's `bin` names, inside the blog's `node_modules`. */
function packageBin(root: string, pkg: string, bin: string): string | null {
  const folder = path.join(root, 'node_modules', pkg);
  try {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
      bin?: string | Record<string, string>;
    };
    const rel = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin];
    if (!rel) return null;
    const file = path.resolve(folder, rel);
    // A bin outside its own package is not one npm would have linked.
    return file.startsWith(folder + path.sep) && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** `preview:` of the blog's `.folio/config.yaml` ({} without one). */
function configuredPreview(root: string): { command?: string; url?: string } {
  const file = path.join(root, CONFIG_FILE);
  if (!existsSync(file)) return {};
  return previewFromConfig(parseYaml(readFileSync(file, 'utf8')));
}

/**
 * The blog's own command line, split as a shell would split its words but never given to a
 * shell: pipes, `&&`, redirections and globs are refused, `$VAR` stays text.
 */
function configuredCommand(
  site: CommandSite,
  line: string,
  url: string | undefined,
  port: number | typeof PORT,
): ServerCommand | MissingProgram {
  const words = parseCommandLine(line, (name) => `$${name}`);
  const bad = words.find((word) => typeof word !== 'string');
  if (bad !== undefined || words.length === 0) {
    throw new Error(
      `${CONFIG_FILE}: preview.command: “${line}” needs a shell (${JSON.stringify(bad ?? 'nothing to run')}); Folio runs one program with its arguments, without a shell`,
    );
  }
  const [name, ...rest] = (words as string[]).map((word) => word.split(PORT).join(String(port)));
  const display = line;
  const found =
    name!.includes('/') || name!.includes('\\')
      ? path.resolve(site.root, name!)
      : findOnPath(name!, site.env);
  if (!found || !existsSync(found))
    return {
      missing: true,
      display,
      fromConfig: true,
      message: `\`${name}\` (the preview.command of ${CONFIG_FILE}) is not installed or not on the PATH.`,
    };
  const served = url ?? `http://127.0.0.1:${PORT}${site.basePath}/`;
  if (!isLocalUrl(urlFor(served, port === PORT ? 1 : port)))
    throw new Error(
      `${CONFIG_FILE}: preview.url: “${served}” is not on this computer; the Site preview shows only http://127.0.0.1 or http://localhost`,
    );
  return { command: found, args: rest, display, fromConfig: true, url: served, server: {} };
}

/** An http URL on this computer's loopback address. */
export function isLocalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)
    );
  } catch {
    return false;
  }
}

/** Words as a shell would take them, quoted only where they need it. */
function commandLine(words: string[]): string {
  return words
    .map((word) => (/^[\w@%+=:,./{}-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

/** The URL with the port filled in. */
export const urlFor = (url: string, port: number): string => url.split(PORT).join(String(port));
