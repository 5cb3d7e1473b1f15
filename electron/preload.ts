/**
 * Bundled into one file for the sandbox. Exposes one method per contract operation and
 * nothing else: no generic send/invoke, no `process`, listeners never see the IPC event.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../shared/client.ts';

contextBridge.exposeInMainWorld(
  'folio',
  createBridge(
    (channel, args) => ipcRenderer.invoke(channel, args),
    (channel, listener) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => ipcRenderer.removeListener(channel, handler);
    },
  ),
);
