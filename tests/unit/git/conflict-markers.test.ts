import { Text } from '@codemirror/state';
import { expect, it } from 'vitest';
import { conflictLines } from '../../../renderer/editor/conflict-markers.ts';

const doc = Text.of([
  'title: x',
  '<<<<<<< HEAD',
  'mine',
  '||||||| base',
  'original',
  '=======',
  'theirs',
  '>>>>>>> origin/main',
  'after',
]);

it('marks the markers and the regions between them', () => {
  expect(conflictLines(doc, 1, 9)).toEqual([
    null,
    'marker',
    'ours',
    'marker',
    'base',
    'marker',
    'theirs',
    'marker',
    null,
  ]);
});

it('knows the region a viewport starts in from the marker above it', () => {
  expect(conflictLines(doc, 7, 8)).toEqual(['theirs', 'marker']);
  expect(conflictLines(doc, 3, 3)).toEqual(['ours']);
});

it('leaves a setext underline and look-alike lines outside a conflict alone', () => {
  const post = Text.of(['A Title', '=======', '=======x', '<<<<<<<<', '> quote', '>>>>>>>']);
  expect(conflictLines(post, 1, 6)).toEqual([null, null, null, null, null, null]);
});
