// Chart colors come from the page's CSS custom properties, so light and dark themes live in style.css only.

const LIGHT_EXPORT = { text: '#1d2330', muted: '#5b6473', grid: '#d9dde3', surface: '#ffffff', bg: '#ffffff',
  accent: '#3366cc', accent2: '#e4572e', dark: false };

export function readTheme() {
  const css = getComputedStyle(document.documentElement);
  const v = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    dark,
    text: v('--text', '#1d2330'),
    muted: v('--muted', '#5b6473'),
    grid: v('--grid', '#d9dde3'),
    surface: v('--surface', '#ffffff'),
    bg: v('--bg', '#ffffff'),
    accent: v('--accent', '#3366cc'),
    accent2: v('--accent-2', '#e4572e'),
    font: v('--font', 'system-ui, sans-serif'),
  };
}

/** Exports are for publishing: always the light palette, whatever the reader's theme. */
export function exportTheme(theme) {
  return { ...theme, ...LIGHT_EXPORT };
}

export function onThemeChange(fn) {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', fn);
}
