/**
 * The question asked when a window with unsaved posts is closed (or the app quits): Save,
 * Don't Save, Cancel, in the platform's usual order and wording. Pure, so the wiring in
 * electron/window.ts is one line and the meaning of each button is tested.
 */
export const CLOSE_PROMPT = {
  type: 'warning' as const,
  buttons: ['Save', 'Don’t Save', 'Cancel'],
  defaultId: 0,
  cancelId: 2,
  noLink: true,
  message: 'Do you want to save the changes you made?',
  detail: 'Your changes will be lost if you don’t save them.',
};

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** The button index the dialog returned, as what to do; anything unexpected cancels. */
export function closeChoice(index: number): CloseChoice {
  if (index === 0) return 'save';
  if (index === 1) return 'discard';
  return 'cancel';
}
