import { openCodeMirrorAlone } from '../browser.ts';
import { inputLatency } from './input-latency-50k.ts';

/**
 * input-latency-50k's floor: the same post and keys in CodeMirror 6 with Markdown alone
 * (tests/bench/codemirror-page/), in the same Chromium. What the editor and the browser take.
 */
export default inputLatency('input-latency-codemirror-50k', () => openCodeMirrorAlone(50_000));
