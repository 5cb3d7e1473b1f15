import { describe, expect, it } from 'vitest';
import { classifyGitFailure, tidy } from '../../../electron/services/git/errors.ts';
import {
  fetchPhases,
  lineSplitter,
  parseProgress,
  progressThrottle,
  pushPhases,
} from '../../../electron/services/git/progress.ts';

describe('progress', () => {
  it('folds each push phase into one rising percentage', () => {
    const lines = [
      'Enumerating objects: 5, done.',
      'Counting objects: 100% (5/5), done.',
      'Compressing objects:  50% (1/2)',
      'Writing objects:  40% (2/5)',
      'Writing objects: 100% (5/5), 412 bytes | 412.00 KiB/s, done.',
    ];
    const percents = lines.map((l) => parseProgress(l, pushPhases)?.percent ?? null);
    expect(percents).toEqual([null, 10, 15, 52, 100]);
    expect(parseProgress('Writing objects:  40% (2/5)', pushPhases)?.phase).toBe('Writing objects');
  });

  it('reads the remote’s phases while fetching and ignores other lines', () => {
    expect(parseProgress('remote: Counting objects: 100% (3/3), done.', fetchPhases)).toEqual({
      phase: 'Counting objects',
      percent: 10,
    });
    expect(parseProgress('Receiving objects: 100% (3/3)', fetchPhases)?.percent).toBe(90);
    expect(parseProgress('To /tmp/remote.git', fetchPhases)).toBeNull();
  });

  it('splits a stream at carriage returns and newlines, across chunks', () => {
    const seen: string[] = [];
    const push = lineSplitter((line) => seen.push(line));
    push('Writing objects:  50%');
    push(' (1/2)\rWriting objects: 100% (2/2)\n');
    expect(seen).toEqual(['Writing objects:  50% (1/2)', 'Writing objects: 100% (2/2)']);
  });
  it('passes on a new phase at once, a new percentage at most every interval, never a repeat', () => {
    let clock = 0;
    const seen: string[] = [];
    const report = progressThrottle(
      ({ phase, percent }) => seen.push(`${phase} ${percent}`),
      100,
      () => clock,
    );
    const at = (ms: number, phase: string, percent: number) => {
      clock = ms;
      report({ phase, percent });
    };
    at(0, 'Counting objects', 2);
    at(1, 'Counting objects', 2); // a repeat
    at(20, 'Counting objects', 3); // too soon
    at(30, 'Compressing objects', 5); // a new phase shows at once
    at(60, 'Compressing objects', 5);
    at(140, 'Compressing objects', 8);
    at(150, 'Writing objects', 9);
    at(155, 'Writing objects', 100); // the end always shows
    at(156, 'Writing objects', 100);
    expect(seen).toEqual([
      'Counting objects 2',
      'Compressing objects 5',
      'Compressing objects 8',
      'Writing objects 9',
      'Writing objects 100',
    ]);
  });
});

describe('errors', () => {
  it('keeps the final state of rewritten progress lines', () => {
    expect(tidy('Writing: 50%\rWriting: 100%\nTo remote\n')).toBe('Writing: 100%\nTo remote');
  });

  it('keeps git’s own words for a failure it does not know', () => {
    const error = classifyGitFailure(['frobnicate'], 'fatal: something odd happened\n');
    expect(error.kind).toBe('UNKNOWN');
    expect(error.message).toBe('git frobnicate failed: something odd happened');
  });
});
