/**
 * Child process of tests/unit/save-kill.test.ts: saves one post in a loop through the real
 * save path (readPost, then saveFile, the bytes half of savePost, with the version it returned),
 * alternating between two versions, until it is killed.
 *
 * The test starts the next child while the current one is saving, so a child first prints
 * `loaded` and waits for a line on stdin before it touches the post (reading it earlier would
 * take a version the running child is about to replace). It prints `ready` once the first read
 * is done, and then only saves.
 *
 * Usage: node save-loop.mjs <blog root> <post path> (bundled by the test)
 */
import { readPost, saveFile } from '../../electron/services/content/post-file.ts';
import { versionText } from './contents.ts';

const [root, post] = process.argv.slice(2) as [string, string];
const texts = [versionText('A'), versionText('B')];

async function main(): Promise<never> {
  process.stdout.write('loaded\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  let { text, version } = await readPost(root, post);
  process.stdout.write('ready\n');
  for (;;) {
    const next = texts[0] === text ? texts[1]! : texts[0]!;
    version = await saveFile(root, post, next, version);
    text = next;
  }
}

void main();
