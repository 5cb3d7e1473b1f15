/** The only reader of `window.folio` (installed by the preload, or by the test host). */
import type { FolioApi } from '../shared/api.ts';
import { createClient, type FolioBridge } from '../shared/client.ts';

declare global {
  interface Window {
    folio?: FolioBridge;
  }
}

function connect(): FolioApi {
  if (!window.folio)
    throw new Error('Folio’s bridge is missing: open this page inside the Folio app');
  return createClient(window.folio);
}

export const api: FolioApi = connect();
