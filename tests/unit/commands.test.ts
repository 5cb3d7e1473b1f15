import { describe, expect, it } from 'vitest';
import { CommandRegistry, builtin } from '../../renderer/common/commands.ts';
import { fuzzyFilter, fuzzyMatch } from '../../renderer/features/palette/fuzzy.ts';
import { menuCommands } from '../../shared/channels.ts';
import {
  commandInfo,
  displayKey,
  keyFor,
  matchesKey,
  toAccelerator,
  type KeyPress,
} from '../../shared/commands.ts';

const press = (over: Partial<KeyPress>): KeyPress => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...over,
});

describe('keys', () => {
  it('are shown the way each OS writes them', () => {
    expect(displayKey('Mod+Shift+P', 'mac')).toBe('⇧⌘P');
    expect(displayKey('Mod+Shift+P', 'other')).toBe('Ctrl+Shift+P');
    expect(displayKey('Mod+Alt+S', 'mac')).toBe('⌥⌘S');
    expect(displayKey('F8', 'other')).toBe('F8');
    expect(toAccelerator('Mod+Shift+P')).toBe('CmdOrCtrl+Shift+P');
  });

  it('match the physical key with exactly the modifiers named', () => {
    const ctrlShiftP = press({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true });
    expect(matchesKey('Mod+Shift+P', ctrlShiftP, 'other')).toBe(true);
    expect(matchesKey('Mod+P', ctrlShiftP, 'other')).toBe(false);
    expect(matchesKey('Mod+Shift+P', ctrlShiftP, 'mac')).toBe(false);
    const cmdShiftP = press({ key: 'p', code: 'KeyP', metaKey: true, shiftKey: true });
    expect(matchesKey('Mod+Shift+P', cmdShiftP, 'mac')).toBe(true);
    // Option changes the character on macOS (⌥⌘S types ß); the key is still S.
    const optCmdS = press({ key: 'ß', code: 'KeyS', metaKey: true, altKey: true });
    expect(matchesKey('Mod+Alt+S', optCmdS, 'mac')).toBe(true);
    expect(matchesKey('Mod+=', press({ key: '=', code: 'Equal', ctrlKey: true }), 'other')).toBe(
      true,
    );
    expect(matchesKey('F8', press({ key: 'F8', code: 'F8' }), 'other')).toBe(true);
  });

  it('are not given to two built-in commands on the same OS', () => {
    for (const os of ['mac', 'other'] as const) {
      const keys = Object.values(commandInfo)
        .map((info) => keyFor(info.key, os))
        .filter(Boolean);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('exist for every command id the menu may send', () => {
    expect(Object.keys(commandInfo).sort()).toEqual([...menuCommands].sort());
  });
});

describe('the command registry', () => {
  it('runs a command by id, unless it is disabled or unknown', () => {
    const registry = new CommandRegistry('other');
    const ran: string[] = [];
    let canSave = false;
    registry.register(
      builtin(
        'save',
        () => ran.push('save'),
        () => canSave,
      ),
    );
    expect(registry.run('save')).toBe(false);
    canSave = true;
    expect(registry.run('save')).toBe(true);
    expect(registry.run('gitSync')).toBe(false);
    expect(ran).toEqual(['save']);
  });

  it('passes the argument (Open Recent’s folder) through', () => {
    const registry = new CommandRegistry('other');
    const opened: Array<string | undefined> = [];
    registry.register(builtin('openRecent', (folder) => opened.push(folder)));
    registry.run('openRecent', '/blog');
    expect(opened).toEqual(['/blog']);
  });

  it('finds the command for a key, leaving the editor its own keys', () => {
    const registry = new CommandRegistry('other');
    registry.register(builtin('commandPalette', () => undefined));
    registry.register(builtin('undo', () => undefined));
    const found = registry.forKey(press({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true }));
    expect(found?.id).toBe('commandPalette');
    expect(registry.forKey(press({ key: 'z', code: 'KeyZ', ctrlKey: true }))).toBeUndefined();
    expect(registry.shortcut(found!)).toBe('Ctrl+Shift+P');
  });

  it('lists what the palette may offer and forgets what is unregistered', () => {
    const registry = new CommandRegistry('mac');
    const off = registry.register(builtin('togglePreview', () => undefined));
    registry.register(
      builtin(
        'saveAll',
        () => undefined,
        () => false,
      ),
    );
    registry.register(builtin('openRecent', () => undefined));
    expect(registry.available().map((c) => c.id)).toEqual(['togglePreview']);
    off();
    expect(registry.available()).toEqual([]);
  });
});

describe('the palette’s fuzzy match', () => {
  it('finds letters in order, case-insensitively, and marks them', () => {
    expect(fuzzyMatch('tgpv', 'View: Toggle Preview')?.positions).toEqual([6, 8, 13, 16]);
    expect(fuzzyMatch('xyz', 'View: Toggle Preview')).toBeNull();
  });

  it('ranks word starts and runs above scattered letters', () => {
    const titles = ['File: Save All', 'View: Toggle Sidebar', 'File: Save'];
    expect(fuzzyFilter(titles, 'sa', (t) => t).map((r) => r.item)).toEqual([
      'File: Save',
      'File: Save All',
      'View: Toggle Sidebar',
    ]);
    expect(fuzzyFilter(['View: Zoom In', 'View: Toggle Preview'], 'tp', (t) => t)[0]!.item).toBe(
      'View: Toggle Preview',
    );
  });

  it('ranks a whole word above the same letters strewn over a path', () => {
    // From a CI run: the temp folder's random name held f…i…e…l…D, and "second-blog"
    // outranked the entry that says "field" outright.
    const recent = [
      'Open Recent: second-blog — /tmp/folio-e2e-xZ5lDv/second-blog',
      'Open Recent: field-notes — /tmp/folio-e2e-xZ5lDv/field-notes',
    ];
    expect(fuzzyFilter(recent, 'open recent field', (t) => t)[0]!.item).toBe(recent[1]);
    expect(
      fuzzyFilter(['Settings: Typewriter', 'View: Toggle Preview'], 'tp', (t) => t)[0]!.item,
    ).toBe('View: Toggle Preview');
  });

  it('does not lose a match by preferring a word start that leads nowhere', () => {
    expect(fuzzyMatch('abc', 'a_xbc_b')?.positions).toEqual([0, 3, 4]);
  });
});
