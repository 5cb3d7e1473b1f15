/**
 * Child process of tests/unit/odd-folders.test.ts: indexes a blog folder with the real
 * Library and starts the real watcher on it, then prints what it listed and skipped as JSON.
 * The test runs it as an unprivileged user (root reads every file whatever its mode, so an
 * unreadable folder can only be tested as someone else).
 *
 * Usage: node index-folder.mjs <blog root> (bundled by the test)
 */
import { detectBlog } from '../../electron/services/generators/detect-blog.ts';
import { Library } from '../../electron/services/library/library.ts';
import { watchFolders } from '../../electron/services/library/watcher.ts';

const [root] = process.argv.slice(2) as [string];

async function main(): Promise<void> {
  const layout = detectBlog(root);
  // No worker pool: a bundle has no worker file beside it (the pool would fall back anyway).
  const library = new Library({ root, layout, pool: null });
  await library.load();
  const watcher = watchFolders({
    root,
    folders: layout.postFolders,
    recursive: false,
    watchFolder: () => true,
    onChange: () => undefined,
  });
  await watcher.ready;
  watcher.close();
  const result = {
    uid: process.getuid?.() ?? null,
    posts: library.posts().map((p) => p.path),
    skipped: library.skipped(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
