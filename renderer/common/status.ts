/** What the status bar says: the last action's outcome, and the open post's counts. */
export interface Status {
  kind: 'ok' | 'error';
  text: string;
}

export interface DocStats {
  words: number;
  minutes: number;
  /** Characters selected in the editor. */
  selected: number;
}
