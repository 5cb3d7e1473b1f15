import { Text } from '@codemirror/state';
import { languages } from '@codemirror/language-data';
import { describe, expect, it } from 'vitest';
import { fenceLanguages } from '../../renderer/editor/fence-languages.ts';

describe('the code languages a post names, loaded before the editor’s parser reaches them', () => {
  it('finds each fence’s language once, in backtick and tilde fences, and skips unknown names', async () => {
    const doc = Text.of(
      [
        '# Notes',
        '```js',
        'let a = 1;',
        '```',
        '   ~~~~python extra words',
        'print(1)',
        '~~~~',
        '```js title="again"',
        '```',
        '```no-such-language',
        '```',
        '```',
        'plain',
        '```',
        'Inline ```ruby``` is not a fence.',
      ]
        .join('\n')
        .split('\n'),
    );
    const found = fenceLanguages(doc, languages);
    expect(found.map((l) => l.name).sort()).toEqual(['JavaScript', 'Python']);
    // Once loaded, a language is not asked for again.
    await found[0]!.load();
    expect(fenceLanguages(doc, languages)).toHaveLength(1);
  });
});
