/**
 * Search by a plain scan over the posts' lowercased texts held in memory: no index to
 * build, so it answers as soon as the texts are loaded (a second or so after a folder
 * opens) while the full-text index builds in the background. A post's text is read only
 * where its trigram filter (trigram-filter.ts) says a word may be, and counted only while
 * the post can still make the list (scanSearch); counting stops at CAP matches per post. Ranks exactly as the index (score.ts).
 */
import type { SearchDoc } from './documents.ts';
import { CAP, META_WEIGHT, PREFIX_WEIGHT, TopK, contribution, type Ranked } from './score.ts';
import { nextMatch, type QueryTerm } from './text.ts';
import { mayContain, wordProbe } from './trigram-filter.ts';

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

interface Candidate {
  doc: SearchDoc;
  /** Title match per query word. */
  titles: number[];
  /** The best score the post could have: every word matched CAP times. */
  bound: number;
}

/**
 * The best `limit` posts that match every word. A post's text is read only when its
 * score can still matter: the posts whose title or trigram filter has every word get a
 * bound (their score if every word matched CAP times), and exact scores (counting
 * matches) are worked out in order of that bound until the next bound is below the last
 * of the `limit` best so far: no post after it can make the list. Scores add the words'
 * contributions in query order, as the index does, so both give the same numbers.
 */
export function scanSearch(
  docs: readonly SearchDoc[],
  terms: readonly QueryTerm[],
  avgLength: number,
  limit: number,
): Ranked[] {
  if (terms.length === 0 || limit <= 0) return [];
  const probes = terms.map((t) => (t.cjk ? null : wordProbe(t.text)));
  const mayHave = (doc: SearchDoc, t: number): boolean => {
    const probe = probes[t]!;
    return !probe || !doc.filter || mayContain(doc.filter, 0, probe);
  };
  const candidates: Candidate[] = [];
  for (const doc of docs) {
    if (!doc.live || doc.body === null) continue;
    const titles: number[] = [];
    let bound = 0;
    let t = 0;
    for (; t < terms.length; t++) {
      const title = titleMatch(doc.titleLower, terms[t]!);
      if (title === 0 && !mayHave(doc, t)) break;
      titles.push(title);
      bound += contribution(CAP, title, doc.length, avgLength);
    }
    if (t === terms.length) candidates.push({ doc, titles, bound });
  }
  candidates.sort((a, b) => b.bound - a.bound);
  const top = new TopK(limit);
  next: for (const { doc, titles, bound } of candidates) {
    if (top.items.length === limit && bound < top.items[limit - 1]!.score) break;
    let score = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      let w = 0;
      if (mayHave(doc, t)) {
        w = accumulate(doc.meta, term, META_WEIGHT, 0);
        if (w < CAP) w = accumulate(doc.body!, term, 1, w);
      }
      // Every word must match.
      if (w === 0 && titles[t] === 0) continue next;
      score += contribution(w, titles[t]!, doc.length, avgLength);
    }
    top.offer(doc.id, score, doc.dateValue, doc.path);
  }
  return top.items;
}
