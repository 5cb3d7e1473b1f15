import { useEffect, useMemo, useState } from 'react';
import { defaultSettings, type Settings, type SettingsPatch } from '../../../shared/settings.ts';
import { api } from '../../api.ts';
import { settingsUpdates } from './settings-updates.ts';

/**
 * The writer's settings, live: loaded from the main process, updated there (validated and
 * written to the data folder), and followed when another window changes them.
 */
export function useSettings(): {
  settings: Settings;
  loaded: boolean;
  update(patch: SettingsPatch): Promise<void>;
} {
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [loaded, setLoaded] = useState(false);
  const updates = useMemo(
    () =>
      settingsUpdates(setSettings, {
        update: (patch) => api.updateSettings(patch),
        get: () => api.getSettings(),
      }),
    [],
  );
  useEffect(() => {
    let live = true;
    void api.getSettings().then((value) => {
      if (!live) return;
      // A change made before the settings arrived is answered with all of them.
      updates.changed(value);
      setLoaded(true);
    });
    const off = api.on.settingsChanged(updates.changed);
    return () => {
      live = false;
      off();
    };
  }, [updates]);
  return { settings, loaded, update: updates.update };
}
