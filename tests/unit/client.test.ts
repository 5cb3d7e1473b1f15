import { describe, expect, it } from 'vitest';
import type { Envelope, EventPayload } from '../../shared/api.ts';
import type { EventChannel, RequestChannel } from '../../shared/channels.ts';
import { requestChannels } from '../../shared/channels.ts';
import { createBridge, createClient } from '../../shared/client.ts';
import { FolioError } from '../../shared/errors.ts';
import type { WorkspaceInfo } from '../../shared/models.ts';

/**
 * An in-memory transport standing in for ipcRenderer / Playwright bindings: it records every
 * invoke, answers from `respond`, and delivers events to subscribed listeners.
 */
function fakeTransport(respond: (channel: RequestChannel, args: unknown) => Envelope<unknown>) {
  const calls: Array<{ channel: RequestChannel; args: unknown }> = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  return {
    calls,
    invoke: async (channel: RequestChannel, args: unknown) => {
      calls.push({ channel, args });
      return respond(channel, args);
    },
    subscribe: (channel: EventChannel, listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    /**
     * What the main process sends. The transport also passes a stand-in for the IPC event as
     * a second argument, to show that the bridge never forwards it to the page's listeners.
     */
    emit: <E extends EventChannel>(channel: E, payload: EventPayload<E>) => {
      for (const listener of listeners.get(channel) ?? []) {
        (listener as (...args: unknown[]) => void)(payload, { sender: 'ipc-event' });
      }
    },
    listenerCount: (channel: EventChannel) => listeners.get(channel)?.size ?? 0,
  };
}

const info: WorkspaceInfo = {
  root: '/blog',
  name: 'blog',
  assetBase: 'asset://blog/',
  generator: 'hexo',
  staticRoot: 'source',
  postAssetFolder: false,
  fileNameDates: false,
  futureScheduled: false,
  basePath: '',
  urlConfig: {},
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to reject');
}

describe('createBridge + createClient', () => {
  it('exposes one method per request channel and nothing generic', () => {
    const transport = fakeTransport(() => ({ ok: true, value: null }));
    const bridge = createBridge(transport.invoke, transport.subscribe);
    const api = createClient(bridge);
    expect(Object.keys(bridge).sort()).toEqual([...requestChannels, 'on'].sort());
    expect(Object.keys(api).sort()).toEqual([...requestChannels, 'on'].sort());
    expect(Object.keys(api.on).sort()).toEqual([
      'credentialRequest',
      'fileChanged',
      'gitProgress',
      'healthChanged',
      'indexProgress',
      'menuCommand',
      'postsChanged',
      'saveAllAndClose',
      'settingsChanged',
      'siteServerStatus',
      'workspaceChanged',
    ]);
    expect('invoke' in api || 'send' in api).toBe(false);
  });

  it('sends the arguments on the named channel and resolves with the value', async () => {
    const transport = fakeTransport((channel) =>
      channel === 'openWorkspace' ? { ok: true, value: info } : { ok: true, value: null },
    );
    const api = createClient(createBridge(transport.invoke, transport.subscribe));

    await expect(api.openWorkspace({ path: '/blog' })).resolves.toEqual(info);
    expect(transport.calls).toEqual([{ channel: 'openWorkspace', args: { path: '/blog' } }]);
  });

  it('sends `{}` when a method without arguments is called bare', async () => {
    const transport = fakeTransport(() => ({ ok: true, value: [] }));
    const api = createClient(createBridge(transport.invoke, transport.subscribe));
    await expect(api.listPosts()).resolves.toEqual([]);
    await api.getWorkspace();
    expect(transport.calls).toEqual([
      { channel: 'listPosts', args: {} },
      { channel: 'getWorkspace', args: {} },
    ]);
  });

  it('rejects with a FolioError carrying the code and message of an error envelope', async () => {
    const transport = fakeTransport(() => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'changed on disk' },
    }));
    const api = createClient(createBridge(transport.invoke, transport.subscribe));

    const error = await rejection(
      api.savePost({
        path: 'a.md',
        text: 'x',
        expected: { mtimeMs: 0, size: 0, hash: '0'.repeat(64) },
      }),
    );

    expect(error).toBeInstanceOf(FolioError);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'changed on disk' });
  });

  it('turns an error code it does not know into INTERNAL, keeping the message', async () => {
    const transport = fakeTransport(() => ({
      ok: false,
      error: { code: 'SOMETHING_NEW', message: 'from a newer main process' },
    }));
    const api = createClient(createBridge(transport.invoke, transport.subscribe));
    const error = await rejection(api.listPosts());
    expect(error).toBeInstanceOf(FolioError);
    expect(error).toMatchObject({ code: 'INTERNAL', message: 'from a newer main process' });
  });

  it('passes a transport failure through as a rejection', async () => {
    const api = createClient(
      createBridge(
        async () => {
          throw new Error('channel closed');
        },
        () => () => undefined,
      ),
    );
    await expect(api.getWorkspace()).rejects.toThrow('channel closed');
  });

  it('delivers event payloads, only the payload, to listeners until they unsubscribe', () => {
    const transport = fakeTransport(() => ({ ok: true, value: null }));
    const api = createClient(createBridge(transport.invoke, transport.subscribe));
    const received: unknown[][] = [];
    const unsubscribe = api.on.workspaceChanged((...args: unknown[]) => {
      received.push(args);
    });

    transport.emit('workspaceChanged', info);
    transport.emit('menuCommand', { command: 'save' });
    unsubscribe();
    transport.emit('workspaceChanged', { ...info, name: 'after' });

    expect(received).toEqual([[info]]);
    expect(transport.listenerCount('workspaceChanged')).toBe(0);
  });

  it('keeps listeners of different events apart', () => {
    const transport = fakeTransport(() => ({ ok: true, value: null }));
    const api = createClient(createBridge(transport.invoke, transport.subscribe));
    const commands: string[] = [];
    api.on.menuCommand(({ command }) => commands.push(command));
    transport.emit('menuCommand', { command: 'openFolder' });
    transport.emit('workspaceChanged', info);
    expect(commands).toEqual(['openFolder']);
  });

  it('builds only the channels it is given (how the test host installs it)', async () => {
    const transport = fakeTransport(() => ({ ok: true, value: 'pong' }));
    const bridge = createBridge(transport.invoke, transport.subscribe, {
      requestChannels: ['getWorkspace'],
      eventChannels: [],
    });
    expect(Object.keys(bridge).sort()).toEqual(['getWorkspace', 'on']);
    await expect(bridge.getWorkspace(undefined)).resolves.toEqual({ ok: true, value: 'pong' });
    expect(transport.calls).toEqual([{ channel: 'getWorkspace', args: {} }]);
  });
});
