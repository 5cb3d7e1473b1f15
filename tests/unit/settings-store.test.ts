import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/services/dispatch.ts';
import { createFolio } from '../../electron/services/handlers.ts';
import {
  createSettingsStore,
  type SettingsStore,
} from '../../electron/services/settings/settings.ts';
import { settingsUpdates } from '../../renderer/features/settings/settings-updates.ts';
import {
  defaultSettings,
  RECENT_FOLDERS,
  type Settings,
  type SettingsPatch,
  settingsPatchSchema,
  withRecentFolder,
} from '../../shared/settings.ts';
import { useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();

/** Folio's handlers over a settings store, with no dialogs or shell behind them. */
function folioOver(settings: SettingsStore, data: string) {
  return createFolio({
    settings,
    assetBase: 'asset://w1/',
    dataFolder: data,
    pickFolder: async () => null,
    pickFile: async () => null,
    openExternal: async () => undefined,
    revealPath: () => undefined,
    emit: () => undefined,
  });
}

describe('the settings store', () => {
  it('starts from the defaults when there is no file yet', async () => {
    const store = createSettingsStore(await tempFolder());
    expect(store.get()).toEqual(defaultSettings);
    expect(store.get().autosave).toBe('off');
    expect(store.get().layout).toEqual({
      sidebar: true,
      form: true,
      preview: true,
      sidebarWidth: 260,
      previewShare: 0.5,
    });
  });

  it('writes every change to the data folder and reads it back in a new process', async () => {
    const data = await tempFolder();
    const store = createSettingsStore(data);
    await store.update({ editorFontSize: 18, vim: true, layout: { preview: false } });
    await store.update({ layout: { sidebarWidth: 300 } });
    const again = createSettingsStore(data);
    expect(again.get().editorFontSize).toBe(18);
    expect(again.get().vim).toBe(true);
    // A partial layout changes only the panes it names.
    expect(again.get().layout).toMatchObject({ preview: false, sidebarWidth: 300, form: true });
    expect(JSON.parse(readFileSync(path.join(data, 'settings.json'), 'utf8')).vim).toBe(true);
  });

  it('keeps the good keys of a file with one bad value', async () => {
    const data = await tempFolder();
    writeFileSync(
      path.join(data, 'settings.json'),
      JSON.stringify({ editorFontSize: 'huge', commitMessage: 'Post: {title}', future: 1 }),
    );
    const store = createSettingsStore(data);
    expect(store.get().editorFontSize).toBe(15);
    expect(store.get().commitMessage).toBe('Post: {title}');
  });

  it('moves a file that is not JSON aside instead of overwriting it', async () => {
    const data = await tempFolder();
    writeFileSync(path.join(data, 'settings.json'), '{ "vim": tru');
    const store = createSettingsStore(data);
    expect(store.get()).toEqual(defaultSettings);
    expect(readFileSync(path.join(data, 'settings.damaged.json'), 'utf8')).toBe('{ "vim": tru');
    await store.update({ vim: true });
    expect(existsSync(path.join(data, 'settings.json'))).toBe(true);
  });

  it('tells its listeners (every window) after each change', async () => {
    const store = createSettingsStore(await tempFolder());
    const heard: boolean[] = [];
    const off = store.onChange((s) => heard.push(s.typewriter));
    await store.update({ typewriter: true });
    off();
    await store.update({ typewriter: false });
    expect(heard).toEqual([true]);
  });
});

describe('updates from the renderer', () => {
  it('are refused with a message that names the setting', async () => {
    const data = await tempFolder();
    const blog = await tempFolder();
    await writeFiles(blog, { 'a.md': '# A\n' });
    const folio = folioOver(createSettingsStore(data), data);
    const dispatch = createDispatcher(folio.handlers);
    const bad = await dispatch('updateSettings', { editorFontSize: 99 });
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'Invalid arguments for updateSettings: editorFontSize: Font size: 10 to 32',
      },
    });
    // The main process keeps the window and folder keys to itself.
    expect((await dispatch('updateSettings', { lastFolder: '/etc' })).ok).toBe(false);
    const good = await dispatch('updateSettings', { autosave: 'afterDelay' });
    expect(good.ok && (good.value as typeof defaultSettings).autosave).toBe('afterDelay');
    expect(createSettingsStore(data).get().autosave).toBe('afterDelay');
  });

  it('accept the image folder rule as auto or a folder, never empty', () => {
    expect(settingsPatchSchema.safeParse({ imageFolder: 'auto' }).success).toBe(true);
    expect(settingsPatchSchema.parse({ imageFolder: ' static/img ' }).imageFolder).toBe(
      'static/img',
    );
    expect(settingsPatchSchema.safeParse({ imageFolder: '  ' }).success).toBe(false);
  });

  it('accept a date format whose dates read back, or none (copy the blog), never another', () => {
    expect(settingsPatchSchema.parse({ dateFormat: ' YYYY/MM/DD ' }).dateFormat).toBe('YYYY/MM/DD');
    expect(settingsPatchSchema.parse({ dateFormat: '' }).dateFormat).toBe('');
    const bad = settingsPatchSchema.safeParse({ dateFormat: 'DD.MM.YYYY' });
    expect(bad.error?.issues[0]?.message).toMatch(/writes 23\.11\.2001, which blogs do not read/);
  });
});

