import { inputLatency } from './input-latency-50k.ts';

/** The same keys in a post of 100 words: what the browser's own frame takes, the floor. */
export default inputLatency('input-latency-100', 100);
