import { existsSync, readFileSync, renameSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  defaultSettings,
  settingsSchema,
  type Layout,
  type Settings,
} from '../../../shared/settings.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

export type { Settings };

/** A change from the main process; `layout` may name only the panes that changed. */
export type SettingsUpdate = Partial<Omit<Settings, 'layout'>> & { layout?: Partial<Layout> };

export interface SettingsStore {
  get(): Settings;
  /** Validates, writes atomically, then tells the listeners (every window applies it live). */
  update(patch: SettingsUpdate): Promise<Settings>;
  onChange(listener: (settings: Settings) => void): () => void;
}

/**
 * Reads the file: a bad value falls back to its default (the other keys survive); a file
 * that is not JSON at all is moved aside to `settings.damaged.json`, so nothing the writer
 * set is silently overwritten.
 */
function readSettings(file: string): Settings {
  if (!existsSync(file)) return defaultSettings;
  const text = readFileSync(file, 'utf8');
  try {
    return settingsSchema.parse(JSON.parse(text));
  } catch {
    try {
      renameSync(file, file.replace(/\.json$/, '.damaged.json'));
    } catch {
      // Unreadable and immovable: start from the defaults; the next save replaces it.
    }
    return defaultSettings;
  }
}

/** Settings kept as JSON in the app's data folder, one store shared by every window. */
export function createSettingsStore(dataFolder: string): SettingsStore {
  const file = path.join(dataFolder, 'settings.json');
  let current: Settings = readSettings(file);
  const listeners = new Set<(settings: Settings) => void>();
  // Updates write in order, so the file always ends with the latest settings.
  let writing: Promise<unknown> = Promise.resolve();
  return {
    get: () => current,
    async update(patch) {
      current = settingsSchema.parse({
        ...current,
        ...patch,
        layout: { ...current.layout, ...patch.layout },
      });
      const snapshot = current;
      writing = writing
        .catch(() => undefined)
        .then(async () => {
          await mkdir(dataFolder, { recursive: true });
          await writeFileAtomic(file, JSON.stringify(snapshot, null, 2) + '\n');
        });
      await writing;
      for (const listener of listeners) listener(snapshot);
      return snapshot;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
