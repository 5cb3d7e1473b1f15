import {
  settingsPatchSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings.ts';

type SetSettings = (next: Settings | ((current: Settings) => Settings)) => void;

export interface SettingsUpdates {
  /** Shows a valid change at once, then sends it; the store's answer follows. */
  update(patch: SettingsPatch): Promise<void>;
  /** Settings the main process sent unasked: the first load, another window's change. */
  changed(settings: Settings): void;
}

/**
 * Keeps the optimistic settings from being flipped back by late answers. The store answers
 * each change with the whole settings as they were then, after writing them to disk; on a
 * slow disk a change's answer can arrive after the writer's next change has already shown.
 * Applied, it would undo that change, and a toggle read from it goes the wrong way (F9
 * twice, quickly, left typewriter scrolling on). So only the answer to the newest change is
 * applied, and broadcasts wait until no change is in flight: the newest answer already
 * holds every change the store took before it.
 */
export function settingsUpdates(
  set: SetSettings,
  store: { update(patch: SettingsPatch): Promise<Settings>; get(): Promise<Settings> },
): SettingsUpdates {
  let newest = 0;
  let inFlight = 0;
  return {
    async update(patch) {
      const valid = settingsPatchSchema.safeParse(patch);
      if (valid.success) {
        const change = valid.data;
        set((s) => ({ ...s, ...change, layout: { ...s.layout, ...change.layout } }));
      }
      const mine = ++newest;
      inFlight++;
      try {
        const answer = await store.update(patch);
        if (mine === newest) set(answer);
      } catch (error) {
        const stored = await store.get();
        if (mine === newest) set(stored);
        throw error;
      } finally {
        inFlight--;
      }
    },
    changed(settings) {
      if (inFlight === 0) set(settings);
    },
  };
}
