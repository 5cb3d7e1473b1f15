import { useCallback, useEffect, useState } from 'react';
import {
  defaultSettings,
  settingsPatchSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings.ts';
import { api } from '../../api.ts';

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
  useEffect(() => {
    let live = true;
    void api.getSettings().then((value) => {
      if (!live) return;
      setSettings(value);
      setLoaded(true);
    });
    const off = api.on.settingsChanged(setSettings);
    return () => {
      live = false;
      off();
    };
  }, []);
  const update = useCallback(async (patch: SettingsPatch) => {
    // A valid change shows at once (a checkbox flips on the click); the store's answer follows.
    const valid = settingsPatchSchema.safeParse(patch);
    if (valid.success) {
      const change = valid.data;
      setSettings((s) => ({ ...s, ...change, layout: { ...s.layout, ...change.layout } }));
    }
    try {
      setSettings(await api.updateSettings(patch));
    } catch (error) {
      setSettings(await api.getSettings());
      throw error;
    }
  }, []);
  return { settings, loaded, update };
}
