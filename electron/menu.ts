import { Menu, type MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuContext } from './menu-template.ts';

type Item = MenuItemConstructorOptions & { command?: string };

/** Electron gets the template without our `command` tags. */
function strip(items: Item[]): MenuItemConstructorOptions[] {
  return items.map(({ command: _command, submenu, ...item }) => ({
    ...item,
    ...(Array.isArray(submenu) ? { submenu: strip(submenu as Item[]) } : {}),
  }));
}

export function buildMenu(context: MenuContext): Menu {
  return Menu.buildFromTemplate(strip(menuTemplate(context)));
}
