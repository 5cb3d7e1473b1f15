/**
 * Fault injection with real kills: a child process saves a post in a loop through the real
 * save path, and is SIGKILLed at a random moment, over and over. After every kill the file
 * must be exactly one of the two versions: never torn, never empty. Prints the figures
 * (docs/SAFETY.md quotes them).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackupStore, type BackupStore } from '../../electron/services/backups/backups.ts';
import { sweepLeftovers } from '../../electron/services/backups/leftovers.ts';
import { versionText } from '../fault/contents.ts';
import { bundleFaultScript, faultChildEnv } from './support/bundle.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();
const KILLS = Number(process.env.FOLIO_KILLS ?? 120);

/** One save-loop child: started ahead, told to begin, SIGKILLed. */
interface SaveLoop {
  /** Resolves once the child has loaded and waits to begin. */
  loaded: Promise<void>;
  /** Lets it read the post and save; resolves once its first read is done. */
  begin(): Promise<void>;
  /** Resolves once it is gone; rejects if it stopped on its own. */
  exited: Promise<void>;
  kill(): void;
}

function startSaveLoop(script: string, root: string, post: string): SaveLoop {
  const child = spawn(process.execPath, [script, root, post], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: faultChildEnv,
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiters = new Map<string, () => void>();
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    let at;
    while ((at = out.indexOf('\n')) !== -1) {
      waiters.get(out.slice(0, at))?.();
      out = out.slice(at + 1);
    }
  });
  const line = (name: string) => new Promise<void>((resolve) => waiters.set(name, resolve));
  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the save loop stopped on its own (${code}): ${stderr}`));
    });
  });
  const loaded = line('loaded');
  return {
    loaded: Promise.race([loaded, exited]),
    begin() {
      const ready = line('ready');
      child.stdin.write('go\n');
      return Promise.race([ready, exited]);
    },
    exited,
    kill: () => child.kill('SIGKILL'),
  };
}

/** Children run side by side, each on its own post, so a slow machine still makes 100+ kills quickly. */
const LANES = 4;

interface Tally {
  A: number;
  B: number;
  torn: number;
  /** Kills that left a temp file: the child died between creating it and the rename. */
  midWrite: number;
  /** Of those, temp files that held text other than the file on disk: kept as backups. */
  recovered: number;
}

async function lane(
  script: string,
  root: string,
  post: string,
  kills: number,
  tally: Tally,
  backups: BackupStore,
) {
  const a = versionText('A');
  const b = versionText('B');
  const file = path.join(root, post);
  // The next child starts while the current one saves, so its start-up hides behind the saves.
  let next = startSaveLoop(script, root, post);
  try {
    for (let kill = 0; kill < kills; kill++) {
      const child = next;
      await child.loaded;
      await child.begin();
      next = startSaveLoop(script, root, post);
      // Spread over several save durations, with a bias to the first few milliseconds.
      setTimeout(child.kill, Math.floor(Math.random() ** 2 * 60));
      await child.exited;
      const text = readFileSync(file, 'utf8');
      if (text === a) tally.A++;
      else if (text === b) tally.B++;
      else tally.torn++;
      const temps = readdirSync(path.dirname(file)).filter(
        (n) => n.startsWith(`.${path.basename(post)}.`) && n.endsWith('.folio-tmp'),
      );
      if (temps.length) {
        tally.midWrite++;
        // What a restart finds: the post is whole; the temp file is swept when the blog opens,
        // removed or kept as a backup holding (a start of) a version, never left in the blog.
        const folder = path.posix.dirname(post);
        const swept = await sweepLeftovers(
          root,
          temps.map((t) => `${folder}/${t}`),
          backups,
        );
        expect(swept.kept).toEqual([]);
        for (const backup of (await backups.list(root)).filter((k) => k.path === post)) {
          // A kill during the temp file's write leaves a part of it: offered, never applied.
          expect(a.startsWith(backup.text) || b.startsWith(backup.text)).toBe(true);
          await backups.remove(root, post);
          tally.recovered++;
        }
        expect(readdirSync(path.dirname(file)).filter((n) => temps.includes(n))).toEqual([]);
      }
      expect(text === a || text === b, `${post}, kill ${kill}: ${text.length} bytes, torn`).toBe(
        true,
      );
    }
  } finally {
    next.kill();
    await next.exited.catch(() => undefined);
  }
}

describe('saves killed with SIGKILL', () => {
  it(`leave the old or the new file, never a torn or empty one (${KILLS} kills)`, async () => {
    const root = await tempFolder();
    const script = await bundleFaultScript('save-loop', await tempFolder());
    const posts = Array.from({ length: LANES }, (_, i) => `source/_posts/kill-me-${i}.md`);
    await writeFiles(root, Object.fromEntries(posts.map((p) => [p, versionText('A')])));
    const tally: Tally = { A: 0, B: 0, torn: 0, midWrite: 0, recovered: 0 };
    const backups = createBackupStore(await tempFolder());
    const started = Date.now();

    await Promise.all(
      posts.map((post) => lane(script, root, post, Math.ceil(KILLS / LANES), tally, backups)),
    );

    const total = tally.A + tally.B + tally.torn;
    console.log(
      `[save-kill] ${total} SIGKILLs in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `old version on disk ${tally.A}, new version ${tally.B}, torn or empty ${tally.torn}; ` +
        `${tally.midWrite} kills landed between the temp file's creation and the rename ` +
        `(${tally.recovered} of their temp files became backups, the rest were removed; none left)`,
    );
    expect(total).toBeGreaterThanOrEqual(100);
    // Both versions were on disk at some kill, or the kills never hit the save loop.
    expect(tally.A).toBeGreaterThan(0);
    expect(tally.B).toBeGreaterThan(0);
    expect(tally.midWrite).toBeGreaterThan(0);
  }, 180_000);
});
