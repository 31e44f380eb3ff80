// Chart colours come from the stylesheet's custom properties, so the charts follow the page into dark mode.
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

export function currentTheme() {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    dark: darkQuery.matches,
    text: read('--text'),
    muted: read('--muted'),
    grid: read('--grid'),
    curve: read('--curve'),
    surface: read('--surface'),
  };
}

export function onThemeChange(callback) {
  darkQuery.addEventListener('change', () => callback(currentTheme()));
}
