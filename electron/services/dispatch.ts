import { requests, type Envelope, type Handlers, type RequestChannel } from '../../shared/api.ts';
import { FolioError, toErrorPayload } from '../../shared/errors.ts';

function describeIssues(error: {
  issues: Array<{ path: PropertyKey[]; message: string }>;
}): string {
  return error.issues
    .map(
      (issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ` : '') + issue.message,
    )
    .join('; ');
}

/**
 * One entry point for every request: validates the channel and its arguments against the
 * contract, calls the handler, and returns errors as data. Both hosts go through it.
 */
export function createDispatcher(handlers: Handlers) {
  return async (channel: unknown, args: unknown): Promise<Envelope<unknown>> => {
    try {
      if (typeof channel !== 'string' || !Object.hasOwn(requests, channel)) {
        throw new FolioError('INVALID_ARGUMENT', `Unknown request “${String(channel)}”`);
      }
      const name = channel as RequestChannel;
      const parsed = requests[name].args.safeParse(args ?? {});
      if (!parsed.success) {
        throw new FolioError(
          'INVALID_ARGUMENT',
          `Invalid arguments for ${name}: ${describeIssues(parsed.error)}`,
        );
      }
      const handler = handlers[name] as (args: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  };
}
