import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import { requestChannels } from '../shared/channels.ts';
import { createDispatcher } from './services/dispatch.ts';
import type { Handlers } from '../shared/api.ts';
import { isAllowedNavigation } from './services/security/urls.ts';
import { APP_ORIGIN } from './window.ts';

function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && isAllowedNavigation(frame.url, APP_ORIGIN);
}

/**
 * Registers every request channel; arguments are validated by the shared dispatcher. Each
 * window has its own handlers (its own blog), found from the sender.
 */
export function registerIpc(handlersFor: (sender: WebContents) => Handlers | null): void {
  const dispatchers = new WeakMap<Handlers, ReturnType<typeof createDispatcher>>();
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, args: unknown) => {
      const handlers = handlersFor(event.sender);
      if (!isTrustedSender(event.senderFrame) || !handlers) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'Request from an untrusted frame' },
        };
      }
      let dispatch = dispatchers.get(handlers);
      if (!dispatch) dispatchers.set(handlers, (dispatch = createDispatcher(handlers)));
      return dispatch(channel, args);
    });
  }
}
