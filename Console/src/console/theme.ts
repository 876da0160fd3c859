// Light, dark, or the system's choice; kept in localStorage and applied as data-theme on <html>.

export type Theme = 'system' | 'light' | 'dark';

const key = 'openc3.console.theme';
const order: Theme[] = ['system', 'light', 'dark'];

export function storedTheme(): Theme {
  const value = localStorage.getItem(key);
  return order.includes(value as Theme) ? (value as Theme) : 'system';
}

export function nextTheme(theme: Theme): Theme {
  return order[(order.indexOf(theme) + 1) % order.length];
}

export function applyTheme(theme: Theme): void {
  localStorage.setItem(key, theme);
  if (theme === 'system') {
    delete document.documentElement.dataset.theme;
  } else {
    document.documentElement.dataset.theme = theme;
  }
}
