/**
 * git's `--progress` lines ("Writing objects:  40% (2/5)") folded into one percentage for
 * the whole operation: each phase git reports gets a slice of 0–100, in the order git runs them.
 */

export interface GitProgress {
  /** What git is doing now, in its words ("Writing objects"). */
  phase: string;
  /** 0–100 over the whole operation. */
  percent: number;
}

type Weights = ReadonlyArray<readonly [phase: string, weight: number]>;

export const pushPhases: Weights = [
  ['Enumerating objects', 5],
  ['Counting objects', 5],
  ['Compressing objects', 10],
  ['Writing objects', 80],
];

export const fetchPhases: Weights = [
  ['remote: Enumerating objects', 5],
  ['remote: Counting objects', 5],
  ['remote: Compressing objects', 10],
  ['Receiving objects', 70],
  ['Resolving deltas', 10],
];

const line = /^(.+?):\s+(\d{1,3})% \(\d+\/\d+\)/;

/** One line of git's stderr (between \r or \n) as overall progress, or null if it is not one. */
export function parseProgress(text: string, phases: Weights): GitProgress | null {
  const match = line.exec(text.trim());
  if (!match) return null;
  const phase = match[1]!;
  const index = phases.findIndex(([name]) => name === phase);
  if (index < 0) return null;
  const total = phases.reduce((sum, [, w]) => sum + w, 0);
  const before = phases.slice(0, index).reduce((sum, [, w]) => sum + w, 0);
  const within = (Math.min(100, Number(match[2])) / 100) * phases[index]![1];
  return {
    phase: phase.replace(/^remote: /, ''),
    percent: Math.round(((before + within) / total) * 100),
  };
}

export { lineSplitter } from '../processes/program.ts';

/**
 * Passes on what a progress bar can show: a new phase, or a new percentage at most every
 * `intervalMs`. git rewrites its progress line for every object, hundreds of times a second,
 * mostly with the same percentage; each report is a message to the window.
 */
export function progressThrottle(
  report: (progress: GitProgress) => void,
  intervalMs = 100,
  now: () => number = () => performance.now(),
): (progress: GitProgress) => void {
  let last: (GitProgress & { at: number }) | null = null;
  return (progress) => {
    const at = now();
    if (last && last.phase === progress.phase) {
      if (last.percent === progress.percent) return;
      if (at - last.at < intervalMs && progress.percent < 100) return;
    }
    last = { ...progress, at };
    report(progress);
  };
}
