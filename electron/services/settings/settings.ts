import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../content/atomic-write.ts';

const schema = z.object({
  lastFolder: z.string().optional(),
});

export type Settings = z.infer<typeof schema>;

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Promise<void>;
}

/** Settings kept as JSON in the app's data folder; a damaged file falls back to defaults. */
export function createSettingsStore(dataFolder: string): SettingsStore {
  const file = path.join(dataFolder, 'settings.json');
  let current: Settings = {};
  try {
    current = schema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    current = {};
  }
  return {
    get: () => current,
    async update(patch) {
      current = schema.parse({ ...current, ...patch });
      await mkdir(dataFolder, { recursive: true });
      await writeFileAtomic(file, JSON.stringify(current, null, 2) + '\n');
    },
  };
}
