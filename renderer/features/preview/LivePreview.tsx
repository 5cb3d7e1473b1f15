import { useEffect, useState, type ComponentProps } from 'react';
import { Preview } from './Preview.tsx';

/**
 * The text the preview shows, handed over outside the app's React state: a new text
 * re-renders the preview alone, not the whole window around it (typing in a long post sends
 * one a frame).
 */
export interface LiveText {
  get(): string;
  set(text: string): void;
  subscribe(listener: (text: string) => void): () => void;
}

export function createLiveText(): LiveText {
  let current = '';
  const listeners = new Set<(text: string) => void>();
  return {
    get: () => current,
    set(text) {
      if (text === current) return;
      current = text;
      for (const listener of listeners) listener(text);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** The preview of whatever `text` holds, following its changes. */
export function LivePreview({
  text,
  ...props
}: Omit<ComponentProps<typeof Preview>, 'source'> & { text: LiveText }) {
  const [source, setSource] = useState(text.get);
  // A plain state update (not useSyncExternalStore, which renders synchronously): the render
  // runs as its own task after the frame that set the text, not inside it. The app sets the
  // text from events and effects, never while this first renders, so none is missed.
  useEffect(() => text.subscribe(setSource), [text]);
  return <Preview source={source} {...props} />;
}
