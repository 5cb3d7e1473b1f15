import { ipcMain, type WebFrameMain } from 'electron';
import { requestChannels } from '../shared/channels.ts';
import { createDispatcher } from './services/dispatch.ts';
import type { Handlers } from '../shared/api.ts';
import { isAllowedNavigation } from './services/security/urls.ts';
import { APP_ORIGIN } from './window.ts';

function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && isAllowedNavigation(frame.url, APP_ORIGIN);
}

/** Registers every request channel; arguments are validated by the shared dispatcher. */
export function registerIpc(handlers: Handlers): void {
  const dispatch = createDispatcher(handlers);
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, args: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'Request from an untrusted frame' },
        };
      }
      return dispatch(channel, args);
    });
  }
}
