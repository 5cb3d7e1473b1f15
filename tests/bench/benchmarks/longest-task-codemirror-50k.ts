import { openCodeMirrorAlone } from '../browser.ts';
import { longestTaskTyping } from './preview-50k-longest-task.ts';

/** preview-50k-longest-task's floor: the same typing in CodeMirror 6 with Markdown alone. */
export default longestTaskTyping('longest-task-codemirror-50k', () => openCodeMirrorAlone(50_000));
