import { openLongPostBench } from '../browser.ts';
import { inputLatency } from './input-latency-50k.ts';

/** The same keys in a post of 100 words: what a keystroke costs Folio whatever the post's length. */
export default inputLatency('input-latency-100', () => openLongPostBench(100));
