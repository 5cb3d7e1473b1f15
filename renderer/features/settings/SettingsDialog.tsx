// Length: one form with a section per setting group; each control is a few lines of markup, split out only where one has logic (appearance.ts, settings-updates.ts).
import { useEffect, useId, useState, type ReactNode } from 'react';
import { formatDate } from '../../../shared/dates.ts';
import type { Settings, SettingsPatch } from '../../../shared/settings.ts';

interface Props {
  settings: Settings;
  update(patch: SettingsPatch): Promise<void>;
  onClose(): void;
}

type Errors = Partial<Record<string, string>>;

/** Every change goes straight to the store (validated there) and applies live. */
function useCommit(update: Props['update']) {
  const [errors, setErrors] = useState<Errors>({});
  const commit = async (key: string, patch: SettingsPatch) => {
    try {
      await update(patch);
      setErrors((e) => ({ ...e, [key]: undefined }));
    } catch (error) {
      // "Invalid arguments for updateSettings: editorFontSize: Font size: 10 to 32" -> the reason.
      const message = (error as Error).message.replace(/^.*?: (\w+\.?)+: /, '');
      setErrors((e) => ({ ...e, [key]: message }));
    }
  };
  return { errors, commit };
}

function Row({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`setting${error ? ' setting-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="setting-control">
        {children(id)}
        {error ? (
          <p className="setting-error" role="alert">
            {error}
          </p>
        ) : hint ? (
          <p className="setting-hint">{hint}</p>
        ) : null}
      </div>
    </div>
  );
}

/** A text or number field that commits on Enter or when it loses focus, not on each key. */
function Draft({
  id,
  value,
  type = 'text',
  placeholder,
  width,
  label,
  onCommit,
}: {
  id: string;
  value: string;
  /** For a field that is not the row's labelled control. */
  label?: string;
  type?: 'text' | 'number';
  placeholder?: string;
  width?: string;
  onCommit(value: string): void;
}) {
  const [draft, setDraft] = useState(value);
  // What was last sent: a rejected value typed back to the stored one is sent again (and clears
  // its error); an untouched field sends nothing.
  const [sent, setSent] = useState(value);
  // A new value from the store (another window, a rejected edit) replaces the draft.
  const [stored, setStored] = useState(value);
  if (stored !== value) {
    setStored(value);
    setDraft(value);
    setSent(value);
  }
  const commit = () => {
    if (draft === sent) return;
    setSent(draft);
    onCommit(draft);
  };
  return (
    <input
      id={id}
      type={type}
      value={draft}
      placeholder={placeholder}
      aria-label={label}
      spellCheck={false}
      style={width ? { width } : undefined}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

const toNumber = (text: string) => (text.trim() === '' ? NaN : Number(text));

/**
 * The settings screen (Ctrl/Cmd+,): editor, saving, appearance, new posts, images,
 * spelling and publishing. Stored in the app's data folder, shared by every window.
 */
export function SettingsDialog({ settings, update, onClose }: Props) {
  const { errors, commit } = useCommit(update);
  const imageCustom = settings.imageFolder !== 'auto';

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div
        className="settings"
        role="dialog"
        aria-modal="true"
        aria-label="Settings"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <header className="settings-header">
          <h2>Settings</h2>
          <button type="button" onClick={onClose} aria-label="Close settings">
            Done
          </button>
        </header>
        <div className="settings-body">
          <section>
            <h3>Editor</h3>
            <Row
              label="Font"
              hint="A font installed on this computer; empty for the default."
              error={errors.editorFontFamily}
            >
              {(id) => (
                <Draft
                  id={id}
                  value={settings.editorFontFamily}
                  placeholder="System monospace"
                  onCommit={(v) => void commit('editorFontFamily', { editorFontFamily: v })}
                />
              )}
            </Row>
            <Row label="Font size" hint="Pixels, 10 to 32." error={errors.editorFontSize}>
              {(id) => (
                <Draft
                  id={id}
                  type="number"
                  width="6em"
                  value={String(settings.editorFontSize)}
                  onCommit={(v) => void commit('editorFontSize', { editorFontSize: toNumber(v) })}
                />
              )}
            </Row>
            <Row label="Line width" hint="Characters per line, 40 to 200." error={errors.lineWidth}>
              {(id) => (
                <Draft
                  id={id}
                  type="number"
                  width="6em"
                  value={String(settings.lineWidth)}
                  onCommit={(v) => void commit('lineWidth', { lineWidth: toNumber(v) })}
                />
              )}
            </Row>
            <Row label="Focus mode" hint="Dim everything but the paragraph you are writing (F8).">
              {(id) => (
                <input
                  id={id}
                  type="checkbox"
                  checked={settings.focusMode}
                  onChange={(e) => void commit('focusMode', { focusMode: e.target.checked })}
                />
              )}
            </Row>
            <Row
              label="Typewriter scrolling"
              hint="Keep the line you are writing in the middle (F9)."
            >
              {(id) => (
                <input
                  id={id}
                  type="checkbox"
                  checked={settings.typewriter}
                  onChange={(e) => void commit('typewriter', { typewriter: e.target.checked })}
                />
              )}
            </Row>
            <Row label="Vim keys" hint="Normal, insert and visual modes in the editor.">
              {(id) => (
                <input
                  id={id}
                  type="checkbox"
                  checked={settings.vim}
                  onChange={(e) => void commit('vim', { vim: e.target.checked })}
                />
              )}
            </Row>
          </section>

          <section>
            <h3>Saving</h3>
            <Row label="Autosave" error={errors.autosaveDelaySeconds}>
              {(id) => (
                <div className="setting-inline">
                  <select
                    id={id}
                    value={settings.autosave}
                    onChange={(e) =>
                      void commit('autosave', {
                        autosave: e.target.value as Settings['autosave'],
                      })
                    }
                  >
                    <option value="off">Off</option>
                    <option value="afterDelay">After a delay</option>
                    <option value="onFocusChange">When I leave the editor</option>
                  </select>
                  {settings.autosave === 'afterDelay' ? (
                    <>
                      <Draft
                        id={`${id}-delay`}
                        label="Seconds after the last edit"
                        type="number"
                        width="5em"
                        value={String(settings.autosaveDelaySeconds)}
                        onCommit={(v) =>
                          void commit('autosaveDelaySeconds', {
                            autosaveDelaySeconds: toNumber(v),
                          })
                        }
                      />
                      <span>seconds after the last edit</span>
                    </>
                  ) : null}
                </div>
              )}
            </Row>
          </section>

          <section>
            <h3>Appearance</h3>
            <Row label="Theme">
              {(id) => (
                <select
                  id={id}
                  value={settings.theme}
                  onChange={(e) =>
                    void commit('theme', { theme: e.target.value as Settings['theme'] })
                  }
                >
                  <option value="auto">Follow the system</option>
                  <option value="light">Light</option>
                  <option value="dark">Dark</option>
                </select>
              )}
            </Row>
            <Row label="Preview style">
              {(id) => (
                <select
                  id={id}
                  value={settings.previewTheme}
                  onChange={(e) =>
                    void commit('previewTheme', {
                      previewTheme: e.target.value as Settings['previewTheme'],
                    })
                  }
                >
                  <option value="default">Folio (serif headings)</option>
                  <option value="github">GitHub (sans-serif)</option>
                  <option value="serif">Book (all serif)</option>
                </select>
              )}
            </Row>
            <Row
              label="Remote images"
              hint="Images a post loads from the web tell their server that you opened it."
            >
              {(id) => (
                <select
                  id={id}
                  value={settings.remoteImages}
                  onChange={(e) =>
                    void commit('remoteImages', {
                      remoteImages: e.target.value as Settings['remoteImages'],
                    })
                  }
                >
                  <option value="load">Load them</option>
                  <option value="ask">Ask for each post</option>
                  <option value="never">Never load them</option>
                </select>
              )}
            </Row>
            <Row
              label="Custom preview CSS"
              hint="A .css file inside the blog, relative to its folder (or pick one with Blog CSS… in the preview)."
              error={errors.previewCssPath}
            >
              {(id) => (
                <Draft
                  id={id}
                  value={settings.previewCssPath}
                  placeholder="source/css/style.css"
                  onCommit={(v) => void commit('previewCssPath', { previewCssPath: v.trim() })}
                />
              )}
            </Row>
          </section>

          <section>
            <h3>New posts</h3>
            <Row
              label="Date format"
              hint={`${
                settings.dateFormat
                  ? `Now that writes ${formatDate(settings.dateFormat, new Date())}.`
                  : "Empty: as the blog's newest post writes its date."
              } Tokens YYYY MM DD HH mm ss, Z for the offset; a blog's .folio/config.yaml wins over this.`}
              error={errors.dateFormat}
            >
              {(id) => (
                <Draft
                  id={id}
                  value={settings.dateFormat}
                  placeholder="As the blog's newest post"
                  onCommit={(v) => void commit('dateFormat', { dateFormat: v })}
                />
              )}
            </Row>
            <Row
              label="Images go to"
              hint={
                imageCustom
                  ? 'A folder inside the blog, relative to its root.'
                  : "Where the blog's generator expects them (post folder, bundle, source/images…)."
              }
              error={errors.imageFolder}
            >
              {(id) => (
                <div className="setting-inline">
                  <select
                    id={id}
                    value={imageCustom ? 'custom' : 'auto'}
                    onChange={(e) =>
                      void commit('imageFolder', {
                        imageFolder: e.target.value === 'auto' ? 'auto' : 'images',
                      })
                    }
                  >
                    <option value="auto">The generator's usual place</option>
                    <option value="custom">A folder I choose</option>
                  </select>
                  {imageCustom ? (
                    <Draft
                      id={`${id}-folder`}
                      label="Image folder"
                      value={settings.imageFolder}
                      placeholder="static/images"
                      onCommit={(v) => void commit('imageFolder', { imageFolder: v })}
                    />
                  ) : null}
                </div>
              )}
            </Row>
          </section>

          <section>
            <h3>Spelling</h3>
            <Row label="Check spelling">
              {(id) => (
                <input
                  id={id}
                  type="checkbox"
                  checked={settings.spellCheck}
                  onChange={(e) => void commit('spellCheck', { spellCheck: e.target.checked })}
                />
              )}
            </Row>
            <Row
              label="Languages"
              hint="Codes separated by commas (en-US, fr, de); empty for the system's language. Right-click a misspelled word for suggestions."
              error={errors.spellCheckLanguages}
            >
              {(id) => (
                <Draft
                  id={id}
                  value={settings.spellCheckLanguages.join(', ')}
                  placeholder="en-US"
                  onCommit={(v) =>
                    void commit('spellCheckLanguages', {
                      spellCheckLanguages: v
                        .split(/[,\s]+/)
                        .map((s) => s.trim())
                        .filter(Boolean),
                    })
                  }
                />
              )}
            </Row>
          </section>

          <section>
            <h3>Publishing</h3>
            <Row
              label="Commit message"
              hint="The default message; {title} stands for the post's title."
              error={errors.commitMessage}
            >
              {(id) => (
                <Draft
                  id={id}
                  value={settings.commitMessage}
                  onCommit={(v) => void commit('commitMessage', { commitMessage: v })}
                />
              )}
            </Row>
            <Row
              label="Broken links when publishing"
              hint="What Publish does when a file it sends has a broken internal link or a missing image (the Problems tab lists them)."
            >
              {(id) => (
                <select
                  id={id}
                  value={settings.publishCheck}
                  onChange={(e) =>
                    void commit('publishCheck', {
                      publishCheck: e.target.value as Settings['publishCheck'],
                    })
                  }
                >
                  <option value="ask">Ask before publishing</option>
                  <option value="warn">Show them, publish without asking</option>
                  <option value="never">Do not check</option>
                </select>
              )}
            </Row>
          </section>
        </div>
      </div>
    </div>
  );
}
