/**
 * Errors that cross the IPC boundary. Electron's `ipcMain.handle` flattens thrown errors
 * into a generic message, so handlers return `{ code, message }` and the client re-throws
 * a `FolioError` on the renderer side.
 */
export const errorCodes = [
  'OUTSIDE_FOLDER',
  'NOT_FOUND',
  'NO_FOLDER',
  'NOT_A_FOLDER',
  'CONFLICT',
  'INVALID_ARGUMENT',
  'FORBIDDEN_SENDER',
  'FRONT_MATTER',
  'NOT_TEXT',
  'TOO_LARGE',
  'IO',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export class FolioError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'FolioError';
    this.code = code;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export function isFolioError(value: unknown): value is FolioError {
  return value instanceof FolioError;
}

/** Any thrown value as a payload a writer can read; unknown failures keep their message. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof FolioError) return error.toPayload();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
