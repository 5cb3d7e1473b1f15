/**
 * Run as its own process by memory-10k: the main process's services alone (no browser, no
 * test driver) with the 10,000-post blog open, searched once, its index and health check
 * done. Prints `{"rssMb","heapMb"}` after a garbage collection.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createFolio } from '../../electron/services/handlers.ts';
import { createSettingsStore } from '../../electron/services/settings/settings.ts';
import { corpus10k, tempFolder, whenServicesQuiet } from './shared.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const dataFolder = tempFolder('main-memory');
const folio = createFolio({
  settings: createSettingsStore(dataFolder),
  assetBase: 'app://folio/@asset/',
  dataFolder,
  pickFolder: async () => null,
  pickFile: async () => null,
  openExternal: async () => undefined,
  emit: () => undefined,
});
await folio.openFolder(corpus10k());
const { handlers } = folio;
await handlers.listPosts(undefined as never);
await handlers.searchPosts({ query: 'soup' });
await whenServicesQuiet(handlers);
await handlers.searchPosts({ query: 'theme' });
gc();
const { rss, heapUsed } = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20 })}\n`);
await folio.dispose();
process.exit(0);
