/**
 * Child process of tests/unit/save-kill.test.ts: saves one post in a loop through the real
 * save path (readPost, then saveFile, the bytes half of savePost, with the version it returned), alternating between two
 * versions, until it is killed. Prints `ready` once the first read is done.
 *
 * Usage: node save-loop.mjs <blog root> <post path> (bundled by the test)
 */
import { readPost, saveFile } from '../../electron/services/content/post-file.ts';
import { versionText } from './contents.ts';

const [root, post] = process.argv.slice(2) as [string, string];
const texts = [versionText('A'), versionText('B')];

async function main(): Promise<never> {
  let { text, version } = await readPost(root, post);
  process.stdout.write('ready\n');
  for (;;) {
    const next = texts[0] === text ? texts[1]! : texts[0]!;
    version = await saveFile(root, post, next, version);
    text = next;
  }
}

void main();
