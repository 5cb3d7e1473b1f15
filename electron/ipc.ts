import { ipcMain, type WebContents } from 'electron';
import { requestChannels } from '../shared/channels.ts';
import { createDispatcher } from './services/dispatch.ts';
import type { Handlers } from '../shared/api.ts';
import { senderRefusal } from './services/security/window-policy.ts';
import { APP_ORIGIN } from './window.ts';

/**
 * Registers every request channel; arguments are validated by the shared dispatcher. Each
 * window has its own handlers (its own blog), found from the sender.
 */
export function registerIpc(handlersFor: (sender: WebContents) => Handlers | null): void {
  const dispatchers = new WeakMap<Handlers, ReturnType<typeof createDispatcher>>();
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, args: unknown) => {
      // Checked on every call, for every channel: a frame that navigated away (or an
      // embedded one) gets no answer but the refusal.
      const refusal = senderRefusal(event.senderFrame?.url, APP_ORIGIN);
      const handlers = handlersFor(event.sender);
      if (refusal || !handlers) {
        return (
          refusal ?? {
            ok: false,
            error: { code: 'FORBIDDEN_SENDER', message: 'Request from an untrusted frame' },
          }
        );
      }
      let dispatch = dispatchers.get(handlers);
      if (!dispatch) dispatchers.set(handlers, (dispatch = createDispatcher(handlers)));
      return dispatch(channel, args);
    });
  }
}
