// Chart colors come from the page's CSS custom properties, so light and dark themes live in style.css only.

const LIGHT_EXPORT = { text: '#1d2330', muted: '#5b6473', grid: '#d9dde3', surface: '#ffffff', bg: '#ffffff',
  accent: '#3366cc', accent2: '#e4572e', dark: false };

// The chart theme's fields and the CSS custom properties they come from (with a fallback): read by the page here
// and from style.css by scripts/prerender.mjs, whose pictures are used only where both read the same.
export const THEME_VARS = [['text', '--text', '#1d2330'], ['muted', '--muted', '#5b6473'], ['grid', '--grid', '#d9dde3'],
  ['surface', '--surface', '#ffffff'], ['bg', '--bg', '#ffffff'], ['accent', '--accent', '#3366cc'],
  ['accent2', '--accent-2', '#e4572e'], ['font', '--font', 'system-ui, sans-serif']];

/** The theme from a custom property reader (name -> value, '' when unset). */
export function themeFrom(dark, value) {
  const theme = { dark };
  for (const [key, name, fallback] of THEME_VARS) theme[key] = value(name).trim() || fallback;
  return theme;
}

export function readTheme() {
  const css = getComputedStyle(document.documentElement);
  return themeFrom(matchMedia('(prefers-color-scheme: dark)').matches, (name) => css.getPropertyValue(name));
}

/** Exports are for publishing: always the light palette, whatever the reader's theme. */
export function exportTheme(theme) {
  return { ...theme, ...LIGHT_EXPORT };
}

export function onThemeChange(fn) {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', fn);
}
