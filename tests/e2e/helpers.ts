import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { FolioFixture } from './fixtures.ts';

export async function openPost(page: Page, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Posts' })
    .getByRole('button', { name: title })
    .click();
  await expect(page.locator('#fm-title')).toHaveValue(title);
}

/**
 * The editor's whole text from CodeMirror's own state (what EditorView.findFromDOM reads:
 * the content element's tile, `cmView` before CodeMirror 6.39), not from rendered lines.
 */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    type Owner = { view: { state: { doc: { toString(): string } } } };
    const content = document.querySelector('.cm-content') as HTMLElement & {
      cmTile?: Owner;
      cmView?: Owner;
    };
    return (content.cmTile ?? content.cmView)!.view.state.doc.toString();
  });
}

/** Replaces the post's body (everything after the front matter) through CodeMirror, as a paste would. */
export function replaceBody(page: Page, body: string): Promise<void> {
  return page.evaluate((insert) => {
    type View = {
      state: { doc: { length: number; toString(): string } };
      dispatch(spec: { changes: { from: number; to: number; insert: string } }): void;
    };
    const content = document.querySelector('.cm-content') as HTMLElement & {
      cmTile?: { view: View };
      cmView?: { view: View };
    };
    const view = (content.cmTile ?? content.cmView)!.view;
    const head = /^---\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/.exec(view.state.doc.toString());
    if (!head) throw new Error('the post has no front matter to keep');
    view.dispatch({ changes: { from: head[0].length, to: view.state.doc.length, insert } });
  }, body);
}

/** Saves the open post, which must have unsaved changes, and waits until the save landed. */
export async function save(page: Page): Promise<void> {
  const unsaved = page.getByRole('navigation', { name: 'Posts' }).getByLabel('Unsaved changes');
  await expect(unsaved).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+s');
  await expect(unsaved).toHaveCount(0);
  await expect(page.getByTestId('status-text')).toHaveText(/^Saved /);
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Folio Tests', '-c', 'user.email=tests@example.org', ...args],
    { cwd, encoding: 'utf8' },
  );

/** Makes the blog a git repository with everything committed, so diffs show Folio's edits alone. */
export function commitAll(blog: string, message = 'baseline'): void {
  if (!git(blog, 'rev-parse', '--is-inside-work-tree').includes('true')) return;
  git(blog, 'add', '-A');
  git(blog, 'commit', '-qm', message, '--allow-empty');
}

export function initRepo(blog: string): void {
  git(blog, 'init', '-q');
  commitAll(blog);
}

/** The changed lines of the working tree against the last commit: `-old` and `+new`. */
export function diffLines(blog: string): string[] {
  return git(blog, 'diff', '--unified=0', '--no-color')
    .split('\n')
    .filter((line) => /^[-+]/.test(line) && !/^(---|\+\+\+) /.test(line));
}

/** The texts of the hot-exit backups in the data folder (fixtures keep it next to the blog). */
export function backupTexts(dataFolder: string): string[] {
  const folder = path.join(dataFolder, 'backups');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map(
      (name) =>
        (JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as { text: string }).text,
    );
}

/** Answers the next save dialogs: the Chromium host's stand-in, or Electron's own dialog module. */
export async function answerSaveDialogs(folio: FolioFixture, answers: Array<string | null>) {
  if (folio.controls) return void folio.controls.savePicks.push(...answers);
  await folio.electron!.evaluate(({ dialog }, queue) => {
    dialog.showSaveDialog = (async () => {
      const next = queue.shift() ?? null;
      return { canceled: next === null, filePath: next ?? '' };
    }) as unknown as typeof dialog.showSaveDialog;
  }, answers);
}

/**
 * WCAG contrast of each element's text against the background it is drawn on (the nearest
 * ancestor with an opaque-enough background), for the parts of the window a writer reads.
 */
export function contrasts(page: Page, selectors: Record<string, string>) {
  return page.evaluate((selectors) => {
    const rgb = (color: string) => {
      const [r, g, b, a] = (color.match(/[\d.]+/g) ?? []).map(Number);
      return { r: r ?? 0, g: g ?? 0, b: b ?? 0, a: a ?? 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const backgroundOf = (el: Element | null): { r: number; g: number; b: number } => {
      for (let node = el; node; node = node.parentElement) {
        const bg = rgb(getComputedStyle(node).backgroundColor);
        if (bg.a > 0.5) return bg;
      }
      return { r: 255, g: 255, b: 255 };
    };
    const result: Record<string, number> = {};
    for (const [name, selector] of Object.entries(selectors)) {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`${name}: nothing matches ${selector}`);
      const fg = luminance(rgb(getComputedStyle(el).color));
      const bg = luminance(backgroundOf(el));
      result[name] =
        Math.round(((Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)) * 100) / 100;
    }
    return result;
  }, selectors);
}
