/**
 * Two halves of the transport, both built from the contract's channel lists:
 *
 * - `createBridge(invoke, subscribe)` makes the object installed as `window.folio`: one
 *   method per request channel resolving to an `Envelope`, one `on.<event>` per event.
 *   The preload builds it over `ipcRenderer`; the Chromium test host over Playwright
 *   bindings. Errors travel inside the envelope because an error crossing Electron's
 *   contextBridge keeps only its message, and the writer-facing code needs its `code`.
 * - `createClient(bridge)` (in `renderer/api.ts`) unwraps envelopes into values or
 *   thrown `FolioError`s, giving the typed `FolioApi`.
 */
import type { Envelope, EventPayload, FolioApi } from './api.ts';
import {
  eventChannels,
  requestChannels,
  type EventChannel,
  type RequestChannel,
} from './channels.ts';
import { errorCodes, FolioError, type ErrorCode } from './errors.ts';

export type Invoke = (channel: RequestChannel, args: unknown) => Promise<Envelope<unknown>>;
export type Subscribe = (channel: EventChannel, listener: (payload: unknown) => void) => () => void;

export type FolioBridge = {
  [C in RequestChannel]: (args: unknown) => Promise<Envelope<unknown>>;
} & {
  on: { [E in EventChannel]: (listener: (payload: EventPayload<E>) => void) => () => void };
};

/**
 * Self-contained on purpose (it reads nothing from module scope but its defaults): the
 * Chromium test host installs this very function into the page from its source text.
 */
export function createBridge(
  invoke: Invoke,
  subscribe: Subscribe,
  channels: {
    requestChannels: readonly RequestChannel[];
    eventChannels: readonly EventChannel[];
  } = {
    requestChannels,
    eventChannels,
  },
): FolioBridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of channels.requestChannels) {
    bridge[channel] = (args: unknown) => invoke(channel, args ?? {});
  }
  const on: Record<string, unknown> = {};
  for (const channel of channels.eventChannels) {
    // The listener receives the payload only, never the IPC event (security checklist 2).
    on[channel] = (listener: (payload: unknown) => void) =>
      subscribe(channel, (payload) => listener(payload));
  }
  bridge.on = on;
  return bridge as FolioBridge;
}

function toCode(code: string): ErrorCode {
  return (errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL';
}

export function createClient(bridge: FolioBridge): FolioApi {
  const api: Record<string, unknown> = {};
  for (const channel of requestChannels) {
    api[channel] = async (args: unknown = {}) => {
      const envelope = await bridge[channel](args);
      if (envelope.ok) return envelope.value;
      throw new FolioError(toCode(envelope.error.code), envelope.error.message);
    };
  }
  api.on = bridge.on;
  return api as FolioApi;
}
