/**
 * External links, checked only when the writer asks (Check external links): each URL once,
 * a few at a time, one request per host at a time with a pause between, HEAD first (GET when
 * the server refuses HEAD), a timeout, and "offline" when no host can be reached at all
 * rather than a list of broken links.
 */
import http from 'node:http';
import https from 'node:https';
import type { LinkResult } from '../../../shared/health/checks.ts';

export interface CheckOptions {
  concurrency?: number;
  timeoutMs?: number;
  /** The pause between two requests to one host. */
  perHostMs?: number;
  onProgress?(done: number, total: number): void;
}

const NETWORK_DOWN = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);

export async function checkExternalLinks(
  urls: readonly string[],
  { concurrency = 4, timeoutMs = 8000, perHostMs = 500, onProgress }: CheckOptions = {},
): Promise<LinkResult[]> {
  const unique = [...new Set(urls)].filter((url) => /^https?:\/\//i.test(url));
  const results = new Map<string, LinkResult>();
  const hostFree = new Map<string, number>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++]!;
      const host = hostOf(url);
      if (host === null) {
        results.set(url, { url, state: 'broken', detail: 'not a valid URL' });
        onProgress?.(++done, unique.length);
        continue;
      }
      // One host is asked one thing at a time, with a pause: no site is hammered.
      for (;;) {
        const free = hostFree.get(host) ?? 0;
        const wait = free - Date.now();
        if (wait <= 0) break;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      hostFree.set(host, Number.MAX_SAFE_INTEGER);
      try {
        results.set(url, await checkOne(url, timeoutMs));
      } finally {
        hostFree.set(host, Date.now() + perHostMs);
      }
      onProgress?.(++done, unique.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
  const all = unique.map((url) => results.get(url)!);
  // Nothing answered and every failure was the network's: this computer is offline.
  if (all.length && all.every((r) => r.state === 'unreachable' && r.detail.startsWith('offline')))
    return all.map((r) => ({ ...r, state: 'offline', detail: 'offline: no network' }));
  return all;
}

async function checkOne(url: string, timeoutMs: number): Promise<LinkResult> {
  let answer = await request(url, 'HEAD', timeoutMs);
  // Some servers refuse HEAD (405, 501) or answer it wrongly (403, 404 for HEAD only).
  if ('status' in answer && [403, 404, 405, 501].includes(answer.status))
    answer = await request(url, 'GET', timeoutMs);
  if ('error' in answer) return { url, state: 'unreachable', detail: answer.error };
  const { status, message } = answer;
  const detail = `${status}${message ? ` ${message}` : ''}`;
  if (status >= 200 && status < 300) return { url, state: 'ok', status, detail };
  if (status >= 300 && status < 400)
    return { url, state: 'redirect', status, detail: `${detail} to ${answer.location ?? '?'}` };
  return { url, state: 'broken', status, detail };
}

function request(
  url: string,
  method: 'HEAD' | 'GET',
  timeoutMs: number,
): Promise<{ status: number; message: string; location?: string } | { error: string }> {
  return new Promise((resolve) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.request(
      url,
      { method, timeout: timeoutMs, headers: { 'user-agent': 'Folio link check' } },
      (res) => {
        res.resume();
        resolve({
          status: res.statusCode ?? 0,
          message: res.statusMessage ?? '',
          ...(res.headers.location ? { location: res.headers.location } : {}),
        });
        req.destroy();
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve({ error: `timed out after ${Math.round(timeoutMs / 1000)} s` });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      resolve({
        error: NETWORK_DOWN.has(code) ? `offline or no such host (${code})` : error.message,
      });
    });
    req.end();
  });
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