describe('the date format for new posts', () => {
  const HEXO_BLOG = {
    '_config.yml': 'title: Blog\nnew_post_name: :title.md\n',
    'scaffolds/post.md': '---\ntitle: {{ title }}\ndate: {{ date }}\n---\n',
    'source/_posts/old.md': '---\ntitle: Old\ndate: 2024-03-04T10:00:00+09:00\n---\nBody\n',
  };

  async function newPostDate(files: Record<string, string>, dateFormat: string) {
    const data = await tempFolder();
    const blog = await tempFolder();
    await writeFiles(blog, files);
    const settings = createSettingsStore(data);
    await settings.update({ dateFormat });
    const folio = folioOver(settings, data);
    try {
      await folio.openFolder(blog);
      const created = await createDispatcher(folio.handlers)('createPost', {
        title: 'New One',
        draft: false,
      });
      if (!created.ok) throw new Error(created.error.message);
      const text = readFileSync(path.join(blog, 'source/_posts/new-one.md'), 'utf8');
      return /^date: (.*)$/m.exec(text)?.[1];
    } finally {
      await folio.dispose();
    }
  }

  it('is the setting when there is one, else the layout of the newest post', async () => {
    expect(await newPostDate(HEXO_BLOG, 'YYYY/MM/DD')).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    expect(await newPostDate(HEXO_BLOG, '')).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/,
    );
  });

  it('is the blog’s .folio/config.yaml when it declares one, over the setting', async () => {
    const declared = { ...HEXO_BLOG, '.folio/config.yaml': 'dateFormat: YYYY-MM-DD\n' };
    expect(await newPostDate(declared, 'YYYY/MM/DD HH:mm')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('recent folders', () => {
  it('put the latest first, once, and keep at most ten', () => {
    const many = Array.from({ length: 12 }, (_, i) => `/blog${i}`);
    const recent = withRecentFolder(many, '/blog5');
    expect(recent[0]).toBe('/blog5');
    expect(recent.filter((f) => f === '/blog5')).toHaveLength(1);
    expect(recent).toHaveLength(RECENT_FOLDERS);
  });

  it('are recorded when a window opens a folder', async () => {
    const data = await tempFolder();
    const [a, b] = [await tempFolder(), await tempFolder()];
    const settings = createSettingsStore(data);
    const folio = folioOver(settings, data);
    await folio.openFolder(a);
    await folio.openFolder(b);
    await folio.openFolder(a);
    await folio.dispose();
    expect(createSettingsStore(data).get()).toMatchObject({ lastFolder: a, recentFolders: [a, b] });
  });
});

/**
 * A window's settings over the real store, with the store's answers held back until the
 * test lets them through: the slow disk (or busy main process) the window cannot see.
 */
async function windowOverSlowStore() {
  const data = await tempFolder();
  const store = createSettingsStore(data);
  const dispatch = createDispatcher(folioOver(store, data).handlers);
  let shown: Settings = defaultSettings;
  const held: Array<() => void> = [];
  const deliver = <T>(answer: Promise<T>) =>
    answer.then((value) => new Promise<T>((resolve) => held.push(() => resolve(value))));
  const updates = settingsUpdates(
    (next) => {
      shown = typeof next === 'function' ? next(shown) : next;
    },
    {
      update: (patch: SettingsPatch) =>
        deliver(
          dispatch('updateSettings', patch).then((answer) => {
            if (!answer.ok) throw new Error(answer.error.message);
            return answer.value as Settings;
          }),
        ),
      get: () => deliver(Promise.resolve(store.get())),
    },
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return {
    store,
    updates,
    shown: () => shown,
    /** Lets the oldest held answer through. */
    async release() {
      await settle();
      held.shift()!();
      await settle();
    },
    toggle: (key: 'typewriter' | 'focusMode') => updates.update({ [key]: !shown[key] }),
  };
}

describe('settings changes in a window, over a slow store', () => {
  it('a late answer to an older change does not flip back a newer one', async () => {
    const w = await windowOverSlowStore();
    const focusOff = w.updates.update({ focusMode: false });
    const typewriterOn = w.toggle('typewriter');
    expect(w.shown().typewriter).toBe(true);
    // The answer to the focus-mode change was written before typewriter was switched on.
    await w.release();
    expect(w.shown().typewriter).toBe(true);
    // So the next toggle switches it off, as the writer sees it.
    const typewriterOff = w.toggle('typewriter');
    await w.release();
    await w.release();
    await Promise.all([focusOff, typewriterOn, typewriterOff]);
    expect(w.shown().typewriter).toBe(false);
    expect(w.store.get().typewriter).toBe(false);
  });

  it('follows another window once its own changes are answered', async () => {
    const w = await windowOverSlowStore();
    const mine = w.updates.update({ vim: true });
    // Sent while my change is in flight: older than what the store will answer me.
    w.updates.changed({ ...defaultSettings, vim: false });
    expect(w.shown().vim).toBe(true);
    await w.release();
    await mine;
    w.updates.changed({ ...w.store.get(), focusMode: true });
    expect(w.shown()).toMatchObject({ vim: true, focusMode: true });
  });

  it('a refused change shows what the store holds', async () => {
    const w = await windowOverSlowStore();
    const refused = w.updates.update({ editorFontSize: 99 }).catch((e: Error) => e);
    await w.release();
    const error = await refused;
    expect(error).toBeInstanceOf(Error);
    expect(w.shown().editorFontSize).toBe(defaultSettings.editorFontSize);
  });
});
