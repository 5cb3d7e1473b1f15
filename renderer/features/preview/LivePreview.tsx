import { Text } from '@codemirror/state';
import { useEffect, useState, type ComponentProps } from 'react';
import { Preview, type ParsedHead } from './Preview.tsx';

/**
 * The text the preview shows, handed over outside the app's React state: a new text
 * re-renders the preview alone, not the whole window around it (typing in a long post sends
 * one a frame).
 */
export interface LiveText {
  get(): LiveSource;
  /** The text, and its front matter as the app has already parsed it (null: parse it here). */
  set(text: Text, head?: ParsedHead | null): void;
  subscribe(listener: (source: LiveSource) => void): () => void;
}

export interface LiveSource {
  text: Text;
  head: ParsedHead | null;
}

export function createLiveText(): LiveText {
  let current: LiveSource = { text: Text.empty, head: null };
  const listeners = new Set<(source: LiveSource) => void>();
  return {
    get: () => current,
    set(text, head = null) {
      if (text === current.text && head === current.head) return;
      current = { text, head };
      for (const listener of listeners) listener(current);
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
}: Omit<ComponentProps<typeof Preview>, 'source' | 'head'> & { text: LiveText }) {
  const [source, setSource] = useState(text.get);
  // A plain state update (not useSyncExternalStore, which renders synchronously): the render
  // runs as its own task after the frame that set the text, not inside it. The app sets the
  // text from events and effects, never while this first renders, so none is missed.
  useEffect(() => text.subscribe(setSource), [text]);
  return <Preview source={source.text} head={source.head} {...props} />;
}
