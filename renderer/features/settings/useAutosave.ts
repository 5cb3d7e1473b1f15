import { useEffect, useRef, type RefObject } from 'react';
import type { Settings } from '../../../shared/settings.ts';

/**
 * Autosave, as the writer chose: off; a set number of seconds after the last edit; or when
 * the focus leaves the editor or the window. `edited` (set into `editedRef`) is called on
 * every change of the text.
 */
export function useAutosave(
  settings: Pick<Settings, 'autosave' | 'autosaveDelaySeconds'>,
  saveAll: () => Promise<void>,
  editedRef: RefObject<() => void>,
): void {
  const latestSave = useRef(saveAll);
  useEffect(() => {
    latestSave.current = saveAll;
  }, [saveAll]);

  const { autosave, autosaveDelaySeconds } = settings;

  useEffect(() => {
    if (autosave !== 'afterDelay') {
      editedRef.current = () => undefined;
      return;
    }
    let timer = 0;
    editedRef.current = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void latestSave.current(), autosaveDelaySeconds * 1000);
    };
    return () => {
      window.clearTimeout(timer);
      editedRef.current = () => undefined;
    };
  }, [autosave, autosaveDelaySeconds, editedRef]);

  useEffect(() => {
    if (autosave !== 'onFocusChange') return;
    const save = () => void latestSave.current();
    const onFocusOut = (event: FocusEvent) => {
      const from = event.target as Element | null;
      const to = event.relatedTarget as Element | null;
      if (from?.closest('.cm-editor') && !to?.closest('.cm-editor')) save();
    };
    window.addEventListener('blur', save);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      window.removeEventListener('blur', save);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, [autosave]);
}
