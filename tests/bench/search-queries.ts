/**
 * The query mix of the search benchmarks: common words of the corpus, rare and absent
 * words (the scan's worst case: nothing stops it early), two-word queries and prefixes.
 */
export const SEARCH_QUERIES = [
  // common
  'garden',
  'coffee',
  'deploy',
  'memory',
  'journey',
  'kitchen',
  'the',
  'photography',
  // rare or absent
  'jalapeño',
  'résumé',
  'xylophone',
  'kubernetes',
  'zeppelin',
  'sourdough',
  'quasar',
  'hippopotamus',
  // two words
  'garden coffee',
  'deploy server',
  'quiet lake',
  'rust memory',
  'winter journey',
  'sourdough starter',
  'camera lens',
  'docker release',
  // prefixes
  'gard',
  'depl',
  'kitc',
  'jour',
  'phot',
  'rec',
  'bro',
  'mount',
] as const;
