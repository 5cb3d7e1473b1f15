/**
 * Real temporary folders for unit tests: created under the OS temp folder, removed after
 * each test. Services are tested against the file system, never a mock of it.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { FolioError, type ErrorCode } from '../../../shared/errors.ts';

/** Returns a function making a fresh real-path temp folder; all are removed after each test. */
export function useTempFolders(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    // Retries: a write the test did not wait for may still be landing; its cleanup must not fail it.
    const remove = (dir: string) =>
      rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    await Promise.all(made.splice(0).map(remove));
  });
  return async () => {
    const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'folio-unit-')));
    made.push(dir);
    return dir;
  };
}

/** Writes files (relative path -> content), creating their folders. */
export async function writeFiles(
  root: string,
  files: Record<string, string | Uint8Array>,
): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** The FolioError code a promise rejects with; fails the test when it resolves or throws another error. */
export async function errorCodeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FolioError) return error.code;
    throw error;
  }
  throw new Error('Expected a FolioError, but the call succeeded');
}

/** Same as errorCodeOf for synchronous calls. */
export function syncErrorCodeOf(call: () => unknown): ErrorCode {
  try {
    call();
  } catch (error) {
    if (error instanceof FolioError) return error.code;
    throw error;
  }
  throw new Error('Expected a FolioError, but the call succeeded');
}

/**
 * Whether a folder chmod-ed to 0o500 really refuses new files for this process. It does not
 * for root (CAP_DAC_OVERRIDE) nor on Windows, so tests that need it probe once and skip.
 */
export function readOnlyFoldersAreEnforced(): boolean {
  if (process.platform === 'win32') return false;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-probe-'));
  try {
    chmodSync(dir, 0o500);
    try {
      writeFileSync(path.join(dir, 'probe'), 'x');
      return false;
    } catch {
      return true;
    }
  } finally {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
}
