/**
 * Every request channel, generated from the contract so a new channel is covered the day it
 * is added: a call with an unknown field, with any field of the wrong type, or with no object
 * at all is refused with INVALID_ARGUMENT naming the field, and the handler never runs.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { requests, type Handlers } from '../../shared/api.ts';
import { requestChannels } from '../../shared/channels.ts';
import { createDispatcher } from '../../electron/services/dispatch.ts';

const called: string[] = [];
const handlers = Object.fromEntries(
  requestChannels.map((channel) => [
    channel,
    async () => {
      called.push(channel);
      throw new Error(`${channel} ran on malformed arguments`);
    },
  ]),
) as unknown as Handlers;
const dispatch = createDispatcher(handlers);

/** One value of each JSON type (and a few JavaScript ones) to try in every field. */
const candidates: unknown[] = [
  42,
  -1,
  1.5,
  Number.NaN,
  'text',
  '',
  'x'.repeat(70 * 1024 * 1024),
  true,
  null,
  [],
  ['a'],
  {},
  { nested: { deeper: 1 } },
];

function fieldsOf(channel: (typeof requestChannels)[number]): Record<string, z.ZodType> {
  return (requests[channel].args as unknown as { shape: Record<string, z.ZodType> }).shape;
}

const wrongValues = requestChannels.flatMap((channel) =>
  Object.entries(fieldsOf(channel)).flatMap(([field, schema]) =>
    candidates
      .filter((value) => !schema.safeParse(value).success)
      .map((value) => [channel, field, value] as const),
  ),
);

describe('malformed IPC calls, for every channel', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(requests).sort()).toEqual([...requestChannels].sort());
  });

  it.each(requestChannels.map((c) => [c]))('%s: unknown field refused', async (channel) => {
    const envelope = await dispatch(channel, { __proto__: null, injected: 'x' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(!envelope.ok && envelope.error.message).toMatch(/injected|Unrecognized key/);
    expect(called).toEqual([]);
  });

  it.each(requestChannels.map((c) => [c]))('%s: non-object arguments refused', async (channel) => {
    for (const args of [42, 'a', true, [], [{}], () => 1]) {
      const envelope = await dispatch(channel, args);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(called).toEqual([]);
  });

  it('tries a wrong type in every field of every channel', () => {
    // Each field of each channel with arguments gets at least one wrong value.
    const fields = new Set(wrongValues.map(([c, f]) => `${c}.${f}`));
    for (const channel of requestChannels) {
      for (const field of Object.keys(fieldsOf(channel))) {
        expect(fields.has(`${channel}.${field}`), `${channel}.${field}`).toBe(true);
      }
    }
    expect(wrongValues.length).toBeGreaterThan(50);
  });

  it.each(wrongValues.map(([c, f, v]) => [c, f, labelOf(v), v]))(
    '%s: %s = %s refused, naming the field',
    async (channel, field, _label, value) => {
      const envelope = await dispatch(channel, { [field as string]: value });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      expect(!envelope.ok && envelope.error.message).toContain(`${field as string}`);
      expect(called).toEqual([]);
    },
  );
});

function labelOf(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 20 ? `a ${value.length}-char string` : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
