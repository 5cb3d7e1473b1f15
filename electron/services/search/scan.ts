/**
 * Search by a plain scan over the posts' lowercased texts held in memory: no index to
 * build, so it answers as soon as the texts are loaded (a second or so after a folder
 * opens) while the full-text index builds in the background. Words are looked for in
 * turn, each only in the posts that matched the words before it, and counting stops at
 * CAP matches per post. Ranks exactly as the index does (score.ts).
 */
import type { SearchDoc } from './documents.ts';
import { CAP, META_WEIGHT, PREFIX_WEIGHT, TopK, contribution, type Ranked } from './score.ts';
import { nextMatch, type QueryTerm } from './text.ts';

/** Adds the matches of `term` in `text` to `w` (each `weight`, half for prefixes) until CAP. */
function accumulate(text: string, term: QueryTerm, weight: number, w: number): number {
  let from = 0;
  let total = w;
  while (total < CAP) {
    const match = nextMatch(text, term, from);
    if (match < 0) break;
    total += (match & 1) === 1 ? weight : weight * PREFIX_WEIGHT;
    from = (match >>> 1) + term.text.length;
  }
  return total;
}

/** 1 when the title has the word, 0.5 when only as a prefix, else 0. */
export function titleMatch(titleLower: string, term: QueryTerm): number {
  let best = 0;
  for (let from = 0; ;) {
    const match = nextMatch(titleLower, term, from);
    if (match < 0) return best;
    if ((match & 1) === 1) return 1;
    best = PREFIX_WEIGHT;
    from = (match >>> 1) + term.text.length;
  }
}

export function scanSearch(
  docs: readonly SearchDoc[],
  terms: readonly QueryTerm[],
  avgLength: number,
  limit: number,
): Ranked[] {
  if (terms.length === 0) return [];
  let candidates = docs.filter((d) => d.live && d.body !== null);
  let scores: number[] = new Array<number>(candidates.length).fill(0);
  for (const term of terms) {
    const nextCandidates: SearchDoc[] = [];
    const nextScores: number[] = [];
    for (let k = 0; k < candidates.length; k++) {
      const doc = candidates[k]!;
      const title = titleMatch(doc.titleLower, term);
      let w = accumulate(doc.meta, term, META_WEIGHT, 0);
      if (w < CAP) w = accumulate(doc.body!, term, 1, w);
      if (w === 0 && title === 0) continue;
      nextCandidates.push(doc);
      nextScores.push(scores[k]! + contribution(w, title, doc.length, avgLength));
    }
    candidates = nextCandidates;
    scores = nextScores;
    if (candidates.length === 0) return [];
  }
  const top = new TopK(limit);
  for (let k = 0; k < candidates.length; k++) {
    const doc = candidates[k]!;
    top.offer(doc.id, scores[k]!, doc.dateValue, doc.path);
  }
  return top.items;
}
