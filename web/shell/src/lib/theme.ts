export type Theme = 'dark' | 'light';
const KEY = 'ts.theme';

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}

/** Calls back after the system theme changed (public/theme.js, registered first, has applied it by then). */
export function followSystemTheme(callback: () => void): () => void {
  const query = typeof window === 'undefined' || !window.matchMedia ? null : window.matchMedia('(prefers-color-scheme: light)');
  query?.addEventListener('change', callback);
  return () => query?.removeEventListener('change', callback);
}

export function setTheme(theme: Theme) {
  if (theme === 'light') document.documentElement.dataset.theme = 'light';
  else delete document.documentElement.dataset.theme;
  try { localStorage.setItem(KEY, theme); } catch { /* ignore */ }
  const meta = document.querySelector('meta[name="theme-color"]');
  meta?.setAttribute('content', theme === 'light' ? '#f4f6f8' : '#0d1015');
}
