/**
 * The writer's theme choice: follow the OS, or pin light or dark (kept in localStorage).
 * `data-theme` on <html> always holds the theme in effect, so the CSS has one dark block.
 */
export type ThemeChoice = 'auto' | 'light' | 'dark';

const KEY = 'folio.theme';
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
let current: ThemeChoice = 'auto';

function paint(): void {
  const dark = current === 'dark' || (current === 'auto' && systemDark.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

systemDark.addEventListener('change', paint);

export function loadTheme(): ThemeChoice {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'auto';
}

export function applyTheme(choice: ThemeChoice): void {
  current = choice;
  localStorage.setItem(KEY, choice);
  paint();
}
