/**
 * The command registry: every action a writer can take by menu, palette or key, in one
 * place. Built-in ids and their titles and keys come from shared/commands.ts; the menu
 * sends the same ids (menuCommand events), so a command runs by one path however it is
 * invoked. A feature adds its command with one line:
 *
 *   useCommand('renamePost', () => actions.rename(), () => activePath !== null);
 */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/channels.ts';
import {
  commandInfo,
  displayKey,
  keyFor,
  matchesKey,
  type KeyPress,
  type KeySpec,
  type Platform,
} from '../../shared/commands.ts';

export interface Command {
  id: string;
  title: string;
  category: string;
  key?: KeySpec;
  /** 'editor': CodeMirror or the focused field answers the key; the registry only shows it. */
  keyOwner?: 'app' | 'editor';
  run(arg?: string): unknown;
  /** Whether it can run now; a disabled command is left out of the palette. */
  enabled?(): boolean;
  /** Reachable by menu or key but not listed in the palette (e.g. needs an argument). */
  hidden?: boolean;
}

export const platform: Platform =
  typeof navigator !== 'undefined' && /^Mac/.test(navigator.platform) ? 'mac' : 'other';

export class CommandRegistry {
  private readonly commands = new Map<string, Command>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly os: Platform = platform) {}

  /** Adds or replaces a command; the returned function removes it (if still the same one). */
  register(command: Command): () => void {
    this.commands.set(command.id, command);
    this.changed();
    return () => {
      if (this.commands.get(command.id) === command) {
        this.commands.delete(command.id);
        this.changed();
      }
    };
  }

  get(id: string): Command | undefined {
    return this.commands.get(id);
  }

  isEnabled(command: Command): boolean {
    return command.enabled?.() ?? true;
  }

  /** Everything the palette can offer now: registered, listed and enabled. */
  available(): Command[] {
    return [...this.commands.values()].filter((c) => !c.hidden && this.isEnabled(c));
  }

  /** Runs a command if it is registered and enabled; false otherwise. */
  run(id: string, arg?: string): boolean {
    const command = this.commands.get(id);
    if (!command || !this.isEnabled(command)) return false;
    void Promise.resolve(command.run(arg)).catch((error: unknown) =>
      console.error(`Command ${id} failed`, error),
    );
    return true;
  }

  /** The key as this OS shows it (`⇧⌘P`, `Ctrl+Shift+P`). */
  shortcut(command: Command): string | undefined {
    const key = keyFor(command.key, this.os);
    return key ? displayKey(key, this.os) : undefined;
  }

  /** The command a key press runs, if any (commands whose key the editor answers excluded). */
  forKey(press: KeyPress): Command | undefined {
    for (const command of this.commands.values()) {
      if (command.keyOwner === 'editor') continue;
      const key = keyFor(command.key, this.os);
      if (key && matchesKey(key, press, this.os) && this.isEnabled(command)) return command;
    }
    return undefined;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The app's one registry. */
export const commands = new CommandRegistry();

/** A built-in command (shared/commands.ts gives its title, category and key). */
export function builtin(
  id: MenuCommand,
  run: (arg?: string) => unknown,
  enabled?: () => boolean,
): Command {
  // Open Recent needs a folder: the palette lists each recent folder as its own command.
  const hidden = id === 'openRecent';
  return {
    id,
    ...commandInfo[id],
    run,
    ...(enabled ? { enabled } : {}),
    ...(hidden ? { hidden } : {}),
  };
}

/**
 * Registers a built-in command while the component is mounted. `run` and `enabled` may
 * change on every render: the registry always calls the latest ones.
 */
export function useCommand(
  id: MenuCommand,
  run: (arg?: string) => unknown,
  enabled?: () => boolean,
): void {
  const latest = useRef({ run, enabled });
  useEffect(() => {
    latest.current = { run, enabled };
  });
  useEffect(
    () =>
      commands.register(
        builtin(
          id,
          (arg) => latest.current.run(arg),
          () => latest.current.enabled?.() ?? true,
        ),
      ),
    [id],
  );
}

/** Runs the command a key press names; for a capture-phase keydown listener on window. */
export function handleCommandKey(event: KeyboardEvent, registry = commands): void {
  const command = registry.forKey(event);
  if (!command) return;
  event.preventDefault();
  event.stopPropagation();
  registry.run(command.id);
}
