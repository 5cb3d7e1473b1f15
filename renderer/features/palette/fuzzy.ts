/**
 * The palette's matcher: the query's letters in order, case-insensitive, scored so that
 * word starts and runs of adjacent letters win (`tp` finds "Toggle Preview" before
 * "Settings: Typewriter"). Pure, for tests.
 */
export interface FuzzyMatch {
  score: number;
  /** Indexes of the matched characters in the text. */
  positions: number[];
}

const isWordStart = (text: string, i: number) =>
  i === 0 ||
  /[\s:/_\-.(]/.test(text[i - 1]!) ||
  (/[a-z]/.test(text[i - 1]!) && /[A-Z]/.test(text[i]!));

/** Positions of `q` in `lower` from `start`; `jump` prefers later word starts over mid-word letters. */
function align(
  q: string,
  text: string,
  lower: string,
  start: number,
  jump: boolean,
): number[] | null {
  const positions = [start];
  let at = start + 1;
  for (let k = 1; k < q.length; k++) {
    const next = lower.indexOf(q[k]!, at);
    if (next === -1) return null;
    let pick = next;
    if (jump && next !== at) {
      for (let j = next; j !== -1; j = lower.indexOf(q[k]!, j + 1)) {
        if (isWordStart(text, j)) {
          pick = j;
          break;
        }
      }
    }
    positions.push(pick);
    at = pick + 1;
  }
  return positions;
}

/**
 * A letter that continues a run keeps the bonus of the run's first letter, as fzf does:
 * "field" typed whole must beat f…i…e…l…D strewn over a random temp folder's name, where
 * each scattered letter may happen to sit at a word start.
 */
function scoreOf(text: string, positions: number[]): number {
  let score = 0;
  let runBonus = 0;
  positions.forEach((p, i) => {
    const start = isWordStart(text, p) ? 8 : 0;
    if (i > 0 && p === positions[i - 1]! + 1) {
      runBonus = Math.max(runBonus, start);
      score += 1 + 5 + runBonus;
    } else {
      runBonus = start;
      score += 1 + start;
    }
  });
  return score - positions[0]! * 0.1 - text.length * 0.01;
}

export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return { score: 0, positions: [] };
  const lower = text.toLowerCase();
  let best: FuzzyMatch | null = null;
  for (let start = lower.indexOf(q[0]!); start !== -1; start = lower.indexOf(q[0]!, start + 1)) {
    for (const jump of [true, false]) {
      const positions = align(q, text, lower, start, jump);
      if (!positions) continue;
      const score = scoreOf(text, positions);
      if (!best || score > best.score) best = { score, positions };
    }
  }
  return best;
}

/** Items matching the query, best first; ties keep their order. */
export function fuzzyFilter<T>(
  items: readonly T[],
  query: string,
  text: (item: T) => string,
): Array<{ item: T; match: FuzzyMatch }> {
  const out: Array<{ item: T; match: FuzzyMatch; index: number }> = [];
  items.forEach((item, index) => {
    const match = fuzzyMatch(query, text(item));
    if (match) out.push({ item, match, index });
  });
  return out
    .sort((a, b) => b.match.score - a.match.score || a.index - b.index)
    .map(({ item, match }) => ({ item, match }));
}
