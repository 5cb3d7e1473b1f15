/**
 * The application menu as data: a pure function of the platform and the settings, so its
 * labels, accelerators and command ids are unit-tested without Electron. Items that act on
 * the renderer send a command id (shared/channels.ts `menuCommands`) that the renderer runs
 * through its command registry, the same path as the palette and the keyboard.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/channels.ts';
import { commandInfo, keyFor, toAccelerator, type Platform } from '../shared/commands.ts';
import type { Settings } from '../shared/settings.ts';

export interface MenuContext {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  settings: Pick<Settings, 'recentFolders' | 'focusMode' | 'typewriter' | 'theme' | 'layout'>;
  /** Runs a command in the focused window (openRecent carries its folder). */
  send(command: MenuCommand, folder?: string): void;
  /** Opens another window on a folder the writer picks. */
  newWindow(): void;
  clearRecent(): void;
}

type Item = MenuItemConstructorOptions & { command?: MenuCommand };

export function menuTemplate(context: MenuContext): Item[] {
  const isMac = context.platform === 'darwin';
  const platform: Platform = isMac ? 'mac' : 'other';
  const { settings, send } = context;

  /** A menu item for a registry command; the renderer's key handler answers its key. */
  const command = (id: MenuCommand, extra: Item = {}): Item => {
    const info = commandInfo[id];
    const key = keyFor(info.key, platform);
    return {
      label: info.title,
      command: id,
      ...(key ? { accelerator: toAccelerator(key), registerAccelerator: false } : {}),
      click: () => send(id),
      ...extra,
    };
  };
  const toggle = (id: MenuCommand, checked: boolean): Item =>
    command(id, {
      type: 'checkbox',
      checked,
      label: commandInfo[id].title.replace(/^Toggle /, ''),
    });
  const theme = (id: MenuCommand, value: Settings['theme'], label: string): Item =>
    command(id, { type: 'radio', checked: settings.theme === value, label });

  const recent: Item[] = settings.recentFolders.length
    ? [
        ...settings.recentFolders.map((folder): Item => ({
          label: folder,
          command: 'openRecent',
          click: () => send('openRecent', folder),
        })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => context.clearRecent() },
      ]
    : [{ label: 'No Recent Folders', enabled: false }];

  const settingsItem = command('settings', { label: isMac ? 'Settings…' : 'Settings…' });

  return [
    ...(isMac
      ? [
          {
            label: 'Folio',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              settingsItem,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies Item,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        command('newPost'),
        {
          label: 'New Window',
          accelerator: 'CmdOrCtrl+Shift+N',
          click: () => context.newWindow(),
        },
        { type: 'separator' },
        command('openFolder'),
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        command('save'),
        command('saveAll'),
        { type: 'separator' },
        command('revealInFolder'),
        command('exportHtml'),
        command('exportPdf'),
        { type: 'separator' },
        command('closePost'),
        { role: 'close', label: 'Close Window', accelerator: 'CmdOrCtrl+Shift+W' },
        ...(isMac
          ? []
          : [
              { type: 'separator' } as Item,
              settingsItem,
              { type: 'separator' } as Item,
              { role: 'quit', label: 'E&xit' } as Item,
            ]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        command('undo'),
        command('redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('find'),
        command('replace'),
        command('searchAll'),
        command('quickOpen'),
        { type: 'separator' },
        command('insertShortcode'),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('commandPalette'),
        { type: 'separator' },
        toggle('toggleSidebar', settings.layout.sidebar),
        toggle('toggleForm', settings.layout.form),
        toggle('togglePreview', settings.layout.preview),
        { type: 'separator' },
        toggle('focusMode', settings.focusMode),
        toggle('typewriter', settings.typewriter),
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [
            theme('themeAuto', 'auto', 'Follow System'),
            theme('themeLight', 'light', 'Light'),
            theme('themeDark', 'dark', 'Dark'),
          ],
        },
        { type: 'separator' },
        command('zoomIn'),
        command('zoomOut'),
        command('zoomReset'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(context.isPackaged ? [] : [{ role: 'toggleDevTools' } as Item]),
      ],
    },
    {
      label: '&Post',
      submenu: [
        command('publishDraft'),
        { type: 'separator' },
        command('renamePost'),
        command('duplicatePost'),
        { type: 'separator' },
        command('trashPost'),
      ],
    },
    { label: '&Git', submenu: [command('gitPublish'), command('gitSync')] },
    ...(isMac ? [{ role: 'windowMenu' } satisfies Item] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [
        command('commandPalette', { label: 'Show All Commands' }),
        ...(isMac ? [] : [{ type: 'separator' } as Item, { role: 'about' } as Item]),
      ],
    },
  ];
}

/** Every command id the template sends, for the unit test and the registry check. */
export function commandsIn(items: readonly Item[]): MenuCommand[] {
  return items.flatMap((item) => [
    ...(item.command ? [item.command] : []),
    ...(Array.isArray(item.submenu) ? commandsIn(item.submenu as Item[]) : []),
  ]);
}
