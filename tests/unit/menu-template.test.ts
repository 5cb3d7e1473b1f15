import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { commandsIn, menuTemplate, type MenuContext } from '../../electron/menu-template.ts';
import { menuCommands, type MenuCommand } from '../../shared/channels.ts';
import { defaultSettings } from '../../shared/settings.ts';

type Item = MenuItemConstructorOptions & { command?: MenuCommand };

function build(platform: NodeJS.Platform, overrides: Partial<MenuContext['settings']> = {}) {
  const sent: Array<[MenuCommand, string | undefined]> = [];
  const template = menuTemplate({
    platform,
    isPackaged: true,
    settings: { ...defaultSettings, ...overrides },
    send: (command, folder) => sent.push([command, folder]),
    newWindow: () => undefined,
    clearRecent: () => undefined,
  }) as Item[];
  return { template, sent };
}

const labels = (items: Item[]) => items.map((i) => i.label ?? i.role);
const submenu = (items: Item[], label: string) =>
  (items.find((i) => i.label === label)?.submenu ?? []) as Item[];
const item = (items: Item[], label: string) => items.find((i) => i.label === label)!;
const click = (i: Item) => (i.click as unknown as () => void)();

describe('the application menu', () => {
  it('has the menus a writer expects, with the macOS app menu only on macOS', () => {
    expect(labels(build('linux').template)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Post',
      '&Git',
      '&Help',
    ]);
    expect(labels(build('darwin').template)).toEqual([
      'Folio',
      '&File',
      '&Edit',
      '&View',
      '&Post',
      '&Git',
      'windowMenu',
      '&Help',
    ]);
  });

  it('lists the File items with their accelerators', () => {
    const file = submenu(build('linux').template, '&File');
    expect(file.filter((i) => i.label).map((i) => [i.label, i.accelerator ?? null])).toEqual([
      ['New Post', 'CmdOrCtrl+N'],
      ['New Window', 'CmdOrCtrl+Shift+N'],
      ['Open Folder…', 'CmdOrCtrl+O'],
      ['Open Recent', null],
      ['Save', 'CmdOrCtrl+S'],
      ['Save All', 'CmdOrCtrl+Alt+S'],
      ['Reveal in Folder', 'Shift+Alt+R'],
      ['Export as HTML…', null],
      ['Export as PDF…', null],
      ['Close Post', 'CmdOrCtrl+W'],
      ['Close Window', 'CmdOrCtrl+Shift+W'],
      ['Settings…', 'CmdOrCtrl+,'],
      ['E&xit', null],
    ]);
  });

  it('uses each OS’s usual keys: Settings in the app menu and Cmd+Alt+F to replace on macOS', () => {
    const mac = build('darwin').template;
    expect(submenu(mac, 'Folio').some((i) => i.label === 'Settings…')).toBe(true);
    expect(submenu(mac, '&File').some((i) => i.label === 'Settings…')).toBe(false);
    expect(item(submenu(mac, '&Edit'), 'Replace').accelerator).toBe('CmdOrCtrl+Alt+F');
    expect(item(submenu(mac, '&Edit'), 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
    const linux = build('linux').template;
    expect(item(submenu(linux, '&Edit'), 'Replace').accelerator).toBe('CmdOrCtrl+H');
    expect(item(submenu(linux, '&Edit'), 'Redo').accelerator).toBe('CmdOrCtrl+Y');
  });

  it('lets the renderer answer the keys of its commands (one path), and the OS its roles', () => {
    const edit = submenu(build('linux').template, '&Edit');
    expect(item(edit, 'Find').registerAccelerator).toBe(false);
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual([
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('sends only command ids of the contract, and offers every one of them', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const ids = commandsIn(build(platform, { recentFolders: ['/blog'] }).template);
      for (const id of ids) expect(menuCommands).toContain(id);
      expect(new Set(ids)).toEqual(new Set(menuCommands));
    }
  });

  it('sends the command of the clicked item, and the folder of a recent one', () => {
    const { template, sent } = build('linux', { recentFolders: ['/home/me/blog'] });
    click(item(submenu(template, '&Post'), 'Rename Post…'));
    const recent = submenu(submenu(template, '&File'), 'Open Recent');
    click(item(recent, '/home/me/blog'));
    expect(sent).toEqual([
      ['renamePost', undefined],
      ['openRecent', '/home/me/blog'],
    ]);
  });

  it('shows the panes, focus mode and theme as they are', () => {
    const view = submenu(
      build('linux', {
        focusMode: true,
        theme: 'dark',
        layout: { ...defaultSettings.layout, preview: false },
      }).template,
      '&View',
    );
    expect(item(view, 'Preview').checked).toBe(false);
    expect(item(view, 'Sidebar').checked).toBe(true);
    expect(item(view, 'Focus Mode').checked).toBe(true);
    const theme = submenu(view, 'Theme');
    expect(theme.filter((i) => i.checked).map((i) => i.label)).toEqual(['Dark']);
  });

  it('says when there are no recent folders', () => {
    const recent = submenu(submenu(build('linux').template, '&File'), 'Open Recent');
    expect(recent).toEqual([{ label: 'No Recent Folders', enabled: false }]);
  });
});
